"""Wherever a driver of change is named, its name leads to the page that explains it, while
the public may see that page; the home page says what each driver means."""

import re

from wagtail.models import PageViewRestriction

import pytest

from roadmap.models import LandscapePage
from tests.practice import case_study, driver, home_page, publish_page
from tests.roadmap.conftest import build_roadmap, recommendation

from .conftest import driver_page, how_change_happens

pytestmark = pytest.mark.django_db


def links_to(html, url, text):
    """Whether `html` has a link to `url` whose text is `text`."""
    pattern = rf'<a [^>]*href="{re.escape(url)}"[^>]*>\s*{re.escape(text)}\s*</a>'
    return re.search(pattern, html) is not None


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def explained(db):
    """Two drivers on a roadmap, one of them explained by a published page."""
    roadmap = build_roadmap()
    trust = driver("relationships")
    voice = driver("voice")
    return {"roadmap": roadmap["page"], "trust": trust, "voice": voice, "page": driver_page(trust)}


def test_case_studies_and_recommendations_link_the_driver_to_its_page(client, explained):
    trust, voice, page = explained["trust"], explained["voice"], explained["page"]
    study = case_study("Same worker, every time", drivers=[trust, voice])
    advice = recommendation("Keep the same worker, always", "implementers", [trust, voice])
    for url in (study.url, advice.url):
        html = html_of(client, url)
        assert links_to(html, page.url, trust.name)
        # A driver with no page yet still leads somewhere useful: the library, filtered.
        assert links_to(html, voice.library_url, voice.name)


def test_the_roadmap_and_the_landscape_link_each_explained_driver(client, explained):
    trust, voice, page = explained["trust"], explained["voice"], explained["page"]
    landscape = publish_page(home_page(), LandscapePage(title="Landscape", slug="landscape"))

    roadmap_html = html_of(client, explained["roadmap"].url)
    assert links_to(roadmap_html, page.url, trust.name)
    assert not re.search(rf">\s*{voice.name}\s*</a>", roadmap_html)

    landscape_html = html_of(client, landscape.url)
    assert re.search(
        rf'<th scope="col"><a href="{re.escape(page.url)}">{trust.name}</a></th>', landscape_html
    )
    assert f'<th scope="col">{voice.name}</th>' in landscape_html


def test_the_library_leads_from_a_driver_filter_to_its_page(client, explained, library_backend):
    trust, page = explained["trust"], explained["page"]
    html = html_of(client, "/library/", driver=trust.slug)
    assert links_to(html, page.url, f"How {trust.name} helps reduce violence")
    assert links_to(html, how_change_happens().url, "What the drivers of change mean")
    # No note for a driver without a page.
    voice = explained["voice"]
    assert "helps reduce violence" not in html_of(client, "/library/", driver=voice.slug)


def test_the_home_page_says_what_each_driver_means(client, explained):
    trust = explained["trust"]
    trust.description = "Practice changes when people trust the adults around them."
    trust.save()
    html = html_of(client, home_page().url)
    assert links_to(html, explained["page"].url, trust.name)
    assert trust.description in html
    assert f'href="{trust.library_url}"' in html  # and still the way into its practice


@pytest.mark.parametrize("taken_down", ["unpublished", "private"])
def test_a_page_the_public_cannot_see_is_never_linked(client, explained, taken_down):
    trust, page = explained["trust"], explained["page"]
    if taken_down == "unpublished":
        page.unpublish()
    else:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="drafting"
        )
    study = case_study("Same worker, every time", drivers=[trust])
    for url in (study.url, explained["roadmap"].url, home_page().url):
        assert f'href="{page.url}"' not in html_of(client, url), url
    assert links_to(html_of(client, study.url), trust.library_url, trust.name)


def test_renaming_a_driver_renames_every_link(client, explained, library_backend, indexed):
    trust, page = explained["trust"], explained["page"]
    with indexed():
        study = case_study("Same worker, every time", drivers=[trust])
    landscape = publish_page(home_page(), LandscapePage(title="Landscape", slug="landscape"))
    html_of(client, "/library/", driver=trust.slug)  # kept for the public

    with indexed():
        trust.name = "Trusted relationships"
        trust.save()

    for url, params in (
        (study.url, {}),
        (explained["roadmap"].url, {}),
        (landscape.url, {}),
        ("/library/", {"driver": trust.slug}),
    ):
        html = html_of(client, url, **params)
        assert "Trusted relationships" in html, url
        assert "Relationships and trust" not in html, url
    assert links_to(
        html_of(client, "/library/", driver=trust.slug),
        page.url,
        "How Trusted relationships helps reduce violence",
    )


def test_a_driver_page_published_after_a_library_page_was_kept_shows_there(client, library_backend):
    voice = driver("voice", "Voice and participation")
    assert "helps reduce violence" not in html_of(client, "/library/", driver=voice.slug)
    page = driver_page(voice)
    assert links_to(
        html_of(client, "/library/", driver=voice.slug),
        page.url,
        "How Voice and participation helps reduce violence",
    )
    page.unpublish()
    assert "helps reduce violence" not in html_of(client, "/library/", driver=voice.slug)
