"""Library searches are counted per day, with nothing that identifies the person searching."""

import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from core import page_cache
from insight.models import DailySearch
from search.params import parse
from search.views import kept_as
from tests.insight.conftest import saved
from tests.practice import case_study, driver, sector
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

CONTACT_SEARCH = "call 07700 900123 or jo@example.org about exclusion"


def test_no_email_address_or_phone_number_is_ever_stored(client, database_library):
    assert client.get("/library/", {"q": CONTACT_SEARCH}).status_code == 200
    assert client.get("/api/library/", {"q": "  Jo@Example.org   +44 20 7946 0958 "}).json()
    assert client.get("/library/", {"q": "(020) 7946 0958", "sector": "education"}).status_code

    rows = list(DailySearch.objects.values())
    assert {row["words"] for row in rows} == {
        "call [phone] or [email] about exclusion",
        "[email] [phone]",
        "[phone]",
    }
    for row in rows:
        for column, value in row.items():
            text = str(value).lower()
            for given in ("07700", "900123", "7946", "0958", "jo@", "example.org"):
                assert given not in text, f"{given!r} kept in {column}: {value!r}"


def test_nothing_about_the_person_is_stored(client, database_library, moderator):
    assert {field.name for field in DailySearch._meta.get_fields()} == {
        "id",
        "day",
        "words",
        "filters",
        "searches",
        "found_nothing",
        "results",
    }
    client.cookies["tracking"] = "cookie-value-4242"
    client.get(
        "/library/",
        {"q": "calm custody"},
        headers={"X-Forwarded-For": "203.0.113.77", "User-Agent": "Browser-of-Jo/1.0"},
    )
    as_moderator = signed_in(moderator)
    as_moderator.get("/api/library/", {"q": "calm custody"}, REMOTE_ADDR="198.51.100.23")

    assert saved() == {("calm custody", ""): (2, 2, 0)}
    row = DailySearch.objects.values().get()
    given = [
        "203.0.113.77",
        "198.51.100.23",
        "127.0.0.1",
        "cookie-value-4242",
        "Browser-of-Jo",
        moderator.username,
        moderator.email,
        as_moderator.session.session_key,
    ]
    # The only text columns are the words and the filters; the rest are a day and numbers.
    for detail in given:
        assert detail not in row["words"] + row["filters"]
    assert row["day"] == timezone.localdate()


def test_words_and_filters_are_kept_in_one_canonical_form(client, database_library, indexed):
    trust = driver("relationships", "Relationships and trust")
    with indexed():
        case_study("Calm classrooms", lead_sector=sector("education"), drivers=[trust])
    client.get("/library/", {"q": "  CALM   Classrooms ", "sector": "education"})
    client.get(
        "/library/",
        {"q": "calm classrooms", "sector": "education", "utm_source": "newsletter"},
    )
    client.get("/api/library/", {"driver": "relationships", "sector": "education", "q": ""})
    client.get(
        "/library/",
        {"sector": ["local-authorities", "education", "education"], "driver": "relationships"},
    )
    client.get("/library/", {"q": "calm classrooms", "sector": "nowhere"})

    assert saved() == {
        ("calm classrooms", "sector=education"): (2, 0, 1),
        ("", "driver=relationships&sector=education"): (1, 0, 1),
        ("", "driver=relationships&sector=education&sector=local-authorities"): (1, 0, 1),
        # An unknown filter value is not a filter: the library ignores it, and so does the count.
        ("calm classrooms", ""): (1, 0, 1),
    }


def test_found_nothing_counts_each_empty_answer_and_results_keeps_the_latest(
    client, database_library, indexed
):
    client.get("/library/", {"q": "restorative"})
    with indexed():
        case_study("Restorative circles")
    client.get("/api/library/", {"q": "restorative"})
    client.get("/library/", {"q": "exclusion"})

    assert saved() == {("restorative", ""): (2, 1, 1), ("exclusion", ""): (1, 1, 0)}


