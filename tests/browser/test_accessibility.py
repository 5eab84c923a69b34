"""Every public page type meets WCAG 2.2 A and AA by axe-core, at phone and desktop widths,
and the library can be worked by keyboard alone."""

import pytest
from playwright.sync_api import expect

from demo.builder import load_demo_content
from roadmap.models import RoadmapPage
from tests.browser.conftest import DESKTOP, PHONE
from tests.demo_site import demo_public_paths

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# The innermost elements that stick out past 320 pixels, outside regions that scroll on purpose.
WIDEST_ELEMENTS = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('[role=region][tabindex]'))
  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > 321))
  .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)
  .slice(0, 5)"""


def roadmap_profile_path():
    """The roadmap with every statement answered "Mostly", as a shared link would carry it."""
    roadmap = RoadmapPage.objects.live().get()
    answers = "&".join(f"s-{statement.pk}=3" for statement in roadmap.statements.all())
    return f"/roadmap/?audience=implementers&sector=education&{answers}"


def public_pages():
    return {
        **demo_public_paths(),
        "library with filters": "/library/?sector=education&type=case-study",
        "library with no results": "/library/?q=zzqqxx",
        "library error": "/library/?page=abc",
        "roadmap with a profile": roadmap_profile_path(),
    }


def test_public_pages_have_no_wcag_22_aa_violations(
    page, live_server, axe_violations, elasticsearch_library
):
    load_demo_content()
    found = {}
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, path in public_pages().items():
            page.goto(live_server.url + path)
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {width_name} ({path})"] = violations
    assert not found, "\n".join(f"{where}: {v}" for where, v in found.items())

    # At 320 pixels wide (WCAG's reflow width) nothing runs off the side of any page.
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = {}
    for name, path in public_pages().items():
        page.goto(live_server.url + path)
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide[name] = page.evaluate(WIDEST_ELEMENTS)
    assert not too_wide, f"pages wider than 320px: {too_wide}"


def test_public_pages_load_with_no_content_security_policy_violation(
    page, live_server, elasticsearch_library
):
    load_demo_content()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for _name, path in public_pages().items():
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # The library's script ran: it is allowed, and it works under the policy.
    page.goto(live_server.url + "/library/")
    page.get_by_label("Education").first.check()
    page.wait_for_url("**/library/?*sector=education*")
    assert refused == [], "\n".join(refused)


def tab_to(page, target, most):
    """Press Tab until `target` has focus, as a keyboard user would; at most `most` times."""
    for _ in range(most):
        if target.evaluate("e => e === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


def test_the_library_works_by_keyboard_alone(page, live_server, elasticsearch_library):
    load_demo_content()
    page.goto(live_server.url + "/library/")
    # The skip link is the first stop and takes the reader past the navigation.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("#library-q")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    first_type = page.locator("#library-form input[type=checkbox]").first
    expect(first_type).to_be_focused()

    # Tab on to the Education sector and tick it with the space bar.
    education = page.locator("#f-sector-education")
    tab_to(page, education, most=20)
    page.keyboard.press("Space")
    expect(education).to_be_checked()
    expect(page).to_have_url(live_server.url + "/library/?sector=education")
    expect(education).to_be_focused()  # focus stays where the reader is

    # On to the pagination, and to the next page with Enter.
    next_page = page.get_by_role("link", name="Next page")
    tab_to(page, next_page, most=120)
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("navigation", name="Results pages").locator("[aria-current=page]")
    ).to_have_text("2")
    assert "page=2" in page.url
    expect(page.locator(".library__count")).to_be_focused()
