"""The landscape's borough map: the library's own borough counts for the chosen sector and
driver, on every backend, one square or list entry per borough, each a link into the library."""

import re
from html import unescape

from django.contrib.auth import get_user_model

import pytest

from casestudies.models import Borough
from roadmap.models import LandscapePage
from roadmap.tilemap import LONDON_SQUARED
from tests.practice import borough, case_study, driver, home_page, publish_page, sector

pytestmark = pytest.mark.django_db

TILE = re.compile(
    r'class="tile-map__place tile-map__place--(\d)">'
    r'<a href="([^"]+)" class="tile-map__tile" aria-label="([^"]+)">'
)
TABLE_ROW = re.compile(
    r'<tr><th scope="row">([^<]+)</th><td><a href="([^"]+)">(\d+)<span class="govuk-visually-hidden">'
)

# The sector and driver choices the map is checked with: all, one of each, and both.
CHOICES = [
    {},
    {"sector": "education"},
    {"driver": "relationships"},
    {"sector": "education", "driver": "relationships"},
    {"sector": "local-authorities", "driver": "voice"},
]


@pytest.fixture
def practice(indexed):
    trust = driver("relationships", "Relationships and trust")
    voice = driver("voice", "Voice and participation")
    champion = get_user_model().objects.create_user("champion", password="x")
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
            drivers=[voice],
            boroughs=[borough("hackney"), borough("kensington-and-chelsea")],
        )
        case_study("Custody with care", drivers=[trust], boroughs=[borough("croydon")])
        case_study(
            "Youth panel",
            lead_sector=sector("local-authorities"),
            drivers=[voice, trust],
            boroughs=[borough("hackney"), borough("city-of-london")],
        )
        case_study("London-wide mentors", lead_sector=sector("education"), boroughs=[])
        # Never counted: a draft, a page in moderation, a page taken down.
        case_study(
            "A draft", publish=False, lead_sector=sector("education"), boroughs=[borough("sutton")]
        )
        submitted = case_study(
            "Waiting for a moderator", publish=False, boroughs=[borough("sutton")]
        )
        submitted.get_workflow().start(submitted, champion)
        case_study("Taken down", boroughs=[borough("sutton")]).unpublish()
    return {"trust": trust, "voice": voice}


@pytest.fixture
def landscape_page(db):
    return publish_page(home_page(), LandscapePage(title="Landscape", slug="landscape"))


def tiles(html):
    """Borough name -> (count, link) for every square on the map."""
    found = {}
    for _level, url, label in TILE.findall(html):
        name, _, count = unescape(label).rpartition(": ")
        assert name not in found, f"{name} has two squares"
        found[name] = (int(count.split()[0]), unescape(url))
    return found


def table(html):
    """Borough name -> (count, link) for every row of the borough table."""
    return {
        unescape(name): (int(count), unescape(url)) for name, url, count in TABLE_ROW.findall(html)
    }


def api_borough_counts(client, choice):
    body = client.get("/api/library/", {"type": "case-study", **choice}).json()
    return {value["label"]: value["count"] for value in body["facets"]["borough"]}


def library_url(choice, slug):
    query = "&".join(f"{key}={value}" for key, value in {"type": "case-study", **choice}.items())
    return f"/library/?{query}&borough={slug}"


@pytest.mark.parametrize("choice", CHOICES, ids=lambda c: "+".join(c.values()) or "all")
def test_squares_and_table_show_the_library_borough_counts(
    client, library_backend, practice, landscape_page, choice
):
    response = client.get(landscape_page.url, choice)
    assert response.status_code == 200
    html = response.content.decode()
    on_map = tiles(html)
    in_table = table(html)
    api = api_borough_counts(client, choice)

    boroughs = list(Borough.objects.all())
    assert len(boroughs) == 33
    # Every borough once: a square each (all 33 have a place), and a row each in the table.
    assert set(on_map) == set(in_table) == {b.name for b in boroughs}
    for item in boroughs:
        count, url = on_map[item.name]
        assert count == api.get(item.name, 0), (item.slug, choice)
        assert url == library_url(choice, item.slug)
        assert in_table[item.name] == (count, url)
    # Nothing unpublished counts anywhere: Sutton only has a draft, a page in moderation and a
    # page taken down.
    assert on_map["Sutton"][0] == 0
    assert "Not on the map" not in html


