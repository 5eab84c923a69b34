"""The signal a library search sends once it has its answer, for whatever counts searches.

Sent by the library page (rendered or kept) and the JSON API with `query` (the parsed
`LibraryQuery`) and `count` (how many results it found). The library itself keeps nothing
about who searched; receivers decide what, if anything, to record.
"""

from django.dispatch import Signal

library_searched = Signal()


def searched(query, count):
    library_searched.send(sender=LibrarySearch, query=query, count=count)


class LibrarySearch:
    """The sender of `library_searched`."""
