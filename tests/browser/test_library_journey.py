"""A practitioner filters the library by sector and driver, opens a result and comes back."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, browser_page
from tests.practice import case_study, driver, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def corpus():
    voice = driver("voice", "Voice and participation")
    trust = driver()
    case_study("Pupil panels shape school policy", lead_sector=sector("education"), drivers=[voice])
    case_study("Mentors in the playground", lead_sector=sector("education"), drivers=[trust])
    case_study("Youth advisers in custody reviews", drivers=[voice])


@pytest.fixture
def page_without_javascript(chromium):
    with browser_page(chromium, viewport=PHONE, java_script_enabled=False) as page:
        yield page


def test_practitioner_filters_opens_a_result_and_returns(
    page, live_server, screenshot, elasticsearch_library, corpus
):
    page.goto(live_server.url + "/library/")
    count = page.locator(".library__count")
    expect(count).to_have_text("3 results")
    # With JavaScript the filters apply as they change: no button, no page load.
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("Education (2)").check()
    expect(count).to_have_text("2 results")
    expect(page).to_have_url(live_server.url + "/library/?sector=education")
    # Other sectors keep their counts while one is chosen.
    expect(page.get_by_label("Metropolitan Police Service (1)")).to_have_count(1)
    expect(page.get_by_role("link", name="Remove sector filter: Education")).to_have_count(1)
    expect(page.locator("#library-status")).to_have_text("2 results")

    page.get_by_label("Voice and participation (1)").check()
    expect(count).to_have_text("1 result")
    expect(
        page.get_by_role("link", name="Remove driver of change filter: Voice and participation")
    ).to_have_count(1)
    assert page.evaluate("window.stillTheSamePage") is True
    filtered_url = page.url
    assert "sector=education" in filtered_url and "driver=voice" in filtered_url
    screenshot(page, "library-filtered-desktop")

    # Back within the library steps back through the filters.
    page.go_back()
    expect(count).to_have_text("2 results")
    expect(page.locator("#f-driver-voice")).not_to_be_checked()
    page.go_forward()
    expect(count).to_have_text("1 result")

    page.get_by_role("link", name="Pupil panels shape school policy").click()
    expect(page.locator("h1")).to_have_text("Pupil panels shape school policy")
    page.go_back()
    assert page.url == filtered_url
    expect(page.locator("#f-sector-education")).to_be_checked()
    expect(page.locator("#f-driver-voice")).to_be_checked()
    expect(count).to_have_text("1 result")

    page.get_by_role("link", name="Clear all filters").click()
    expect(count).to_have_text("3 results")
    expect(page).to_have_url(live_server.url + "/library/")


def test_the_library_works_without_javascript_on_a_phone(
    page_without_javascript, live_server, screenshot, elasticsearch_library, corpus
):
    page = page_without_javascript
    page.goto(live_server.url + "/library/")
    page.get_by_label("Education (2)").check()
    page.get_by_label("Voice and participation (2)").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".library__count")).to_have_text("1 result")
    assert "sector=education" in page.url and "driver=voice" in page.url
    screenshot(page, "library-filtered-phone-no-javascript")
    page.get_by_role("link", name="Remove sector filter: Education").click()
    expect(page.locator(".library__count")).to_have_text("2 results")
