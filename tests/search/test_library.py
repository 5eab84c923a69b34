"""One behaviour suite for the library, run on Elasticsearch, OpenSearch and the database."""

from django.contrib.auth import get_user_model

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import RecommendationPage
from search import query as library
from search.documents import FACETS
from tests.practice import case_study, driver, publish_page, recommendation_index, sector

pytestmark = pytest.mark.django_db


def counts(facets, facet):
    return {v["value"]: v["count"] for v in facets[facet] if v["count"]}


@pytest.fixture
def corpus(indexed):
    relationships = driver("relationships", "Relationships and trust")
    wellbeing = driver("wellbeing", "Workforce wellbeing")
    with indexed():
        case_study("Calm classrooms", lead_sector=sector("education"), drivers=[relationships])
        case_study("Staff reflection groups", lead_sector=sector("education"), drivers=[wellbeing])
        case_study(
            "Custody with care",
            lead_sector=sector("metropolitan-police-service"),
            drivers=[relationships],
        )
        recommendation = RecommendationPage(
            title="Give teachers time to reflect",
            summary="Protected time for reflective practice.",
            audience="implementers",
            actions=[("action", {"action": "Protect time", "detail": ""})],
        )
        recommendation.sectors = [sector("education")]
        publish_page(recommendation_index(), recommendation)


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


def test_search_words_find_and_rank(client, library_backend, corpus):
    body = client.get("/api/library/", {"q": "custody"}).json()
    assert body["results"][0]["title"] == "Custody with care"
    assert client.get("/api/library/", {"q": "xylophone"}).json()["count"] == 0


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
    hidden = {"Draft practice", "Unpublished practice", "Restricted practice", "Submitted practice"}
    assert not hidden & {s["title"] for s in suggestions}
    assert not hidden & {s["title"] for s in library.suggest("pract")}
    html = client.get("/library/", {"q": "practice"}).content.decode()
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
