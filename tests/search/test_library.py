"""One behaviour suite for the library, run on Elasticsearch, OpenSearch and the database."""

import datetime

from django.contrib.auth import get_user_model

from wagtail.models import PageViewRestriction

import pytest

from search import query as library
from search.facets import FACETS
from tests.practice import case_study, driver, recommendation, sector

pytestmark = pytest.mark.django_db

ENGINES = ["elasticsearch", "opensearch"]


def counts(facets, facet):
    return {v["value"]: v["count"] for v in facets[facet] if v["count"]}


@pytest.fixture
def corpus(indexed):
    relationships = driver("relationships", "Relationships and trust")
    wellbeing = driver("wellbeing", "Workforce wellbeing")
    with indexed():
        # Published first, so it is the oldest page that mentions custody.
        case_study(
            "Custody with care",
            lead_sector=sector("metropolitan-police-service"),
            drivers=[relationships],
        )
        case_study("Calm classrooms", lead_sector=sector("education"), drivers=[relationships])
        case_study("Staff reflection groups", lead_sector=sector("education"), drivers=[wellbeing])
        recommendation()


def test_facet_counts_are_disjunctive(client, library_backend, corpus):
    body = client.get("/api/library/", {"sector": "education"}).json()

    assert body["count"] == 3
    assert body["backend"] == library_backend
    assert {r["title"] for r in body["results"]} == {
        "Calm classrooms",
        "Staff reflection groups",
        "Give teachers time to reflect",
    }
    # Choosing a sector still shows the other sectors' counts.
    assert counts(body["facets"], "sector") == {"education": 3, "metropolitan-police-service": 1}
    assert counts(body["facets"], "driver") == {"relationships": 1, "wellbeing": 1}
    assert counts(body["facets"], "type") == {"case-study": 2, "recommendation": 1}
    selected = [v["value"] for v in body["facets"]["sector"] if v["selected"]]
    assert selected == ["education"]


def test_with_two_facets_ticked_each_counts_as_the_other_narrows_it(
    client, library_backend, corpus
):
    body = client.get("/api/library/", {"sector": "education", "driver": "relationships"}).json()

    assert [r["title"] for r in body["results"]] == ["Calm classrooms"]
    # Sectors as the driver narrows them, drivers as the sector does, the rest as both do.
    assert counts(body["facets"], "sector") == {"education": 1, "metropolitan-police-service": 1}
    assert counts(body["facets"], "driver") == {"relationships": 1, "wellbeing": 1}
    assert counts(body["facets"], "type") == {"case-study": 1}


def test_or_within_a_facet_and_across_facets(client, library_backend, corpus):
    both = client.get(
        "/api/library/", {"sector": ["education", "metropolitan-police-service"]}
    ).json()
    assert both["count"] == 4
    narrowed = client.get(
        "/api/library/",
        {"sector": ["education", "metropolitan-police-service"], "driver": "relationships"},
    ).json()
    assert {r["title"] for r in narrowed["results"]} == {"Calm classrooms", "Custody with care"}


def test_every_facet_value_has_a_label_and_all_buckets(client, library_backend, corpus):
    body = client.get("/api/library/").json()
    assert set(body["facets"]) == set(FACETS)
    boroughs = body["facets"]["borough"]
    assert len(boroughs) == 33  # every London borough, no cut at ten
    assert all(v["label"] and v["value"] for facet in FACETS for v in body["facets"][facet])


def titles(body):
    return [result["title"] for result in body["results"]]


# Every case study in the corpus mentions custody in its summary; only the oldest has it in its
# title.
CUSTODY_MATCHES = {"Custody with care", "Calm classrooms", "Staff reflection groups"}


def test_a_title_match_ranks_above_newer_pages(client, library_backend, corpus):
    body = client.get("/api/library/", {"q": "custody"}).json()
    assert body["backend"] == library_backend
    assert set(titles(body)) == CUSTODY_MATCHES
    assert titles(body)[0] == "Custody with care"
    assert client.get("/api/library/", {"q": "xylophone"}).json()["count"] == 0


