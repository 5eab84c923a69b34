"""Search words on the database copy of the index, for sites without an engine or while it
is away.

On PostgreSQL each record has a weighted full-text vector (title above summary above body,
the `english` configuration, a GIN index: see migration 0006). Words are read as the engine
reads them (all words, "a phrase" in quotes, -word to leave out, `or`), matches are ranked
with `SearchRank` and the summary is highlighted with `SearchHeadline`. A record that only
contains the typed letters (part of a word, or words the `english` configuration leaves out,
such as "the") is still found, ranked below them, so nothing the plain match found is lost.
Elsewhere (SQLite under `make run`) every word must appear in the record's lower-case text.
"""

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform
from django.utils.html import escape

# Unqualified on purpose: only the record table has this column, so it resolves both in the
# main query and where Django nests it as a subquery under another alias.
VECTOR = RawSQL("search_vector", [], output_field=SearchVectorField())
MAX_WORDS = 12
# Marks that cannot be in a summary (search words treat them as spaces), swapped for <mark>
# after the summary has been escaped.
START, STOP = "\x02", "\x03"


def ranked():
    return connection.vendor == "postgresql"


def _plain(text):
    condition = Q()
    for word in text.casefold().split()[:MAX_WORDS]:
        condition &= Q(search_text__contains=word)
    return condition


def _query(text):
    return SearchQuery(text, search_type="websearch", config="english")


def with_words(records, text):
    """The records that match the words (all of them, when there are none)."""
    if not text:
        return records
    if not ranked():
        return records.filter(_plain(text))
    return records.alias(vector=VECTOR).filter(Q(vector=_query(text)) | _plain(text))


def best_match_first(records, text):
    """Ordered by how well the words match, best first; then newest."""
    if not text or not ranked():
        return records.order_by("-published", "pk")
    return records.annotate(rank=SearchRank(VECTOR, _query(text))).order_by(
        "-rank", "-published", "pk"
    )


def highlights(records, text):
    """page_id -> the summary as HTML with the matching words in <mark>, for those with any."""
    if not text or not ranked():
        return {}
    rows = records.annotate(
        marked=SearchHeadline(
            KeyTextTransform("summary", "document"),
            _query(text),
            config="english",
            start_sel=START,
            stop_sel=STOP,
            highlight_all=True,
        )
    ).values_list("page_id", "marked")
    return {
        page_id: escape(marked).replace(START, "<mark>").replace(STOP, "</mark>")
        for page_id, marked in rows
        if marked and START in marked
    }
