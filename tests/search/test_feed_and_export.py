"""The library's feed and CSV export, and the evidence facet, on Elasticsearch, OpenSearch and
the database fallback: the same filters, the same privacy and the same items as the library."""

import csv
import datetime
import io
import xml.etree.ElementTree as ElementTree

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from search import export
from tests.practice import case_study, driver, expire, recommendation, sector

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HIDDEN = {
    "Draft practice",
    "Unpublished practice",
    "Restricted practice",
    "Submitted practice",
    "Expired practice",
}


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own feed)
    return feed, [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            "published": entry.findtext(f"{ATOM}published"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="practice-library-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def corpus(indexed):
    relationships = driver("relationships", "Relationships and trust")
    wellbeing = driver("wellbeing", "Workforce wellbeing")
    with indexed():
        case_study(
            "Custody with care",
            lead_sector=sector("metropolitan-police-service"),
            drivers=[relationships],
            evidence_level="independently-evaluated",
        )
        case_study(
            "Calm classrooms",
            lead_sector=sector("education"),
            drivers=[relationships],
            summary='=HYPERLINK("http://example.org") is not a formula here.',
            status="completed",
            ended=datetime.date(2025, 3, 31),
        )
        case_study("Staff reflection groups", lead_sector=sector("education"), drivers=[wellbeing])
        recommendation()
        # Every way a page can be kept from the public.
        case_study("Draft practice", publish=False, lead_sector=sector("education"))
        case_study("Unpublished practice", lead_sector=sector("education")).unpublish()
        restricted = case_study("Restricted practice", lead_sector=sector("education"))
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        champion = get_user_model().objects.create_user("champion", password="x")
        submitted = case_study("Submitted practice", publish=False, lead_sector=sector("education"))
        submitted.get_workflow().start(submitted, champion)
        expire(case_study("Expired practice", lead_sector=sector("education")))


def test_the_feed_lists_the_newest_matching_items_with_their_categories(
    client, library_backend, corpus
):
    feed, items = entries(client.get("/library/feed/", {"sector": "education"}))

    assert [item["title"] for item in items] == [
        "Give teachers time to reflect",
        "Staff reflection groups",
        "Calm classrooms",
    ]
    assert feed.findtext(f"{ATOM}title") == "New practice in the Practice Library: Education"
    calm = items[2]
    assert calm["link"].startswith("http://testserver/")
    assert calm["link"].endswith("/calm-classrooms/")
    assert calm["summary"].startswith("=HYPERLINK")
    assert calm["categories"] == ["Case study", "Education", "Relationships and trust"]
    assert calm["published"]
    assert not HIDDEN & {item["title"] for item in items}


def test_the_feed_follows_every_filter_and_ignores_unknown_values(client, library_backend, corpus):
    _, items = entries(
        client.get(
            "/library/feed/",
            {"driver": "relationships", "evidence": "independently-evaluated", "sector": "nope"},
        )
    )
    assert [item["title"] for item in items] == ["Custody with care"]
    _, everything = entries(client.get("/library/feed/", {"q": "practice"}))
    assert not HIDDEN & {item["title"] for item in everything}


def test_the_feed_holds_the_newest_fifty(client, library_backend, indexed, settings):
    with indexed():
        for n in range(52):
            case_study(f"Practice number {n}")
    _, items = entries(client.get("/library/feed/"))
    assert len(items) == 50
    assert items[0]["title"] == "Practice number 51"


def test_the_export_has_one_row_per_item_of_the_filtered_view(client, library_backend, corpus):
    exported = rows(client.get("/library/export.csv", {"sector": "education", "sort": "title"}))
    page = client.get("/api/library/", {"sector": "education"}).json()

    assert len(exported) == page["count"] == 3
    assert [row["Title"] for row in exported] == [
        "Calm classrooms",
        "Give teachers time to reflect",
        "Staff reflection groups",
    ]
    calm = exported[0]
    assert list(calm) == list(export.COLUMNS)
    assert calm["Type"] == "Case study"
    assert calm["URL"].startswith("http://testserver/") and calm["URL"].endswith(
        "/calm-classrooms/"
    )
    assert calm["Sectors"] == "Education"
    assert calm["Drivers of change"] == "Relationships and trust"
    assert calm["Boroughs"] == "Hackney"
    assert calm["Evidence level"] == "Self-reported"
    assert calm["Status"] == "Completed in March 2025"
    assert calm["Started"] == "2024-01-01" and calm["Ended"] == "2025-03-31"
    assert calm["Published"] == timezone.localdate().isoformat()
    # A cell a spreadsheet would read as a formula starts with an apostrophe.
    assert calm["Summary"] == '\'=HYPERLINK("http://example.org") is not a formula here.'
    assert exported[1]["Status"] == "" and exported[1]["Evidence level"] == ""
    everything = rows(client.get("/library/export.csv", {"q": "practice"}))
    assert not HIDDEN & {row["Title"] for row in everything}


def test_the_api_and_suggestions_hold_back_the_same_pages(client, library_backend, corpus):
    body = client.get("/api/library/", {"sector": "education"}).json()
    assert body["count"] == 3
    assert not HIDDEN & {result["title"] for result in body["results"]}
    assert counts_of(body, "evidence") == {"self-reported": 2}
    suggested = client.get("/api/library/suggest/", {"q": "pract"}).json()["suggestions"]
    assert suggested == []


def counts_of(body, facet):
    return {v["value"]: v["count"] for v in body["facets"][facet] if v["count"]}


def test_the_export_reads_past_one_batch(client, library_backend, indexed, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 4)
    with indexed():
        for n in range(10):
            case_study(f"Practice number {n}")
    exported = rows(client.get("/library/export.csv", {"sort": "title"}))
    assert [row["Title"] for row in exported] == sorted(f"Practice number {n}" for n in range(10))


def test_the_export_stops_at_its_limit(client, library_backend, indexed, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 2)
    monkeypatch.setattr(export, "MAX_ROWS", 4)
    with indexed():
        for n in range(6):
            case_study(f"Practice number {n}")
    assert len(rows(client.get("/library/export.csv"))) == 4


@pytest.mark.parametrize(
    "value", ["=1+1", "+44 20 7946 0000", "-2", "@SUM(A1)", "\t=1", "\r=1", "Plain words"]
)
def test_cells_never_start_as_a_formula(value):
    cell = export.safe_cell(value)
    assert cell == (value if value == "Plain words" else "'" + value)


@pytest.mark.parametrize("path", ["/library/feed/", "/library/export.csv"])
@pytest.mark.parametrize("params", [{"q": "x" * 201}])
def test_bad_input_gets_a_clear_answer(client, library_backend, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize("path", ["/library/feed/", "/library/export.csv"])
def test_only_reading_is_allowed(client, path):
    assert client.post(path).status_code == 405


def test_evidence_is_a_facet_with_plain_explanations(client, library_backend, corpus):
    body = client.get("/api/library/", {"evidence": "independently-evaluated"}).json()
    assert [result["title"] for result in body["results"]] == ["Custody with care"]
    assert body["results"][0]["labels"]["evidence"] == ["Independently evaluated"]
    evidence = {v["value"]: (v["count"], v["selected"]) for v in body["facets"]["evidence"]}
    # Disjunctive: the other levels keep their counts.
    assert evidence == {
        "self-reported": (2, False),
        "evaluated": (0, False),
        "independently-evaluated": (1, True),
    }
    html = client.get("/library/", {"evidence": "evaluated"}).content.decode()
    assert "People outside the team, such as a university, checked what changed." in html
    assert 'aria-describedby="f-evidence-evaluated-hint"' in html


def test_the_library_page_links_its_feed_and_export_for_the_current_filter(
    client, library_backend, corpus
):
    html = client.get("/library/", {"sector": "education", "sort": "title"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New practice like this" '
        'href="/library/feed/?sector=education">' in html
    )
    assert '<a href="/library/export.csv?sector=education&amp;sort=title" download>' in html
