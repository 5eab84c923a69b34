"""A partner filters the library, then takes the results away: the feed for their filter and
the results as a spreadsheet."""

import csv
import io
import xml.etree.ElementTree as ElementTree

import pytest
from playwright.sync_api import expect

from tests.practice import case_study, driver, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus():
    voice = driver("voice", "Voice and participation")
    trust = driver()
    # More than one page of results for Education, so the export has to hold them all.
    for n in range(12):
        case_study(
            f"School practice {n:02}",
            lead_sector=sector("education"),
            drivers=[voice if n % 2 else trust],
        )
    case_study("Youth advisers in custody reviews", drivers=[voice])
    case_study("Draft from a school", publish=False, lead_sector=sector("education"))


def test_the_feed_and_the_spreadsheet_hold_what_the_page_shows(
    page, live_server, screenshot, elasticsearch_library, corpus
):
    page.goto(live_server.url + "/library/")
    count = page.locator(".library__count")
    expect(count).to_have_text("13 results")
    page.get_by_label("Education (12)").check()
    expect(count).to_have_text("12 results")
    expect(page).to_have_url(live_server.url + "/library/?sector=education")

    # The feed for this filter, named in the page's head and linked in its body.
    alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    expect(alternate).to_have_attribute("href", "/library/feed/?sector=education")
    feed_link = page.get_by_role("link", name="Follow new practice like this (Atom feed)")
    expect(feed_link).to_have_attribute("href", "/library/feed/?sector=education")
    answer = page.context.request.get(live_server.url + feed_link.get_attribute("href"))
    assert answer.ok
    assert answer.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(answer.body())  # noqa: S314 (the site's own feed)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert sorted(titles) == [f"School practice {n:02}" for n in range(12)]

    # The spreadsheet: one row per result, however many pages they fill.
    screenshot(page, "library-take-away-desktop")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download these results (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("practice-library-")
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    shown = int(count.inner_text().split()[0])
    assert len(rows) == shown == 12
    assert {row["Title"] for row in rows} == set(titles)
    assert all(row["Sectors"].startswith("Education") for row in rows)

    # Narrowing the filter in place moves both with it.
    page.get_by_label("Voice and participation (6)").check()
    expect(count).to_have_text("6 results")
    expect(alternate).to_have_attribute("href", "/library/feed/?sector=education&driver=voice")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download these results (CSV)").click()
    text = io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read())
    assert len(list(csv.DictReader(text))) == 6
