"""The demo's "How change happens": an index and a page for each illustrative driver, built the
same way every time."""

import re

from wagtail.models import Revision

import pytest

from casestudies.models import DriverOfChange
from demo.builder import load_demo_content
from drivers.blocks import KIND_ORDER, KINDS
from drivers.models import DriverPage, HowChangeHappensPage
from roadmap.models import RoadmapPage
from tests.demo_site import demo_loaded_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory, people=False) as report:
        yield report


def test_the_demo_has_an_index_and_a_page_for_each_driver(demo):
    index = HowChangeHappensPage.objects.live().get()
    assert index.show_in_menus
    assert "illustrative" in index.introduction
    pages = list(DriverPage.objects.child_of(index).live())
    assert {page.driver for page in pages} == set(DriverOfChange.objects.all())
    assert len(pages) == 4
    for page in pages:
        assert page.title == page.driver.name and "(illustrative)" in page.title
        assert "illustrative" in page.introduction
        kinds = [block.block_type for block in page.steps]
        assert 4 <= len(kinds) <= 6
        assert kinds == sorted(kinds, key=KIND_ORDER.get)
        assert set(kinds) == {name for name, _label in KINDS}
        for block in page.steps:
            for source in block.value["evidence"]:
                assert "(illustrative)" in source["title"] or source["url"].startswith(
                    "https://www.gov.uk/"
                )
        assert 3 <= page.indicators.count() <= 5


def test_each_driver_page_draws_its_stages_from_the_roadmap(demo, client):
    roadmap = RoadmapPage.objects.live().get()
    described = {
        block.value["driver"].pk: [stage["description"] for stage in block.value["stages"]]
        for block in roadmap.drivers
    }
    names = [stage.name for stage in roadmap.stages.all()]
    for page in DriverPage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200
        shown = response.context["roadmap"].stages
        assert [(item.stage.name, item.description) for item in shown] == list(
            zip(names, described[page.driver_id], strict=True)
        )
        html = response.content.decode()
        assert 'class="change-flow__svg change-flow__svg--wide"' in html
        assert response.context["case_studies"].count > 0
        assert response.context["recommendations"]


def test_the_index_is_in_the_main_navigation(demo, client):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/how-change-happens/"' in nav
    response = client.get("/how-change-happens/")
    assert response.status_code == 200
    assert len(response.context["driver_pages"]) == 4


def test_a_second_run_changes_nothing(demo):
    revisions = Revision.objects.count()
    pages = list(DriverPage.objects.values_list("pk", "slug"))

    report = load_demo_content(people=False)

    assert (
        "How change happens ready: 4 driver pages. This run created 0 of their pages and "
        "updated 0." in report
    )
    assert Revision.objects.count() == revisions
    assert list(DriverPage.objects.values_list("pk", "slug")) == pages


def test_a_run_puts_back_a_changed_driver_page(demo):
    page = DriverPage.objects.order_by("pk").first()
    steps = page.steps.get_prep_value()
    page.introduction = "Changed by an editor."
    page.indicators = []
    page.save_revision().publish()

    report = load_demo_content(people=False)

    page = DriverPage.objects.get(pk=page.pk)
    assert page.introduction != "Changed by an editor." and page.indicators.count() >= 3
    assert "This run created 0 of their pages and updated 1." in report
    assert len(page.steps.get_prep_value()) == len(steps)
