"""Search words as the library reads them, before anything else looks at them."""

import re

# Control characters (NUL among them: PostgreSQL refuses it in any string), lone surrogates
# and the two code points XML forbids: none is part of a search, and each could break the
# database, the engine or the feed, so each counts as a space.
NOT_TEXT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def search_words(text):
    """What someone typed as search words: runs of spaces (and anything not text) as one."""
    return " ".join(NOT_TEXT.sub(" ", text).split())


def phrase_of(text):
    """The words as a promoted result matches them: lower case, one space between words."""
    return search_words(text).lower()
