"""Words wrap whole: no answer on the roadmap's self-assessment, and no heading, is split in the
middle of a word at phone or desktop width, and nothing runs off the side at 320 pixels."""

import pytest

from demo.builder import load_demo_content
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"375": PHONE, "1280": DESKTOP}

# Every word in the text under `selector` that the browser lays out in more than one box, i.e.
# split across lines. Words are split on whitespace, and after a hyphen, where a line may break.
BROKEN_WORDS = """selector => {
  const broken = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s-]+-*/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const boxes = range.getClientRects().length;
        // No boxes: not shown at all (a folded section); nothing to read, nothing broken.
        if (boxes > 1) {
          broken.push(`"${match[0]}" in ${boxes} pieces, in <${element.tagName.toLowerCase()}> ` +
            JSON.stringify(element.textContent.trim().slice(0, 60)));
        }
      }
    }
  }
  return broken;
}"""

ROADMAP_TEXT = ", ".join(
    [
        ".govuk-radios__label",  # the answer choices: Not yet, Sometimes, Mostly, Always
        ".statement legend",
        ".roadmap h1",
        ".roadmap h2",
        ".roadmap h3",
        ".roadmap h4",
        ".roadmap dt",
    ]
)
HOME_TEXT = ".site-header a, .site-nav a, main h1, main h2, main h3, .site-footer a"


def shoot(locator, name):
    """Save a screenshot of one part of the page beside the other browser tests' screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    locator.screenshot(path=str(path))
    return path


@pytest.fixture
def demo_site(settings):
    # The library answers from the database here; the engines have their own tests.
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    load_demo_content()


@pytest.mark.parametrize("width", WIDTHS)
def test_roadmap_answers_and_headings_wrap_between_words(page, live_server, demo_site, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + "/roadmap/")
    labels = page.locator(".govuk-radios__label")
    assert labels.count() >= 4 * 3, "the self-assessment's answers are missing"
    assert labels.first.inner_text() == "Not yet"

    broken = page.evaluate(BROKEN_WORDS, ROADMAP_TEXT)

    shoot(page.locator(".assessment__driver").first, f"roadmap-answers-{width}")
    assert not broken, f"words split across lines at {width}px: {broken}"


def test_roadmap_answers_fit_a_320_pixel_screen(page, live_server, demo_site):
    page.set_viewport_size({"width": 320, "height": PHONE["height"]})
    page.goto(live_server.url + "/roadmap/")
    shoot(page.locator(".assessment__driver").first, "roadmap-answers-320")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Whole words here too: every answer is short enough for a line of its own.
    assert not page.evaluate(BROKEN_WORDS, ".govuk-radios__label")


@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_navigation_signposts_and_footer_wrap_between_words(
    page, live_server, demo_site, screenshot, width
):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + "/")
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert page.locator(".signpost").count() == 5
    footer = page.get_by_role("contentinfo")
    for name in ("Accessibility statement", "Privacy notice", "Contact us"):
        assert footer.get_by_role("link", name=name).is_visible()

    broken = page.evaluate(BROKEN_WORDS, HOME_TEXT)

    screenshot(page, f"home-with-footer-{width}")
    shoot(footer, f"footer-{width}")
    assert not broken, f"words split across lines at {width}px: {broken}"
