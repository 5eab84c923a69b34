"""Counting library searches: the words and filters made safe to keep, then one upsert.

`count_search` receives the library's `library_searched` signal. It counts only first pages
of searches that have words or filters (opening the library bare is not a search), and keeps
nothing about the person: only the day, the words (lower case, single spaces, at most 100
characters, email addresses and phone numbers replaced before anything is saved) and the
filters as one canonical string of the library's own slugs.

Each process adds its searches up in memory and writes them every
`INSIGHT_WRITE_EVERY_SECONDS` (one second by default), in a thread of its own: one
`INSERT … ON CONFLICT … DO UPDATE` statement for all of them, so a search costs its request no
round trip to the database, and many people asking the same thing do not queue on one row.
A tally the database refuses (it is restarting, say) is kept and tried again a second later.
What is not written yet is written when the process exits; a process killed outright loses
at most that last second of counts, which statistics can afford. With the setting at 0 each
search is written as it is counted, in the request. Counting never breaks a search: a
database error is logged and the search is answered as if nothing had happened.
"""

import atexit
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
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
VALUES {rows}
ON CONFLICT (day, words, filters) DO UPDATE SET
    searches = insight_dailysearch.searches + excluded.searches,
    found_nothing = insight_dailysearch.found_nothing + excluded.found_nothing,
    results = excluded.results
"""
ROW = "(%s, %s, %s, %s, %s, %s)"


def words_to_keep(text):
    """The search words as they may be kept: lower case, contact details out, cut to size."""
    return without_contact_details(search_words(text).lower())[:MAX_WORDS].rstrip()


def filters_to_keep(filters):
    """The filters as one string, "driver=relationships&sector=education": facets and values
    sorted, so the same filters always make the same string."""
    pairs = sorted({(facet, value) for facet, values in filters.items() for value in values})
    return "&".join(f"{facet}={value}" for facet, value in pairs)


def write(tally):
    """Add each {(day, words, filters): (searches, found nothing, results)} to its row in one
    statement. False, logged, if the database refuses."""
    if not tally:
        return True
    params = [value for key, counts in tally.items() for value in (*key, *counts)]
    sql = UPSERT.format(rows=", ".join([ROW] * len(tally)))
    try:
        # Inside a transaction that is not ours (a test, a command), a savepoint keeps a
        # failure here from spoiling it.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError:
        logger.exception("Library searches could not be counted; they were answered all the same.")
        return False
    return True


class Tally:
    """The searches this process has counted and not yet written, and the timer that writes
    them: started by the first search after a write, it fires once. A tally the database
    refuses is added back and tried again at the next write."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}
        self._timer = None

    def merge(self, tally, seconds, newer=True):
        """Add `tally` to what is pending; the number of results kept is the newer one's."""
        with self._lock:
            for key, (searches, found_nothing, results) in tally.items():
                if key in self._counts:
                    had_searches, had_nothing, had_results = self._counts[key]
                    searches, found_nothing = searches + had_searches, found_nothing + had_nothing
                    results = results if newer else had_results
                self._counts[key] = (searches, found_nothing, results)
            if self._timer is None:
                self._timer = threading.Timer(seconds, self.write_in_own_thread)
                self._timer.daemon = True
                self._timer.start()

    def take(self):
        with self._lock:
            counts, self._counts, self._timer = self._counts, {}, None
        return counts

    def write_now(self):
        """Write what is pending, from whichever thread asks (the timer's, or at exit)."""
        return write(self.take())

    def write_in_own_thread(self):
        counts = self.take()
        try:
            if not write(counts):
                seconds = max(settings.INSIGHT_WRITE_EVERY_SECONDS, 1.0)
                self.merge(counts, seconds, newer=False)
        finally:
            connections.close_all()  # the timer thread's own connection


pending = Tally()
atexit.register(pending.write_now)


def count_search(sender, query, count, **kwargs):
    """Receiver of `library_searched`: count the first page of a search with words or filters."""
    if query.page != 1:
        return
    words = words_to_keep(query.q)
    filters = filters_to_keep(query.filters)
    if not words and not filters:
        return
    tally = {(timezone.localdate(), words, filters): (1, int(count == 0), count)}
    seconds = settings.INSIGHT_WRITE_EVERY_SECONDS
    if seconds <= 0:
        write(tally)
    else:
        pending.merge(tally, seconds)
