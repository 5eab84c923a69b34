"""A practitioner types in a search box, is offered titles of published practice, and opens
one by keyboard; or presses Enter without choosing and searches as before."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, browser_page
from tests.practice import case_study

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PANELS = "Pupil panels shape school policy"
PEERS = "Pupil peer mentors at break time"
DRAFT = "Pupil councils in custody (draft)"
WITHDRAWN = "Pupil voice in exclusion reviews"


@pytest.fixture
def corpus():
    published = {title: case_study(title) for title in (PANELS, PEERS)}
    case_study(DRAFT, publish=False)
    case_study(WITHDRAWN).unpublish()
    return published


@pytest.fixture
def csp_refusals(page):
    """Every message in which the browser refused something under the page's policy."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(f"script error: {error}"))
    return refused


def suggestions(page, box_id):
    return page.locator(f"#{box_id}__listbox").get_by_role("option")


def type_and_wait_for_suggestions(page, box, words):
    box.focus()
    page.keyboard.type(words, delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return listbox


def choose_by_keyboard(page, box_id, title):
    """Arrow down to the suggestion with this title and press Enter."""
    options = suggestions(page, box_id)
    expect(options.filter(has_text=title)).to_have_count(1)
    titles = [t.strip().rstrip(",") for t in options.locator(".suggest__title").all_text_contents()]
    for position in range(titles.index(title) + 1):
        page.keyboard.press("ArrowDown")
        expect(options.nth(position)).to_be_focused()
        expect(options.nth(position)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")


def test_library_suggestions_open_the_chosen_case_study(
    page, live_server, elasticsearch_library, corpus, csp_refusals
):
    page.goto(live_server.url + "/library/")
    box = page.get_by_role("combobox", name="Search words")
    # The box keeps its id, name, label and length limit.
    expect(box).to_have_attribute("id", "library-q")
    expect(box).to_have_attribute("name", "q")
    expect(box).to_have_attribute("maxlength", "200")

    type_and_wait_for_suggestions(page, box, "pupil")
    options = suggestions(page, "library-q")
    # Only published pages are offered: never a draft, nor a page since unpublished.
    expect(options).to_have_count(2)
    expect(options.filter(has_text=PANELS)).to_have_accessible_name(
        re.compile(rf"^{PANELS}\s*,\s*Case study$")
    )
    expect(options.filter(has_text=PEERS)).to_have_count(1)
    assert not [t for t in options.all_inner_texts() if DRAFT in t or WITHDRAWN in t]
    # Screen readers hear how many there are.
    expect(page.locator("#library-q__status--A, #library-q__status--B")).to_contain_text(
        ["2 suggestions are available."]
    )

    choose_by_keyboard(page, "library-q", PEERS)
    expect(page).to_have_url(live_server.url + corpus[PEERS].url)
    expect(page.locator("h1")).to_have_text(PEERS)
    assert csp_refusals == []


def test_home_page_suggestions_open_the_chosen_case_study(
    page, live_server, elasticsearch_library, corpus, csp_refusals
):
    page.goto(live_server.url + "/")
    box = page.get_by_role("combobox", name="Search the practice library")
    expect(box).to_have_attribute("id", "home-search")
    expect(box).to_have_attribute("name", "q")
    type_and_wait_for_suggestions(page, box, "pupil pan")
    expect(suggestions(page, "home-search")).to_have_count(1)
    choose_by_keyboard(page, "home-search", PANELS)
    expect(page).to_have_url(live_server.url + corpus[PANELS].url)
    expect(page.locator("h1")).to_have_text(PANELS)
    assert csp_refusals == []


def test_enter_without_choosing_runs_the_plain_search(
    page, live_server, elasticsearch_library, corpus, csp_refusals
):
    page.goto(live_server.url + "/")
    box = page.get_by_role("combobox", name="Search the practice library")
    type_and_wait_for_suggestions(page, box, "pupil")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/library/?q=pupil")
    expect(page.locator(".library__count")).to_have_text("2 results")

    # On the library the search runs in place, and the box keeps the words, with no list.
    box = page.get_by_role("combobox", name="Search words")
    expect(box).to_have_value("pupil")
    box.focus()
    expect(page.get_by_role("listbox")).to_be_hidden()
    page.evaluate("window.stillTheSamePage = true")
    page.keyboard.press("End")
    page.keyboard.type(" panels", delay=40)
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/library/?q=pupil+panels")
    expect(page.locator(".library__count")).to_have_text("1 result")
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page.get_by_role("listbox")).to_be_hidden()

    # The results swapped in leave the suggestions working.
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("pupil pe", delay=40)
    expect(suggestions(page, "library-q")).to_have_text([re.compile(PEERS)])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(PEERS)
    assert csp_refusals == []


@pytest.mark.parametrize(
    ("path", "box_id", "viewport"),
    [
        ("/library/", "library-q", DESKTOP),
        ("/library/", "library-q", PHONE),
        ("/", "home-search", DESKTOP),
        ("/", "home-search", PHONE),
    ],
    ids=["library-1280", "library-375", "home-1280", "home-375"],
)
def test_open_suggestions_meet_wcag_22_aa(
    page,
    live_server,
    screenshot,
    axe_violations,
    elasticsearch_library,
    corpus,
    csp_refusals,
    path,
    box_id,
    viewport,
):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + path)
    box = page.locator(f"#{box_id}")
    type_and_wait_for_suggestions(page, box, "pupil")
    name = f"autocomplete-{'library' if box_id == 'library-q' else 'home'}-{viewport['width']}"
    screenshot(page, name)
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    expect(suggestions(page, box_id).first).to_be_focused()
    screenshot(page, f"{name}-highlighted")
    assert axe_violations(page) == []
    # The list fits the screen: nothing runs off the side.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert csp_refusals == []


def test_without_javascript_the_search_box_is_as_before(
    chromium, live_server, elasticsearch_library, corpus
):
    with browser_page(chromium, viewport=PHONE, java_script_enabled=False) as page:
        page.goto(live_server.url + "/")
        box = page.get_by_role("searchbox", name="Search the practice library")
        expect(box).to_have_attribute("data-suggest", "/api/library/suggest/")
        box.fill("pupil")
        box.press("Enter")
        expect(page).to_have_url(live_server.url + "/library/?q=pupil")
        expect(page.get_by_role("searchbox", name="Search words")).to_have_value("pupil")
        expect(page.get_by_role("listbox")).to_have_count(0)


def test_a_refused_suggestion_request_leaves_the_search_working(
    page, live_server, elasticsearch_library, corpus, csp_refusals
):
    page.goto(live_server.url + "/")
    box = page.get_by_role("combobox", name="Search the practice library")
    type_and_wait_for_suggestions(page, box, "pupil")
    # Words past the service's limit (pasted in by a script, past the box's own limit): it
    # answers 400, the list goes quietly, and Enter still searches.
    with page.expect_response(lambda r: "/api/library/suggest/" in r.url) as answer:
        box.evaluate(
            "(box, words) => { box.value = words; box.dispatchEvent(new Event('input')); }",
            "pupil " + "x" * 200,
        )
    assert answer.value.status == 400
    expect(page.get_by_role("listbox")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/library/\?q=pupil\+x{200}$"))
    assert csp_refusals == []
