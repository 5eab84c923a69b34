"""The home page loads in a real Chromium."""

import pytest

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
