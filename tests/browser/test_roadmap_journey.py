"""A leader answers the roadmap's self-assessment, reads the profile and follows a next step."""

import pytest

from tests.browser.conftest import PHONE
from tests.roadmap.conftest import build_roadmap

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# (statement, answer): trust averages 2.5 (Responsive), voice 1.5 (Aware).
ANSWERS = [
    ("People keep the same worker.", "Sometimes"),
    ("We do what we say we will do.", "Mostly"),
    ("People help decide how the service is run.", "Not yet"),
    ("We say what changed because of feedback.", "Sometimes"),
]


def test_leader_answers_the_self_assessment_and_follows_a_next_step(
    page, live_server, screenshot, settings
):
    # The library answers from the database here; the engines have their own journey.
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    build_roadmap()

    page.goto(live_server.url + "/roadmap/")
    page.get_by_label("Your role").select_option("implementers")
    page.get_by_label("Your sector").select_option("education")
    for statement, answer in ANSWERS:
        page.get_by_role("group", name=statement).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="See my profile").click()

    assert "#profile" in page.url and "audience=implementers" in page.url
    assert page.get_by_role("heading", name="Your profile: where you are now").is_visible()
    chart = page.get_by_role(
        "img", name="Your profile: where you are now for each driver of change"
    )
    assert chart.is_visible()
    rows = page.locator(".profile__table tbody tr")
    assert rows.nth(0).inner_text().startswith("Relationships and trust\tResponsive (stage 3 of 4)")
    assert rows.nth(1).inner_text().startswith("Voice and participation\tAware (stage 1 of 4)")
    steps = page.locator(".next-steps").first
    assert steps.get_by_role("link", name="Keep the same worker").is_visible()
    assert steps.get_by_role("link", name="Mentors in every school").is_visible()
    screenshot(page, "roadmap-profile-desktop")

    # Phone width: nothing runs off the side of the screen.
    page.set_viewport_size({"width": 320, "height": PHONE["height"]})
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll'))"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    screenshot(page, "roadmap-profile-320")

    # Printed or saved as PDF: the profile without the form.
    page.emulate_media(media="print")
    assert page.locator("#profile").is_visible()
    assert not page.locator("form.assessment__form").is_visible()
    screenshot(page, "roadmap-profile-print")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The shared link gives the same profile in a new browser tab, with nothing stored.
    shared = page.context.new_page()
    shared.goto(page.locator(".share__link").get_attribute("href"))
    assert (
        shared.locator(".profile__table tbody tr").nth(0).inner_text() == rows.nth(0).inner_text()
    )
    shared.close()

    steps.get_by_role(
        "link",
        name="Find more case studies from Education for Relationships and trust in the library",
    ).click()
    assert "/library/" in page.url
    assert page.locator(".library__count").inner_text() == "1 result"
    assert page.locator("#f-sector-education").is_checked()
    assert page.locator("#f-driver-relationships").is_checked()
    assert page.get_by_role("link", name="Mentors in every school").is_visible()
    screenshot(page, "roadmap-next-step-in-library")
