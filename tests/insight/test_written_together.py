"""Searches added up in memory and written together: by a timer, without another search, and
when the process exits. The counts are committed by other connections, so these tests commit
too."""

import logging
import os
import subprocess
import sys

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.insight.conftest import saved
from tests.practice import case_study
from tests.search.processes import ROOT, subprocess_database_url, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_searches_are_added_up_and_written_within_the_interval(client, settings, database_library):
    settings.INSIGHT_WRITE_EVERY_SECONDS = 0.5
    case_study("Calm custody suites")

    with CaptureQueriesContext(connection) as asked:
        for _ in range(3):
            assert client.get("/library/", {"q": "Custody"}).status_code == 200
        assert client.get("/api/library/", {"q": "nothing like this"}).json()["count"] == 0

    # The requests wrote nothing themselves...
    assert not [q for q in asked.captured_queries if "insight_dailysearch" in q["sql"]]
    # ...and the counts land by themselves, with nobody searching again.
    wanted = {("custody", ""): (3, 0, 1), ("nothing like this", ""): (1, 1, 0)}
    assert wait_until(lambda: saved() == wanted, seconds=10) is not None

    # The next searches start a new tally, added to the rows already there.
    client.get("/library/", {"q": "custody"})
    wanted[("custody", "")] = (4, 0, 1)
    assert wait_until(lambda: saved() == wanted, seconds=10) is not None


def test_a_tally_the_database_refuses_is_written_once_it_accepts_again(
    client, settings, database_library, caplog
):
    settings.INSIGHT_WRITE_EVERY_SECONDS = 0.3
    case_study("Calm custody suites")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE insight_dailysearch RENAME TO insight_dailysearch_away")
    try:
        with caplog.at_level(logging.ERROR, logger="insight"):
            for _ in range(2):
                assert client.get("/library/", {"q": "custody"}).status_code == 200
            refused = lambda: "could not be counted" in caplog.text  # noqa: E731
            assert wait_until(refused, seconds=10) is not None
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE insight_dailysearch_away RENAME TO insight_dailysearch")
    # Nobody searches again: the refused tally lands by itself, with a search made meanwhile.
    client.get("/library/", {"q": "custody", "sector": "metropolitan-police-service"})
    wanted = {
        ("custody", ""): (2, 0, 1),
        ("custody", "sector=metropolitan-police-service"): (1, 0, 1),
    }
    assert wait_until(lambda: saved() == wanted, seconds=10) is not None


COUNT_ONE_SEARCH = (
    "from insight.recording import count_search\n"
    "from search.query import LibraryQuery\n"
    "count_search(None, query=LibraryQuery(q='calm spaces', filters={'sector': ('education',)}),"
    " count=2)\n"
)


def test_what_is_not_written_yet_is_written_when_the_process_exits():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tilondon.settings.test",
        "DATABASE_URL": subprocess_database_url(),
        # Far longer than the process lives: only its exit can write the count.
        "INSIGHT_WRITE_EVERY_SECONDS": "600",
    }
    finished = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "shell", "-c", COUNT_ONE_SEARCH],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 0, finished.stderr
    assert saved() == {("calm spaces", "sector=education"): (1, 0, 2)}
