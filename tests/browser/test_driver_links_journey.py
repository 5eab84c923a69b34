"""From a library filter to the page that explains the driver, and back, by keyboard alone."""

import pytest
from playwright.sync_api import expect

from casestudies.models import DriverOfChange
from demo import content
from demo.builder import load_demo_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focused_text(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def test_a_keyboard_user_goes_from_a_library_chip_to_the_driver_page_and_back(
    page, live_server, elasticsearch_library, screenshot
):
    load_demo_content()
    driver = DriverOfChange.objects.get(slug=content.TRUST)
    explanation = driver.explanation
    library = f"{live_server.url}/library/?driver={driver.slug}"

    page.goto(library)
    chip = page.get_by_role("link", name=f"Remove driver of change filter: {driver.name}")
    chip.focus()
    page.keyboard.press("Tab")  # "Clear all filters"
    page.keyboard.press("Tab")
    assert focused_text(page) == f"How {driver.name} helps reduce violence"
    screenshot(page, "driver-link-from-library-chip")
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}{explanation.url}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(explanation.title)

    # Back to the library, filtered by the same driver, from the page's own link.
    back = page.locator(f'main a[href$="/library/?driver={driver.slug}"]').first
    back.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(library)
    expect(chip).to_be_visible()
