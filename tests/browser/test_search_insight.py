"""A moderator sees what people look for in the library: after some searches by the public,
opens "What people look for" under Reports, reads the lists, downloads one as a spreadsheet and
starts a promoted result for words that found nothing."""

import csv

import pytest
from playwright.sync_api import expect

from insight.models import DailySearch
from tests.browser.conftest import DESKTOP, sign_in
from tests.moderation.conftest import person
from tests.practice import case_study, driver, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_moderator_reads_what_people_look_for_and_promotes_a_page(
    page, second_page, live_server, screenshot, axe_violations
):
    case_study("Calm classrooms", lead_sector=sector("education"), drivers=[driver()])
    person("moderator", "VRU moderators", first_name="Rowan", last_name="Hughes")

    # Someone reading the library searches a few times.
    reader = second_page
    for query in ("sector=education", "q=calm", "q=exclusion", "q=Exclusion"):
        reader.goto(f"{live_server.url}/library/?{query}")
        expect(reader.locator(".library__count")).to_be_visible()
    box = reader.get_by_role("combobox", name="Search words")
    box.fill("knife crime")
    reader.keyboard.press("Enter")
    expect(reader.locator(".library__count")).to_have_text("0 results")
    reader.get_by_label("Local authorities (0)").check()
    expect(reader).to_have_url(f"{live_server.url}/library/?q=knife+crime&sector=local-authorities")
    expect(
        reader.get_by_role("link", name="Remove sector filter: Local authorities")
    ).to_have_count(1)
    assert DailySearch.objects.count() == 5

    sign_in(page, live_server, "moderator")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="What people look for").click()
    expect(page.locator("h1")).to_have_text("What people look for")
    expect(page.locator(".insight-totals")).to_contain_text("6 searches, 4 of them found nothing.")
    top = page.locator("#insight-top-searches-list table")
    expect(top.get_by_role("row").nth(1)).to_contain_text("exclusion")
    expect(top.get_by_role("row").nth(1)).to_contain_text("2")
    nothing = page.locator("#insight-found-nothing-list table")
    expect(nothing.get_by_role("row").filter(has_text="Sector: Local authorities")).to_contain_text(
        "knife crime"
    )
    filters = page.locator("#insight-filters-list table")
    expect(filters.get_by_role("row").filter(has_text="Sector: Education")).to_contain_text("1")
    # Tall enough to show the whole report: the admin scrolls inside its own frame.
    for name, width, height in (("1280", 1280, 2000), ("375", 375, 2000)):
        page.set_viewport_size({"width": width, "height": height})
        page.reload()
        expect(page.locator(".insight-totals")).to_be_visible()
        screenshot(page, f"search-insight-{name}")
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download “Searches that found nothing” (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("search-insight-found-nothing-")
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    assert rows == [
        ["Search words", "Filters", "Times"],
        ["exclusion", "(no filters)", "2"],
        ["knife crime", "(no filters)", "1"],
        ["knife crime", "Sector: Local authorities", "1"],
    ]

    promote = (
        nothing.get_by_role("row")
        .filter(has_text="exclusion")
        .get_by_role("link", name="Promote a page for these words")
    )
    promote.click()
    expect(page).to_have_url(
        f"{live_server.url}/admin/snippets/search/promotion/add/?phrase=exclusion"
    )
    expect(page.locator("input[name=phrase]")).to_have_value("exclusion")
