"""A reader uses the landscape's borough map: at phone and desktop widths, by keyboard, with the
sector and driver form, and without JavaScript."""

import pytest

from casestudies.models import Borough
from roadmap.models import LandscapePage
from roadmap.tilemap import LONDON_SQUARED
from tests.browser.conftest import DESKTOP, PHONE, browser_page
from tests.browser.test_word_wrapping import BROKEN_WORDS
from tests.practice import borough, case_study, driver, home_page, publish_page, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {
    "320": {"width": 320, "height": PHONE["height"]},
    "375": PHONE,
    "1280": DESKTOP,
}

# Every text in every square, with the box it takes and the square it sits in, in screen
# pixels; and what the browser shows of it (hidden labels take no room).
SQUARE_TEXTS = """() => {
const map = document.querySelector('.tile-map');
const scale = map.getBoundingClientRect().width / map.viewBox.baseVal.width;
return [...document.querySelectorAll('.tile-map__place')].flatMap(place => {
  const tile = place.querySelector('a');
  const rect = tile.querySelector('rect');
  const edge = rect.getBoundingClientRect();
  // Inside the border: half of it lies inside the square's outline.
  const border = parseFloat(getComputedStyle(rect).strokeWidth) * scale / 2;
  const square = {left: edge.left + border, right: edge.right - border,
                  top: edge.top + border, bottom: edge.bottom - border};
  return [...place.querySelectorAll('text')]
    .filter(text => getComputedStyle(text).display !== 'none')
    .map(text => {
      const box = text.getBoundingClientRect();
      return {label: tile.getAttribute('aria-label'), text: text.textContent,
              size: parseFloat(getComputedStyle(text).fontSize) * scale,
              inside: box.left >= square.left && box.right <= square.right &&
                      box.top >= square.top && box.bottom <= square.bottom};
    });
});
}"""


def build_practice():
    trust = driver("relationships", "Relationships and trust")
    voice = driver("voice", "Voice and participation")
    # Westminster and Wandsworth, the longest names, get the heaviest border: three each.
    case_study(
        "Calm classrooms",
        lead_sector=sector("education"),
        drivers=[trust, voice],
        boroughs=[borough(b) for b in ("hackney", "camden", "westminster", "wandsworth")],
    )
    case_study(
        "Reflective staff groups",
        lead_sector=sector("education"),
        drivers=[voice],
        boroughs=[borough(b) for b in ("hackney", "kensington-and-chelsea", "westminster")],
    )
    case_study(
        "Youth panel",
        lead_sector=sector("local-authorities"),
        drivers=[trust],
        boroughs=[
            borough(b) for b in ("hackney", "westminster", "wandsworth", "barking-and-dagenham")
        ],
    )
    case_study("Mentors", lead_sector=sector("local-authorities"), boroughs=[borough("wandsworth")])
    case_study("Custody with care", drivers=[trust], boroughs=[borough("croydon")])
    publish_page(home_page(), LandscapePage(title="Landscape of practice", slug="landscape"))


@pytest.fixture
def landscape(elasticsearch_library, live_server):
    build_practice()
    return live_server.url + "/landscape/"


