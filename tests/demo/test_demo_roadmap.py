"""The demo roadmap and landscape: built with the rest of the demo site, the same every time."""

import pytest

from casestudies.models import DriverOfChange
from demo.builder import load_demo_content
from roadmap.models import LandscapePage, RoadmapPage
from tests.demo_site import demo_loaded_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory, people=False) as report:
        yield report


def test_the_demo_roadmap_covers_every_driver_and_stage(demo):
    roadmap = RoadmapPage.objects.live().get()
    assert [stage.name for stage in roadmap.stages.all()] == [
        "Aware",
        "Informed",
        "Responsive",
        "Embedded",
    ]
    drivers = [block.value["driver"] for block in roadmap.drivers]
    assert set(drivers) == set(DriverOfChange.objects.all())
    assert len(drivers) == 4
    for block in roadmap.drivers:
        assert len(block.value["stages"]) == 4
        for stage in block.value["stages"]:
            assert stage["description"]
            assert stage["recommendations"] and stage["case_studies"]
            assert all(page.live for page in [*stage["recommendations"], *stage["case_studies"]])
        assert roadmap.statements.filter(driver=block.value["driver"]).count() == 3
    assert "illustrative" in roadmap.introduction
    assert LandscapePage.objects.live().count() == 1


def test_a_second_run_leaves_the_roadmap_alone(demo):
    statements = list(RoadmapPage.objects.get().statements.values_list("pk", flat=True))
    report = load_demo_content(people=False)
    assert "Roadmap and landscape ready" in report
    assert "created 0 of their pages and updated 0" in report
    # Shared links name statements by id, so the ids must not change.
    assert list(RoadmapPage.objects.get().statements.values_list("pk", flat=True)) == statements


def test_the_demo_roadmap_and_landscape_pages_render(client, demo):
    roadmap = RoadmapPage.objects.get()
    statements = list(roadmap.statements.all())
    params = {f"s-{s.pk}": "3" for s in statements}
    params.update(audience="system-leaders", sector="education")
    response = client.get(roadmap.url, params)
    assert response.status_code == 200
    profiles = response.context["profiles"]
    assert [p.stage.name for p in profiles] == ["Responsive"] * 4
    for profile in profiles:
        assert profile.recommendations and profile.case_studies
    landscape = client.get(LandscapePage.objects.get().url)
    assert landscape.status_code == 200
    # Index updates run after commit, which this rolled-back load never reaches: the page
    # still lists every sector and driver.
    assert len(landscape.context["rows"]) == 6
    assert len(landscape.context["columns"]) == 4
