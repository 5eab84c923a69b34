"""Every public page type of the demo site answers in at most 25 database queries once what
is shared across requests (navigation, footer, driver and roadmap links) has been read, and
what is shared follows a page taken down at once."""

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from casestudies.models import RecommendationPage
from tests.demo_site import demo_loaded_once, demo_public_paths

pytestmark = pytest.mark.django_db

BUDGET = 25


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory):
        yield


@pytest.fixture
def paths(demo, settings):
    # The database copy of the library answers: the heavier of the library's two paths.
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    return demo_public_paths()


def test_no_page_type_needs_more_than_25_queries(
    client, settings, paths, django_assert_max_num_queries
):
    # Rendering, not the kept copy: a kept page answers in one query, the version read.
    settings.LIBRARY_PAGE_CACHE = False
    for kind, path in paths.items():
        assert client.get(path).status_code == 200, kind
        with django_assert_max_num_queries(BUDGET, info=kind):
            assert client.get(path).status_code == 200, kind


def navigation(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".site-nav a")]


def test_a_page_taken_out_of_the_navigation_leaves_it_at_once(client, paths):
    section = Page.objects.get(url_path__endswith="/recommendations/", depth=3)
    assert section.title in navigation(client, paths["standard page"])

    section.unpublish()

    for kind in ("standard page", "driver of change", "home", "library"):
        assert section.title not in navigation(client, paths[kind]), kind


def test_a_recommendation_taken_down_leaves_the_driver_page_at_once(client, paths):
    before = client.get(paths["driver of change"]).content.decode()
    shown = [page for page in RecommendationPage.objects.live() if page.title in before]
    assert shown, "the driver page lists no recommendation"

    shown[0].unpublish()

    assert shown[0].title not in client.get(paths["driver of change"]).content.decode()