def slugs_in_row_order():
    return sorted(
        LONDON_SQUARED, key=lambda slug: (LONDON_SQUARED[slug].row, LONDON_SQUARED[slug].col)
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_reads_well_and_passes_axe_at_each_width(
    page, landscape, screenshot, axe_violations, width
):
    page.set_viewport_size(WIDTHS[width])
    page.goto(landscape)
    tiles = page.get_by_role("list", name="Map of London's boroughs").get_by_role("link")
    assert tiles.count() == 33
    assert page.get_by_role("link", name="Hackney: 3 case studies").is_visible()
    heaviest = page.locator(".tile-map .tile-map__place--4 .tile-map__tile")
    assert sorted(heaviest.evaluate_all("tiles => tiles.map(t => t.ariaLabel)")) == [
        "Hackney: 3 case studies",
        "Wandsworth: 3 case studies",
        "Westminster: 3 case studies",
    ]

    texts = page.evaluate(SQUARE_TEXTS)
    broken = page.evaluate(BROKEN_WORDS, "#borough-map")
    screenshot(page, f"landscape-borough-map-{width}")

    assert axe_violations(page) == []
    assert not broken, f"words split across lines at {width}px: {broken}"
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    # Two texts in each square (a label and its count), each wholly inside its square and at
    # least 10 pixels high.
    assert len(texts) == 33 * 2
    assert [t for t in texts if not t["inside"]] == []
    assert min(t["size"] for t in texts) >= 10, sorted(texts, key=lambda t: t["size"])[:3]
    shown = {t["text"] for t in texts}
    if width == "1280":
        assert {"Kens &Chel", "Westminster", "City", "Bark &Dag"} <= shown
    else:
        assert {"Kns", "Wst", "Cty"} <= shown
        assert page.get_by_text(
            "On a narrow screen each square shows a three-letter code"
        ).is_visible()


def test_keyboard_users_tab_through_the_squares_row_by_row_and_follow_one(
    page, landscape, screenshot
):
    page.goto(landscape)
    page.get_by_role("button", name="Update the map").focus()
    names = dict(Borough.objects.values_list("slug", "name"))
    reached = []
    for _ in range(33):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        if len(reached) == 1:
            # The square in focus is drawn in the focus colour with a heavy black border.
            square = page.evaluate(
                "(() => { const s = getComputedStyle(document.activeElement.querySelector('rect'));"
                " return [s.fill, s.strokeWidth]; })()"
            )
            assert square == ["rgb(255, 221, 0)", "6px"]
    assert [label.rpartition(":")[0] for label in reached] == [
        names[slug] for slug in slugs_in_row_order()
    ]

    hackney = page.get_by_role("link", name="Hackney: 3 case studies")
    hackney.focus()
    screenshot(page, "landscape-borough-map-focus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/library/**")
    assert page.url.endswith("/library/?type=case-study&borough=hackney")
    assert page.locator(".library__count").inner_text() == "3 results"


def choose_and_update(page):
    page.get_by_label("Sector", exact=True).select_option("education")
    page.get_by_label("Driver of change", exact=True).select_option("relationships")
    page.get_by_role("button", name="Update the map").click()
    page.wait_for_url("**sector=education**")


def test_choosing_a_sector_and_driver_updates_the_map_and_the_link(page, landscape, screenshot):
    page.goto(landscape)
    assert page.get_by_role("link", name="Hackney: 3 case studies").is_visible()

    choose_and_update(page)

    assert "/landscape/?sector=education&driver=relationships" in page.url
    assert page.get_by_role("link", name="Hackney: 1 case study").is_visible()
    assert page.get_by_role("link", name="Croydon: 0 case studies").is_visible()
    assert page.get_by_label("Sector", exact=True).input_value() == "education"
    caption = page.locator("#boroughs-caption").inner_text()
    assert caption == (
        "Published case studies by borough "
        "(sector: Education; driver of change: Relationships and trust)"
    )
    screenshot(page, "landscape-borough-map-chosen")
    # The link, opened again in a new tab, shows the same map.
    shared = page.context.new_page()
    shared.goto(page.url)
    assert shared.get_by_role("link", name="Hackney: 1 case study").is_visible()
    shared.close()


def test_the_map_and_its_form_work_without_javascript(chromium, landscape):
    with browser_page(chromium, viewport=PHONE, java_script_enabled=False) as page:
        page.goto(landscape)
        assert page.get_by_role("link", name="Westminster: 3 case studies").count() == 1
        choose_and_update(page)
        assert page.get_by_role("link", name="Westminster: 1 case study").count() == 1
        assert page.get_by_role("link", name="Kensington and Chelsea: 0 case studies").count() == 1
        page.get_by_role("link", name="Hackney: 1 case study").click()
        page.wait_for_url("**/library/**")
        assert "sector=education" in page.url and "borough=hackney" in page.url
        assert page.locator(".library__count").inner_text() == "1 result"