def test_counts_for_each_choice(client, library_backend, practice, landscape_page):
    def counts(**choice):
        html = client.get(landscape_page.url, choice).content.decode()
        return {name: count for name, (count, _) in tiles(html).items() if count}

    assert counts() == {
        "Hackney": 3,
        "Camden": 1,
        "Kensington and Chelsea": 1,
        "Croydon": 1,
        "City of London": 1,
    }
    assert counts(sector="education") == {"Hackney": 2, "Camden": 1, "Kensington and Chelsea": 1}
    assert counts(sector="education", driver="relationships") == {"Hackney": 1, "Camden": 1}
    assert counts(sector="young-peoples-voice") == {}


def test_a_square_links_into_the_filtered_library(
    client, library_backend, practice, landscape_page
):
    html = client.get(
        landscape_page.url, {"sector": "education", "driver": "relationships"}
    ).content.decode()
    count, url = tiles(html)["Hackney"]
    assert url == "/library/?type=case-study&sector=education&driver=relationships&borough=hackney"
    library = client.get(url)
    assert library.status_code == 200
    assert "Calm classrooms" in library.content.decode()
    assert client.get("/api/library/" + url.removeprefix("/library/")).json()["count"] == count == 1


def test_the_form_and_caption_say_what_the_map_shows(client, practice, landscape_page):
    html = client.get(
        landscape_page.url, {"sector": "education", "driver": "relationships"}
    ).content.decode()
    assert '<option value="education" selected>Education</option>' in html
    assert '<option value="relationships" selected>Relationships and trust</option>' in html
    assert "Update the map" in html
    assert (
        "Published case studies by borough (sector: Education; "
        "driver of change: Relationships and trust)" in html
    )
    everything = client.get(landscape_page.url).content.decode()
    assert "Published case studies by borough (all sectors; all drivers of change)" in everything
    assert 'role="list" aria-label="Map of London&#x27;s boroughs' in everything
    assert 'aria-label="Hackney: 3 case studies"' in everything
    assert 'aria-label="Croydon: 1 case study"' in everything


def test_squares_run_row_by_row_from_north_west(client, practice, landscape_page):
    html = client.get(landscape_page.url).content.decode()
    names = list(tiles(html))
    slugs = {item.name: item.slug for item in Borough.objects.all()}
    places = [(LONDON_SQUARED[slugs[name]].row, LONDON_SQUARED[slugs[name]].col) for name in names]
    assert places == sorted(places)
    assert names[0] == "Enfield" and names[-1] == "Sutton"


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"sector": "astronauts"}, "We could not find the sector in this link"),
        ({"driver": "<script>"}, "We could not find the driver of change in this link"),
        ({"sector": "x" * 5000, "driver": "relationships"}, "so the map shows all sectors"),
    ],
)
def test_unknown_choices_are_ignored_with_a_notice(
    client, library_backend, practice, landscape_page, params, notice
):
    response = client.get(landscape_page.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert "<script>" not in html
    expected = {"type": "case-study"}
    if params.get("driver") == "relationships":
        expected["driver"] = "relationships"
    api = api_borough_counts(client, {k: v for k, v in expected.items() if k != "type"})
    assert {n: c for n, (c, _) in tiles(html).items() if c} == {n: c for n, c in api.items() if c}


def test_a_borough_without_a_place_is_listed_below_the_map(client, practice, landscape_page):
    Borough.objects.create(name="Heathrow Airport", slug="heathrow-airport", sort_order=99)
    html = client.get(landscape_page.url).content.decode()
    assert "Heathrow Airport" not in tiles(html)
    assert "Not on the map" in html
    link = '<li><a href="/library/?type=case-study&amp;borough=heathrow-airport">'
    assert link + "Heathrow Airport: 0 case studies</a></li>" in html
    assert table(html)["Heathrow Airport"] == (
        0,
        "/library/?type=case-study&borough=heathrow-airport",
    )
    assert len(tiles(html)) == 33


@pytest.mark.parametrize("library_backend", ["elasticsearch"], indirect=True)
def test_the_map_falls_back_to_the_database_with_the_same_numbers(
    client, settings, library_backend, practice, landscape_page, unused_port
):
    choice = {"sector": "education"}
    on_engine = tiles(client.get(landscape_page.url, choice).content.decode())
    settings.SEARCH_ENGINE_URLS = {
        **settings.SEARCH_ENGINE_URLS,
        library_backend: f"http://127.0.0.1:{unused_port}",
    }

    html = client.get(landscape_page.url, choice).content.decode()

    assert "counted from the site&#x27;s own copy" in html
    assert tiles(html) == on_engine