def published(month):
    return datetime.datetime(2024, month, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def dated(indexed):
    """Four pages whose date, title and relevance orders all differ."""
    same_summary = "Circles where staff and young people talk each week."
    with indexed():
        for title, month in (("Beta circles", 1), ("Alpha circles", 3), ("Gamma circles", 2)):
            case_study(title, summary=same_summary, first_published_at=published(month))
        # The newest, but the search word is only in its summary.
        case_study(
            "Delta groups",
            summary="Groups that grew out of circles, for parents.",
            first_published_at=published(4),
        )


SORTED = {
    "newest": ["Delta groups", "Alpha circles", "Gamma circles", "Beta circles"],
    "oldest": ["Beta circles", "Gamma circles", "Alpha circles", "Delta groups"],
    "title": ["Alpha circles", "Beta circles", "Delta groups", "Gamma circles"],
    # Title matches first (equal scores, then newest first), the summary match last: the
    # engines score, and so does PostgreSQL's full-text ranking of the database copy.
    "relevance": ["Alpha circles", "Gamma circles", "Beta circles", "Delta groups"],
}


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest", "title"])
def test_each_sort_order_lists_the_results_in_that_order(client, library_backend, dated, sort):
    expected = SORTED[sort]

    body = client.get("/api/library/", {"q": "circles", "sort": sort}).json()

    assert body["backend"] == library_backend
    assert titles(body) == expected
    html = client.get("/library/", {"q": "circles", "sort": sort}).content.decode()
    positions = [html.index(f">{title}</a>") for title in expected]
    assert positions == sorted(positions)


def test_without_search_words_best_match_is_newest_first(client, library_backend, dated):
    body = client.get("/api/library/").json()
    assert titles(body) == SORTED["newest"]


def test_page_two_has_the_next_results(client, library_backend, indexed):
    with indexed():
        for n in range(1, 13):
            case_study(f"Practice note {n:02d}")

    first = client.get("/api/library/", {"sort": "title"}).json()
    second = client.get("/api/library/", {"sort": "title", "page": "2"}).json()

    assert (first["count"], first["page"], first["pages"]) == (12, 1, 2)
    assert (second["count"], second["page"], second["pages"]) == (12, 2, 2)
    assert titles(first) == [f"Practice note {n:02d}" for n in range(1, 11)]
    assert titles(second) == ["Practice note 11", "Practice note 12"]
    html = client.get("/library/", {"sort": "title", "page": "2"}).content.decode()
    assert 'aria-label="Page 2 of 2" aria-current="page">2</a>' in html
    assert "Practice note 11" in html and "Practice note 01" not in html


def test_suggest_returns_matching_titles_and_at_most_eight(client, library_backend, indexed):
    with indexed():
        case_study("Youth voice panels")
        case_study("Calm classrooms")
        for n in range(1, 11):
            case_study(f"Peer mentoring circle {n:02d}")

    youth = client.get("/api/library/suggest/", {"q": "youth vo"}).json()["suggestions"]
    assert youth == [
        {
            "title": "Youth voice panels",
            "url": "/case-studies/youth-voice-panels/",
            "type": "case-study",
        }
    ]
    peers = client.get("/api/library/suggest/", {"q": "peer ment"}).json()["suggestions"]
    assert len(peers) == 8
    circles = {f"Peer mentoring circle {n:02d}" for n in range(1, 11)}
    assert len({s["title"] for s in peers}) == 8
    assert {s["title"] for s in peers} <= circles


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_a_misspelt_word_gets_a_spelling_suggestion(client, library_backend, corpus):
    body = client.get("/api/library/", {"q": "custdy"}).json()

    assert body["count"] == 0
    assert body["suggestion"] == "custody"
    html = client.get("/library/", {"q": "custdy"}).content.decode()
    assert 'Did you mean <a href="/library/?q=custody">custody</a>?' in html
    # Words that find something are not second-guessed.
    assert client.get("/api/library/", {"q": "custody"}).json()["suggestion"] == ""


def test_only_live_public_pages_are_ever_shown(client, library_backend, indexed):
    with indexed():
        case_study("Visible practice")
        case_study("Draft practice", publish=False)
        unpublished = case_study("Unpublished practice")
        unpublished.unpublish()
        restricted = case_study("Restricted practice")
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        moderator = get_user_model().objects.create_user("champion", password="x")
        submitted = case_study("Submitted practice", publish=False)
        submitted.get_workflow().start(submitted, moderator)
        moderated = case_study("Moderated practice")
        moderated.title = "Moderated practice, new wording"
        moderated.save_revision(user=moderator)
        moderated.get_workflow().start(moderated, moderator)

    body = client.get("/api/library/", {"q": "practice"}).json()
    titles = {r["title"] for r in body["results"]}
    assert titles == {"Visible practice", "Moderated practice"}
    assert body["count"] == 2
    assert counts(body["facets"], "type") == {"case-study": 2}
    suggestions = client.get("/api/library/suggest/", {"q": "practice"}).json()["suggestions"]
    # Suggest answers with the public pages, and only with them.
    public = {"Visible practice", "Moderated practice"}
    assert {s["title"] for s in suggestions} == public
    assert {s["title"] for s in library.suggest("pract")} == public
    html = client.get("/library/", {"q": "practice"}).content.decode()
    hidden = {"Draft practice", "Unpublished practice", "Restricted practice", "Submitted practice"}
    assert "Visible practice" in html
    assert not any(title in html for title in hidden)
    assert "new wording" not in html


def test_publish_makes_findable_and_unpublish_removes(client, library_backend, indexed):
    with indexed():
        page = case_study("Youth voice panels")
    assert client.get("/api/library/", {"q": "panels"}).json()["count"] == 1
    with indexed():
        page.unpublish()
    assert client.get("/api/library/", {"q": "panels"}).json()["count"] == 0


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": "abc"}, 400),
        ({"page": "0"}, 400),
        ({"page": "99999999999999999999"}, 400),
        ({"page": "500"}, 200),
        # Digit-like characters: a superscript (isdigit() but not int()), Arabic-Indic and
        # full-width digits (int() reads them) and a mix of scripts are not page numbers.
        ({"page": "²"}, 400),
        ({"page": "٢"}, 400),
        ({"page": "２"}, 400),
        ({"page": "1٢"}, 400),
        ({"q": "x" * 10_000}, 400),
        ({"q": '"unbalanced ( quote * ~ \\'}, 200),
        ({"q": "café ✓ 子供"}, 200),
        ({"q": "", "sector": ""}, 200),
        ({"sector": "not-a-sector", "sort": "sideways"}, 200),
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_5xx(client, library_backend, params, status):
    response = client.get("/api/library/", params)
    assert response.status_code == status
    body = response.json()
    if status == 400:
        assert body["error"]
    html = client.get("/library/", params)
    assert html.status_code == status


def test_unknown_values_are_listed_as_ignored(client, library_backend):
    body = client.get("/api/library/", {"sector": "not-a-sector", "sort": "sideways"}).json()
    assert {"parameter": "sector", "value": "not-a-sector"} in body["ignored"]
    assert {"parameter": "sort", "value": "sideways"} in body["ignored"]


def test_results_show_the_publication_date_in_london_in_words(client, library_backend, indexed):
    with indexed():
        page = case_study("Midsummer night practice")
    # Half past eleven at night in UTC is already the next day in London (summer time).
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    type(page).objects.filter(pk=page.pk).update(first_published_at=late)
    page.refresh_from_db()
    with indexed():
        page.save_revision().publish()
    html = client.get("/library/", {"q": "midsummer"}).content.decode()
    assert '<time datetime="2026-07-01">1 July 2026</time>' in html
    assert "2026-06-30" not in html
    assert (
        client.get("/api/library/", {"q": "midsummer"})
        .json()["results"][0]["published"]
        .startswith("2026-06-30T23:30")
    )
