"""The landscape: the same numbers as the library's facets, on every backend, kept fresh."""

import pytest

from casestudies.models import DriverOfChange, Sector
from roadmap.models import LandscapePage
from search import query as library
from search.landscape import landscape
from tests.practice import borough, case_study, driver, home_page, publish_page, sector
from tests.roadmap.conftest import recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(indexed):
    trust = driver("relationships", "Relationships and trust")
    voice = driver("voice", "Voice and participation")
    wellbeing = driver("wellbeing", "Workforce wellbeing")
    with indexed():
        case_study(
            "Calm classrooms",
            lead_sector=sector("education"),
            drivers=[trust, voice],
            boroughs=[borough("hackney"), borough("camden")],
        )
        case_study(
            "Reflective staff groups",
            lead_sector=sector("education"),
            partner_sectors=[sector("local-authorities")],
            drivers=[wellbeing],
            boroughs=[borough("hackney")],
        )
        case_study("Custody with care", drivers=[trust], boroughs=[])  # police, London-wide
        case_study("Youth panel", lead_sector=sector("local-authorities"), drivers=[voice, trust])
        # Not case studies, or not published: never counted.
        recommendation("Keep the same worker", "implementers", [trust])
        case_study("A draft", publish=False, lead_sector=sector("education"), drivers=[trust])
    return {"trust": trust, "voice": voice, "wellbeing": wellbeing}


def library_count(**filters):
    query = library.LibraryQuery(
        filters={"type": ("case-study",), **{k: (v,) for k, v in filters.items()}}
    )
    return library.run(query).count


def nonzero(counts):
    return {key: value for key, value in counts.items() if value}


def test_landscape_counts_equal_the_library_facet_counts(library_backend, corpus):
    counts = landscape()

    assert counts.backend == library_backend
    assert counts.fallback_notice == ""
    assert counts.total == 4
    assert counts.matrix == {
        "education": {"relationships": 1, "voice": 1, "wellbeing": 1},
        "local-authorities": {"wellbeing": 1, "voice": 1, "relationships": 1},
        "metropolitan-police-service": {"relationships": 1},
    }
    assert counts.boroughs == {"hackney": 3, "camden": 1}
    # Every cell is the count the library gives for the same sector and driver.
    for item in Sector.objects.all():
        for driver_of_change in DriverOfChange.objects.all():
            assert counts.cell(item.slug, driver_of_change.slug) == library_count(
                sector=item.slug, driver=driver_of_change.slug
            ), (item.slug, driver_of_change.slug)
    # Row, column and borough counts are the library's facet counts for case studies.
    facets = library.run(library.LibraryQuery(filters={"type": ("case-study",)})).facet_counts
    assert counts.sectors == nonzero(facets["sector"])
    assert counts.drivers == nonzero(facets["driver"])
    assert counts.boroughs == nonzero(facets["borough"])


def test_landscape_page_shows_the_counts_with_links_into_the_library(
    client, library_backend, corpus, indexed
):
    page = publish_page(home_page(), LandscapePage(title="Landscape", slug="landscape"))
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="matrix-caption">Published case studies by sector and driver' in html
    assert '<th scope="col">Relationships and trust</th>' in html
    assert '<th scope="row">Education</th>' in html
    link = 'href="/library/?type=case-study&amp;sector=education&amp;driver=relationships"'
    assert link in html
    assert "Key to the shading" in html
    assert response.context["landscape"].computed_at is not None
    assert "when this page was loaded" in html
    api = client.get(
        "/api/library/", {"type": "case-study", "sector": "education", "driver": "relationships"}
    ).json()
    row = next(r for r in response.context["rows"] if r["sector"].slug == "education")
    cell = next(c for c in row["cells"] if c["driver"].slug == "relationships")
    assert cell["count"] == api["count"] == 1
    hackney = next(r for r in response.context["borough_rows"] if r["borough"].slug == "hackney")
    assert hackney["count"] == 3

    # Publishing a case study shows on the next request.
    with indexed():
        case_study("Mentors", lead_sector=sector("education"), drivers=[corpus["trust"]])
    response = client.get(page.url)
    row = next(r for r in response.context["rows"] if r["sector"].slug == "education")
    cell = next(c for c in row["cells"] if c["driver"].slug == "relationships")
    assert cell["count"] == 2


@pytest.mark.parametrize("library_backend", ["elasticsearch", "opensearch"], indirect=True)
def test_landscape_falls_back_to_the_database_with_the_same_numbers(
    settings, library_backend, corpus, unused_port
):
    on_engine = landscape()
    assert on_engine.backend == library_backend
    assert on_engine.fallback_notice == ""
    # The engine goes away: nothing listens on its address any more.
    settings.SEARCH_ENGINE_URLS = {
        **settings.SEARCH_ENGINE_URLS,
        library_backend: f"http://127.0.0.1:{unused_port}",
    }

    counts = landscape()

    assert counts.backend == "database"
    assert "counted from the site's own copy" in counts.fallback_notice
    assert counts.total == on_engine.total == 4
    assert counts.matrix == on_engine.matrix
    assert counts.sectors == on_engine.sectors
    assert counts.drivers == on_engine.drivers
    assert counts.boroughs == on_engine.boroughs == {"hackney": 3, "camden": 1}