def test_long_search_words_are_cut_to_a_hundred_characters(client, database_library):
    words = " ".join(["trauma informed practice"] * 8)
    client.get("/library/", {"q": words})
    assert saved() == {(words[:100].rstrip(), ""): (1, 1, 0)}


def test_later_pages_the_bare_library_and_suggestions_are_not_counted(
    client, database_library, indexed
):
    with indexed():
        for number in range(12):
            case_study(f"Calm space {number}")
    assert client.get("/library/", {"q": "calm", "page": "2"}).status_code == 200
    assert client.get("/api/library/", {"q": "calm", "page": "2"}).json()["page"] == 2
    assert client.get("/library/").status_code == 200
    assert client.get("/api/library/").status_code == 200
    assert client.get("/library/", {"q": "   ", "sort": "newest"}).status_code == 200
    assert client.get("/api/library/suggest/", {"q": "calm"}).json()["suggestions"]
    # Nor is a bad request, which never reached the library.
    assert client.get("/library/", {"q": "calm", "page": "abc"}).status_code == 400

    assert not DailySearch.objects.exists()


def test_a_kept_page_is_counted_like_a_rendered_one(client, database_library):
    request = client.get("/library/", {"q": "panels"}).wsgi_request
    variant = kept_as(parse(request.GET))
    version, kept = page_cache.lookup(request, variant)
    assert kept is not None
    # Marked, so the kept page can be told from a freshly rendered one.
    page_cache.keep_page(request, variant, version, b"<p>Kept for the public</p>", 0)

    again = client.get("/library/", {"q": "panels"})

    assert again.content == b"<p>Kept for the public</p>"
    assert saved() == {("panels", ""): (2, 2, 0)}


@pytest.mark.parametrize("library_backend", ["elasticsearch", "opensearch"], indirect=True)
def test_on_each_engine_an_answer_and_its_kept_page_are_both_counted(
    client, library_backend, indexed
):
    with indexed():
        case_study("Youth voice panels", lead_sector=sector("education"))
    first = client.get("/library/", {"q": "panels", "sector": "education"})
    assert "Youth voice panels" in first.content.decode()
    # The engine's answer was kept (an answer from the database copy never is)...
    request = first.wsgi_request
    _, kept = page_cache.lookup(request, kept_as(parse(request.GET)))
    assert kept is not None and kept[1] == 1
    # ...and the next asker is served it.
    again = client.get("/library/", {"q": "panels", "sector": "education"})
    assert again.content == first.content
    assert client.get("/api/library/", {"q": "panels"}).json()["backend"] == library_backend

    assert saved() == {("panels", "sector=education"): (2, 0, 1), ("panels", ""): (1, 0, 1)}


def test_a_database_error_while_counting_does_not_break_the_search(
    client, database_library, indexed, caplog
):
    with indexed():
        case_study("Calm custody suites")
    # A real fault: the table is gone (inside this test's own transaction, which rolls back).
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE insight_dailysearch")

    with caplog.at_level(logging.ERROR, logger="insight"):
        page = client.get("/library/", {"q": "custody"})
        api = client.get("/api/library/", {"q": "custody"})

    assert page.status_code == 200
    assert "Calm custody suites" in page.content.decode()
    assert api.status_code == 200
    assert [result["title"] for result in api.json()["results"]] == ["Calm custody suites"]
    assert [
        record.levelname for record in caplog.records if record.name == "insight.recording"
    ] == [
        "ERROR",
        "ERROR",
    ]
    assert "insight_dailysearch" in caplog.text
    # The request's transaction is still usable afterwards: only the count was lost.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_written_as_made_outside_a_transaction_each_count_is_one_statement(
    client, database_library
):
    with CaptureQueriesContext(connection) as captured:
        client.get("/library/", {"q": "panels"})
        client.get("/api/library/", {"q": "panels"})

    counting = [query["sql"] for query in captured if "insight_dailysearch" in query["sql"]]
    assert len(counting) == 2
    assert not [query for query in captured if "SAVEPOINT" in query["sql"]]
    assert saved() == {("panels", ""): (2, 2, 0)}
