"""The home page loads in a real Chromium, leads to the programme's work, and every page's
footer leads to the accessibility statement, privacy notice and contact page."""

import pytest

from demo.builder import load_demo_content
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_loads_in_chromium(page, live_server, screenshot):
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Practice Library"
    assert page.get_by_role("link", name="Skip to main content").count() == 1
    assert screenshot(page, "home-desktop").exists()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_footer_pages_are_reached_from_every_page_and_meet_wcag_22_aa(
    page, live_server, screenshot, axe_violations, settings, viewport
):
    # The library answers from the database here; the engines have their own journey.
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    load_demo_content()
    page.set_viewport_size(viewport)
    width = viewport["width"]
    found = {}
    for name in ("Accessibility statement", "Privacy notice", "Contact us"):
        page.goto(live_server.url + "/library/")
        page.get_by_role("contentinfo").get_by_role("link", name=name).click()
        assert page.locator("h1").inner_text() == name
        link = page.get_by_role("contentinfo").get_by_role("link", name=name)
        assert link.get_attribute("aria-current") == "page"
        if violations := axe_violations(page):
            found[name] = violations
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"{name.lower().replace(' ', '-')}-{width}")
    assert not found, found

    page.goto(live_server.url + "/")
    if violations := axe_violations(page):
        found["home"] = violations
    assert not found, found
    signposts = page.get_by_role("region", name="What the programme has produced")
    signposts.get_by_role("link", name="Roadmap").click()
    assert page.locator("h1").inner_text() == "Roadmap"
