"""The open API keeps the contract its OpenAPI document states, whatever it is sent.

Schemathesis reads the document from the live test server and sends every operation at least
500 generated requests (odd text, control characters, huge and negative numbers, unknown
values), on Elasticsearch and on the database fallback, with published pages and a draft in
the library. No answer may be a server error, and every answer must have a documented status,
content type and shape. Below it, one plain test for each fault such a run found.
"""

import csv
import datetime
import io
import xml.etree.ElementTree as ElementTree
from collections import Counter

from django.http import QueryDict

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from search.facets import FACETS
from search.params import parse, search_words
from tests.practice import case_study, driver, recommendation, sector

EXAMPLES = 500
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OPERATIONS = {
    "GET /api/library/",
    "GET /api/library/suggest/",
    "GET /library/feed/",
    "GET /library/export.csv",
}

DRAFT = "A draft nobody may see"

requests_sent = Counter()


@pytest.fixture
def published_library(library_backend):
    """A few published pages of each kind, and a draft that must never be seen."""
    relationships = driver("relationships", "Relationships and trust")
    wellbeing = driver("wellbeing", "Workforce wellbeing")
    case_study(
        "Custody with care",
        lead_sector=sector("metropolitan-police-service"),
        drivers=[relationships],
        evidence_level="evaluated",
    )
    case_study(
        "Calm classrooms",
        lead_sector=sector("education"),
        drivers=[relationships, wellbeing],
        first_published_at=datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC),
    )
    recommendation()
    case_study(DRAFT, publish=False)


@pytest.fixture
def api_schema(live_server, library_backend, published_library, settings, client):
    """The document as a partner reads it, from the running site."""
    # Only a fault may send a search to the fallback here, never a slow moment on a busy machine.
    settings.SEARCH_QUERY_TIMEOUT = 10
    listed = client.get("/api/library/").json()
    assert (listed["count"], listed["backend"]) == (3, library_backend)
    schema = schemathesis.openapi.from_url(live_server.url + "/api/library/openapi.json")
    yield schema
    sent = {label: requests_sent[(library_backend, label)] for label in OPERATIONS}
    assert all(count >= EXAMPLES for count in sent.values()), sent


schema = schemathesis.pytest.from_fixture("api_schema")


def titles_shown(path, response):
    """The page titles an answer lists, read from its own format."""
    if path == "/api/library/":
        return [result["title"] for result in response.json()["results"]]
    if path == "/api/library/suggest/":
        return [suggestion["title"] for suggestion in response.json()["suggestions"]]
    if path == "/library/feed/":
        return entries(response)
    return [row[0] for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))][1:]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("library_backend", ["elasticsearch", "database"], indirect=True)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@schema.parametrize()
def test_every_operation_keeps_its_contract(case, library_backend):
    response = case.call_and_validate(checks=CHECKS)
    requests_sent[(library_backend, f"{case.method} {case.path}")] += 1
    if response.status_code == 200:
        assert DRAFT not in titles_shown(case.path, response)
        if case.path == "/api/library/":
            # Odd input never knocks the engine over onto the fallback.
            assert response.json()["backend"] == library_backend


# --- faults the run found, one plain test each --------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    """The titles of a feed's entries (the site's own feed)."""
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)  # noqa: S314
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_control_characters_in_search_words_count_as_spaces():
    assert search_words(" calm\x00class\x1brooms\x7f\x85\tnow ") == "calm class rooms now"
    # A lone surrogate and the two code points XML forbids are not text either.
    assert search_words("\ud800calm\ufffe\uffffrooms") == "calm rooms"
    assert search_words("café ١٢ 🙂") == "café ١٢ 🙂"


def test_a_nul_in_the_query_string_is_read_as_a_space():
    labels = {facet: {} for facet in FACETS}
    assert parse(QueryDict("q=%00custody%00care%00"), labels).query.q == "custody care"


@pytest.fixture
def custody(indexed):
    with indexed():
        case_study("Custody with care")


@pytest.mark.django_db
@pytest.mark.parametrize("library_backend", ["database"], indirect=True)
def test_a_nul_in_a_search_is_answered_on_the_database(client, library_backend, custody):
    """PostgreSQL refuses NUL in any string: the fallback used to answer 500."""
    body = client.get("/api/library/", {"q": "custody\x00"}).json()
    assert [r["title"] for r in body["results"]] == ["Custody with care"]
    suggestions = client.get("/api/library/suggest/", {"q": "\x00cust"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Custody with care"]
    page = client.get("/library/", {"q": "custody\x00"})
    assert page.status_code == 200
    assert "Custody with care" in page.content.decode()
    feed = entries(client.get("/library/feed/", {"q": "custody\x00"}))
    assert feed == ["Custody with care"]


@pytest.mark.django_db
@pytest.mark.parametrize("library_backend", ["elasticsearch"], indirect=True)
def test_the_feed_of_a_search_with_control_characters_is_well_formed(
    client, library_backend, custody
):
    """XML 1.0 has no control characters: the feed's title, which names the search, used to
    fail to render."""
    response = client.get("/library/feed/", {"q": "custody\x0bwith\x1bcare"})
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own feed)
    assert feed.findtext(f"{ATOM}title").endswith("“custody with care”")
    assert entries(response) == ["Custody with care"]


@pytest.mark.django_db
def test_suggestions_count_the_characters_of_the_search_words(client):
    assert client.get("/api/library/suggest/", {"q": " " * 300}).json() == {"suggestions": []}
    too_long = client.get("/api/library/suggest/", {"q": "a" * 201})
    assert too_long.status_code == 400
    assert too_long.json() == {"error": "Type 200 characters or fewer."}
