"""The "How change happens" pages in Chromium: WCAG 2.2 AA by axe-core at phone and desktop
widths, a theory-of-change flow that runs down the page on a phone, text that stays inside its
boxes, and nothing that scrolls sideways."""

import pytest

from demo.builder import load_demo_content
from drivers.models import DriverPage
from tests.browser.test_word_wrapping import BROKEN_WORDS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Phones, a tablet (the narrow picture beside the numbered list) and a desktop.
WIDTHS = {
    320: {"width": 320, "height": 640},
    375: {"width": 375, "height": 812},
    768: {"width": 768, "height": 1024},
    1280: {"width": 1280, "height": 900},
}

# Each box of the picture on show whose text runs outside its outline, or onto another box.
TEXT_OUTSIDE_BOXES = """() => {
  const problems = [];
  for (const svg of document.querySelectorAll('.change-flow__svg')) {
    if (!svg.getClientRects().length) continue;  // the other shape, hidden at this width
    const boxes = [...svg.querySelectorAll('g')].map(g => ({
      g, rect: g.querySelector('rect').getBBox(),
      texts: [...g.querySelectorAll('text')].map(t => t.getBBox()),
    }));
    for (const {g, rect, texts} of boxes) {
      for (const t of texts) {
        if (t.x < rect.x || t.y < rect.y || t.x + t.width > rect.x + rect.width + 0.5 ||
            t.y + t.height > rect.y + rect.height + 0.5) {
          problems.push(`${g.getAttribute('data-kind')}: "${g.textContent.slice(0, 50)}"`);
        }
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].rect, b = boxes[j].rect;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
            b.y < a.y + a.height) {
          problems.push(`boxes ${i} and ${j} overlap`);
        }
      }
    }
  }
  return problems;
}"""

READ_TEXT = "main h1, main h2, main h3, .change-flow__item, .driver-list__description, main dt"


@pytest.fixture
def demo_site(settings):
    # The library answers from the database here; the engines have their own tests.
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    load_demo_content()
    return {"index": "/how-change-happens/", "driver": DriverPage.objects.live().first().url}


def shown(page, selector):
    return page.locator(selector).evaluate("e => getComputedStyle(e).display") != "none"


def test_driver_pages_meet_wcag_22_aa_and_read_well_at_every_width(
    page, live_server, axe_violations, screenshot, demo_site
):
    found, too_wide, outside, broken = {}, {}, {}, {}
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for name, path in demo_site.items():
            page.goto(live_server.url + path)
            where = f"{name} at {width}px"
            if violations := axe_violations(page):
                found[where] = violations
            if page.evaluate("document.documentElement.scrollWidth") > width:
                too_wide[where] = page.evaluate("document.documentElement.scrollWidth")
            if problems := page.evaluate(TEXT_OUTSIDE_BOXES):
                outside[where] = problems
            if width < 1280 and (words := page.evaluate(BROKEN_WORDS, READ_TEXT)):
                broken[where] = words
            screenshot(page, f"driver-{'index' if name == 'index' else 'page'}-{width}")
    assert not found, "\n".join(f"{where}: {v}" for where, v in found.items())
    assert not too_wide, f"pages that scroll sideways: {too_wide}"
    assert not outside, f"text outside its box in the picture: {outside}"
    assert not broken, f"words split across lines: {broken}"


def test_on_a_phone_the_flow_runs_down_the_page(page, live_server, demo_site):
    page.set_viewport_size(WIDTHS[375])
    page.goto(live_server.url + demo_site["driver"])

    assert shown(page, ".change-flow__svg--narrow")
    assert not shown(page, ".change-flow__svg--wide")
    tops = page.locator(".change-flow__svg--narrow g").evaluate_all(
        "groups => groups.map(g => g.getBoundingClientRect().top)"
    )
    lefts = page.locator(".change-flow__svg--narrow g").evaluate_all(
        "groups => groups.map(g => Math.round(g.getBoundingClientRect().left))"
    )
    assert len(tops) >= 4 and tops == sorted(tops) and len(set(lefts)) == 1
    # Its text, as drawn, is no smaller than 15 pixels.
    sizes = page.locator(".change-flow__svg--narrow .change-flow__text").evaluate_all(
        """texts => texts.map(t => {
          const svg = t.ownerSVGElement;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return parseFloat(t.getAttribute('font-size')) * scale;
        })"""
    )
    assert min(sizes) >= 15
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # The numbered list carries the same steps, for screen readers and print.
    assert page.locator(".change-flow__steps > li").count() == len(tops)

    page.set_viewport_size(WIDTHS[1280])
    assert shown(page, ".change-flow__svg--wide")
    assert not shown(page, ".change-flow__svg--narrow")
