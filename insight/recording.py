"""Counting library searches: the words and filters made safe to keep, then one upsert.

`count_search` receives the library's `library_searched` signal. It counts only first pages
of searches that have words or filters (opening the library bare is not a search), and keeps
nothing about the person: only the day, the words (lower case, single spaces, at most 100
characters, email addresses and phone numbers replaced before anything is saved) and the
filters as one canonical string of the library's own slugs.

The count is one `INSERT … ON CONFLICT … DO UPDATE` statement (PostgreSQL and SQLite alike),
so a search costs one round trip to the database. It never breaks a search: a database error
is logged and the search is answered as if nothing had happened.
"""

import logging

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from search.words import search_words

from .scrub import without_contact_details

# The receiver's dispatch id: `library_searched.disconnect(dispatch_uid=RECEIVER)` stops
# counting (the benchmark compares the library with and without it).
RECEIVER = "insight.count_search"
MAX_WORDS = 100

logger = logging.getLogger(__name__)

UPSERT = """
INSERT INTO insight_dailysearch (day, words, filters, searches, found_nothing, results)
VALUES (%s, %s, %s, 1, %s, %s)
ON CONFLICT (day, words, filters) DO UPDATE SET
    searches = insight_dailysearch.searches + 1,
    found_nothing = insight_dailysearch.found_nothing + excluded.found_nothing,
    results = excluded.results
"""
# On PostgreSQL outside a transaction the statement is its own transaction, and waiting for
# its commit to reach the disk would be most of its cost. These are statistics: losing the
# counts of the last fraction of a second in a database crash is acceptable, so the statement
# turns synchronous commit off for its own transaction only (`set_config(..., true)` is
# `SET LOCAL`), in the same round trip.
UPSERT_WITHOUT_WAITING_FOR_DISK = """
WITH no_wait AS (SELECT set_config('synchronous_commit', 'off', true))
INSERT INTO insight_dailysearch (day, words, filters, searches, found_nothing, results)
SELECT %s::date, %s, %s, 1, %s, %s FROM no_wait
ON CONFLICT (day, words, filters) DO UPDATE SET
    searches = insight_dailysearch.searches + 1,
    found_nothing = insight_dailysearch.found_nothing + excluded.found_nothing,
    results = excluded.results
"""


def words_to_keep(text):
    """The search words as they may be kept: lower case, contact details out, cut to size."""
    return without_contact_details(search_words(text).lower())[:MAX_WORDS].rstrip()


def filters_to_keep(filters):
    """The filters as one string, "driver=relationships&sector=education": facets and values
    sorted, so the same filters always make the same string."""
    pairs = sorted({(facet, value) for facet, values in filters.items() for value in values})
    return "&".join(f"{facet}={value}" for facet, value in pairs)


def record(day, words, filters, count):
    """Add one search to its day's row; log and carry on if the database refuses."""
    params = [day, words, filters, int(count == 0), count]
    try:
        if connection.in_atomic_block:
            # Inside a transaction that is not ours (a test, a command): a savepoint keeps a
            # failure here from spoiling it, and its commit is not ours to hurry.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(UPSERT, params)
        else:
            with connection.cursor() as cursor:
                quick = connection.vendor == "postgresql"
                cursor.execute(UPSERT_WITHOUT_WAITING_FOR_DISK if quick else UPSERT, params)
    except DatabaseError:
        logger.exception("A library search could not be counted; it was answered all the same.")


def count_search(sender, query, count, **kwargs):
    """Receiver of `library_searched`: count the first page of a search with words or filters."""
    if query.page != 1:
        return
    words = words_to_keep(query.q)
    filters = filters_to_keep(query.filters)
    if not words and not filters:
        return
    record(timezone.localdate(), words, filters, count)
