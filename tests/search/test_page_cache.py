"""Rendered library pages are kept for the public and retired the moment the library changes."""

from wagtail.models import Site

import pytest

from core import page_cache
from home.models import StandardPage
from search.params import parse
from search.views import kept_as
from tests.practice import case_study, home_page, publish_page, sector
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def titles_on(client, **params):
    return client.get("/library/", params).content.decode()


def test_a_kept_page_costs_one_query_the_librarys_version(
    client, library_backend, indexed, django_assert_num_queries
):
    with indexed():
        case_study("Youth voice panels")
    first = client.get("/library/", {"q": "panels"})
    # The version read, and the search being counted (one upsert, in a savepoint inside the
    # test's transaction): nothing else.
    with django_assert_num_queries(4) as captured:
        again = client.get("/library/", {"q": "panels"})
    statements = [query["sql"] for query in captured.captured_queries]
    assert "practice_library_cache" in statements[0]
    assert statements[1].startswith("SAVEPOINT") and statements[3].startswith("RELEASE")
    assert statements[2].lstrip().startswith("INSERT INTO insight_dailysearch")
    assert again.status_code == 200
    assert again.content == first.content


def test_publish_unpublish_and_renames_retire_kept_pages(client, library_backend, indexed):
    with indexed():
        first = case_study("Youth voice panels", lead_sector=sector("education"))
    assert "Youth voice panels" in titles_on(client, q="panels")
    with indexed():
        case_study("Panels for parents")
    assert "Panels for parents" in titles_on(client, q="panels")
    with indexed():
        first.unpublish()
    assert "Youth voice panels" not in titles_on(client, q="panels")

    education = sector("education")
    assert "Schools and colleges" not in titles_on(client)
    with indexed():
        education.name = "Schools and colleges"
        education.save()
    assert "Schools and colleges" in titles_on(client)


def test_pages_rendered_for_signed_in_editors_are_not_kept(admin_user, rf, library_backend):
    # An editor's page may carry things only editors see: it must never reach the public.
    assert signed_in(admin_user).get("/library/", {"q": "panels"}).status_code == 200
    _, kept = page_cache.lookup(
        rf.get("/library/"), kept_as(parse(rf.get("/", {"q": "panels"}).GET))
    )
    assert kept is None, "the page rendered for an editor was kept for the public"


def test_signed_in_editors_are_never_served_a_kept_page(admin_user, client, rf, library_backend):
    public = rf.get("/library/", {"q": "panels"})
    variant = kept_as(parse(public.GET))
    assert client.get("/library/", {"q": "panels"}).status_code == 200
    version, kept = page_cache.lookup(public, variant)
    assert kept is not None, "the public's page was not kept"
    # The kept page is marked, so a kept answer can be told from a freshly rendered one.
    page_cache.keep_page(public, variant, version, b"<p>Kept for the public</p>", 0)
    assert client.get("/library/", {"q": "panels"}).content == b"<p>Kept for the public</p>"

    response = signed_in(admin_user).get("/library/", {"q": "panels"})

    assert response.status_code == 200
    assert b"Kept for the public" not in response.content
    assert b"Practice library" in response.content


def test_pages_are_kept_by_what_was_asked_not_by_how_the_link_was_written(
    client, rf, library_backend, indexed
):
    with indexed():
        case_study("Youth voice panels", lead_sector=sector("education"))
        sector("local-authorities")
    asked = {"q": "  panels ", "sector": ["local-authorities", "education"]}
    client.get("/library/", asked)
    variant = kept_as(parse(rf.get("/library/", asked).GET))
    version, kept = page_cache.lookup(rf.get("/library/"), variant)
    page_cache.keep_page(rf.get("/library/"), variant, version, b"<p>Kept once</p>", 1)

    # Tracking parameters, a repeated value, the filters in another order, extra spaces and an
    # explicit first page all ask for the same page: they are served the one kept copy.
    for params in (
        {"q": "panels", "sector": ["education", "local-authorities"]},
        {
            "q": "panels",
            "sector": ["local-authorities", "education", "local-authorities"],
            "utm_source": "email",
        },
        {"q": "panels ", "sector": ["education", "local-authorities"], "page": "1", "x": "1"},
    ):
        assert client.get("/library/", params).content == b"<p>Kept once</p>", params
    # Another page of results, another sort or a link with an unknown filter value is not.
    for params in (
        {"q": "panels", "sector": ["education", "local-authorities"], "sort": "newest"},
        {"q": "panels", "sector": ["education", "local-authorities", "nowhere"]},
    ):
        assert client.get("/library/", params).content != b"<p>Kept once</p>", params


def test_a_page_leaving_the_navigation_retires_kept_pages(client, library_backend):
    about = publish_page(
        home_page(), StandardPage(title="About the programme", slug="about", show_in_menus=True)
    )
    assert "About the programme" in titles_on(client, q="panels")

    about.unpublish()

    # Kept library pages carry the site's navigation: an unpublished page's title must leave it.
    assert "About the programme" not in titles_on(client, q="panels")


def test_a_site_given_another_root_page_changes_the_navigation_at_once(client, library_backend):
    home = home_page()
    publish_page(home, StandardPage(title="About the programme", slug="about", show_in_menus=True))
    other_root = publish_page(home, StandardPage(title="Second home", slug="second-home"))
    publish_page(
        other_root,
        StandardPage(title="Only under the second home", slug="only", show_in_menus=True),
    )
    assert "About the programme" in titles_on(client, q="panels")

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_root
    site.save()

    # The site is found once per version, not per request: saving it moves the version on.
    html = titles_on(client, q="panels")
    assert "Only under the second home" in html and "About the programme" not in html


def test_api_answers_are_kept_and_retired_like_pages(
    client, library_backend, indexed, django_assert_num_queries
):
    with indexed():
        case_study("Youth voice panels")
    first = client.get("/api/library/", {"q": "panels"})
    with django_assert_num_queries(4):  # the version read and the search counted
        again = client.get("/api/library/", {"q": "panels", "utm_source": "feed"})
    assert again.content == first.content and again["Content-Type"] == "application/json"
    assert again.json()["count"] == 1

    with indexed():
        case_study("Panels of parents")
    assert client.get("/api/library/", {"q": "panels"}).json()["count"] == 2
