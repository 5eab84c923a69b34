"""A driver page shows what each roadmap stage looks like for its driver, read from the
public roadmap itself."""

import re

from wagtail.models import PageViewRestriction

import pytest

from roadmap.models import RoadmapPage
from tests.drivers.conftest import driver_page
from tests.practice import driver
from tests.roadmap.conftest import build_roadmap

pytestmark = pytest.mark.django_db


def stages_shown(response):
    roadmap = response.context["roadmap"]
    if roadmap is None:
        return []
    return [(item.stage.name, item.description) for item in roadmap.stages]


def stages_in_html(html):
    return re.findall(r"<dt>\d+\. ([^<]+)</dt>\s*<dd>([^<]+)</dd>", html)


@pytest.fixture
def roadmap():
    return build_roadmap()


def test_the_stages_are_the_roadmaps_with_this_drivers_descriptions(client, roadmap):
    page = driver_page(roadmap["trust"])

    response = client.get(page.url)

    expected = [
        ("Aware", "Trust looks aware."),
        ("Informed", "Trust looks informed."),
        ("Responsive", "Trust looks responsive."),
        ("Embedded", "Trust looks embedded."),
    ]
    assert stages_shown(response) == expected
    html = response.content.decode()
    assert stages_in_html(html) == expected
    assert "Voice looks" not in html
    assert f'href="{roadmap["page"].url}#guide-relationships"' in html


def test_changing_the_roadmap_changes_the_driver_page(client, roadmap):
    page = driver_page(roadmap["voice"])
    edited = RoadmapPage.objects.get(pk=roadmap["page"].pk)
    stages = list(edited.stages.all())
    stages[0].name = "Starting out"
    edited.stages = stages
    for block in edited.drivers:
        if block.value["driver"] == roadmap["voice"]:
            block.value["stages"][1]["description"] = "Voice is planned for."
    edited.save_revision().publish()

    shown = stages_shown(client.get(page.url))

    assert shown[0] == ("Starting out", "Voice looks aware.")
    assert shown[1] == ("Informed", "Voice is planned for.")


def test_an_unpublished_or_private_roadmap_shows_no_stages(client, roadmap):
    page = driver_page(roadmap["trust"])
    roadmap["page"].unpublish()

    response = client.get(page.url)

    assert response.status_code == 200
    assert stages_shown(response) == []
    assert "On the roadmap" not in response.content.decode()

    roadmap["page"].save_revision().publish()
    assert len(stages_shown(client.get(page.url))) == 4
    PageViewRestriction.objects.create(
        page=roadmap["page"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert stages_shown(client.get(page.url)) == []


def test_a_driver_the_roadmap_does_not_describe_shows_no_stages(client, roadmap):
    page = driver_page(driver("wellbeing", "Workforce wellbeing"))
    response = client.get(page.url)
    assert response.status_code == 200
    assert stages_shown(response) == []
