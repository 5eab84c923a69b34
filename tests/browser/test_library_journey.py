"""A practitioner filters the library by sector and driver, opens a result and comes back."""

import uuid

import pytest

from search import index
from search.engine import configured_engine
from tests.conftest import engine
from tests.practice import case_study, driver, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def elasticsearch_library(settings):
    config = engine("elasticsearch")
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": config.url, "opensearch": ""}
    settings.LIBRARY_INDEX_PREFIX = f"test-library-{uuid.uuid4().hex[:10]}"
    index.ensure_index(configured_engine())
    yield
    index.drop(config)


def test_practitioner_filters_opens_a_result_and_returns(
    page, live_server, screenshot, elasticsearch_library
):
    voice = driver("voice", "Voice and participation")
    trust = driver()
    case_study("Pupil panels shape school policy", lead_sector=sector("education"), drivers=[voice])
    case_study("Mentors in the playground", lead_sector=sector("education"), drivers=[trust])
    case_study("Youth advisers in custody reviews", drivers=[voice])

    page.goto(live_server.url + "/library/")
    assert page.locator(".library__count").inner_text() == "3 results"
    page.get_by_label("Education (2)").check()
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator(".library__count").inner_text() == "2 results"
    # Other sectors keep their counts while one is chosen.
    assert page.get_by_label("Metropolitan Police Service (1)").count() == 1
    assert page.get_by_role("link", name="Remove sector filter: Education").count() == 1

    page.get_by_label("Voice and participation (1)").check()
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator(".library__count").inner_text() == "1 result"
    assert (
        page.get_by_role(
            "link", name="Remove driver of change filter: Voice and participation"
        ).count()
        == 1
    )
    filtered_url = page.url
    assert "sector=education" in filtered_url and "driver=voice" in filtered_url
    screenshot(page, "library-filtered-desktop")

    page.get_by_role("link", name="Pupil panels shape school policy").click()
    assert page.locator("h1").inner_text() == "Pupil panels shape school policy"
    page.go_back()
    assert page.url == filtered_url
    assert page.locator("#f-sector-education").is_checked()
    assert page.locator("#f-driver-voice").is_checked()
    assert page.locator(".library__count").inner_text() == "1 result"
