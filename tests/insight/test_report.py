"""The "What people look for" report: its numbers for a period, its downloads, who may see it."""

import csv
import datetime
import io
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest

from insight.models import DailySearch
from tests.practice import TEST_PASSWORD, case_study, driver, sector
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-insight/"


def search(client, times=1, **params):
    for _ in range(times):
        assert client.get("/library/", params).status_code == 200


@pytest.fixture
def two_days(client, database_library, indexed):
    """Searches made yesterday and today; some find nothing, some use filters."""
    trust = driver("relationships", "Relationships and trust")
    with indexed():
        case_study("Calm classrooms", lead_sector=sector("education"), drivers=[trust])
    search(client, 2, q="calm")
    search(client, q="exclusion")
    search(client, sector="education", driver="relationships")
    search(client, q="knife crime", sector="local-authorities")
    search(client, q="=cmd|calc")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    DailySearch.objects.update(day=yesterday)

    search(client, q="Calm")
    search(client, 2, q="exclusion")
    search(client, q="knife  crime", sector="local-authorities")
    search(client, sector="education")
    return {"yesterday": yesterday, "today": timezone.localdate()}


def table(html, title):
    """The rows of the report's table with this title, as lists of cell texts."""
    section = html.split(f">{title}</h2>", 1)[1].split("</section>", 1)[0]
    rows = []
    for row in section.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]:
        cells = [cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:]]
        rows.append([cell.split("<a ", 1)[0].strip() for cell in cells])
    return rows


def download(user, name, **period):
    response = signed_in(user).get(f"{REPORT}{name}.csv", period)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_report_adds_up_the_last_30_days(moderator, two_days):
    response = signed_in(moderator).get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "11 searches, 6 of them found nothing." in html
    assert table(html, "Top searches") == [
        ["exclusion", "3", "3"],
        ["calm", "3", "0"],
        ["knife crime", "2", "2"],
        ["=cmd|calc", "1", "1"],
    ]
    assert table(html, "Searches that found nothing") == [
        ["exclusion", "(no filters)", "3", ""],
        ["knife crime", "Sector: Local authorities", "2", ""],
        ["=cmd|calc", "(no filters)", "1", ""],
    ]
    assert table(html, "Most used filters") == [
        ["Sector: Local authorities", "2"],
        ["Sector: Education; Driver of change: Relationships and trust", "1"],
        ["Sector: Education", "1"],
    ]


def test_the_period_chooses_the_days_counted(moderator, two_days):
    today, yesterday = two_days["today"].isoformat(), two_days["yesterday"].isoformat()
    only_today = signed_in(moderator).get(REPORT, {"start": today, "end": today})
    html = only_today.content.decode()
    assert "5 searches, 3 of them found nothing." in html
    assert table(html, "Top searches") == [
        ["exclusion", "2", "2"],
        # Equal numbers of searches: those that found nothing more often first.
        ["knife crime", "1", "1"],
        ["calm", "1", "0"],
    ]
    only_yesterday = signed_in(moderator).get(REPORT, {"start": yesterday, "end": yesterday})
    assert table(only_yesterday.content.decode(), "Most used filters") == [
        ["Sector: Education; Driver of change: Relationships and trust", "1"],
        ["Sector: Local authorities", "1"],
    ]
    long_ago = signed_in(moderator).get(REPORT, {"start": "2020-01-01", "end": "2020-01-31"})
    assert "Nobody searched with words in this period." in long_ago.content.decode()
    assert "Every search in this period found something." in long_ago.content.decode()


def test_each_list_downloads_as_the_same_rows(moderator, two_days):
    today = two_days["today"].isoformat()
    yesterday = two_days["yesterday"].isoformat()
    period = {"start": yesterday, "end": today}
    assert download(moderator, "top-searches", **period) == [
        ["Search words", "Searches", "Found nothing"],
        ["exclusion", "3", "3"],
        ["calm", "3", "0"],
        ["knife crime", "2", "2"],
        # A cell a spreadsheet would read as a formula is written as text.
        ["'=cmd|calc", "1", "1"],
    ]
    assert download(moderator, "found-nothing", start=today, end=today) == [
        ["Search words", "Filters", "Times"],
        ["exclusion", "(no filters)", "2"],
        ["knife crime", "Sector: Local authorities", "1"],
    ]
    assert download(moderator, "filters", **period) == [
        ["Filters", "Times"],
        ["Sector: Local authorities", "2"],
        ["Sector: Education; Driver of change: Relationships and trust", "1"],
        ["Sector: Education", "1"],
    ]
    html = signed_in(moderator).get(REPORT, period).content.decode()
    assert f'href="{REPORT}filters.csv?start={yesterday}&amp;end={today}"' in html
    assert signed_in(moderator).get(f"{REPORT}no-such-list.csv").status_code == 404


def test_found_nothing_links_to_promoting_a_page_for_those_words(moderator, two_days):
    html = signed_in(moderator).get(REPORT).content.decode()
    add = reverse("wagtailsnippets_search_promotion:add")
    for words in ("exclusion", "knife crime"):
        assert f'href="{add}?phrase={quote(words)}"' in html
    form = signed_in(moderator).get(f"{add}?phrase={quote('knife crime')}")
    assert form.status_code == 200
    assert 'value="knife crime"' in form.content.decode()


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ({"start": "2026-02-31", "end": "2026-03-01"}, "Enter a valid date."),
        ({"start": "yesterday", "end": ""}, "This field is required."),
        ({"start": "2026-03-10", "end": "2026-03-01"}, "must be on or before"),
    ],
)
def test_a_bad_period_gets_the_forms_message_never_an_error_page(moderator, period, message):
    response = signed_in(moderator).get(REPORT, period)
    assert response.status_code == 400
    assert message in response.content.decode()
    download = signed_in(moderator).get(f"{REPORT}top-searches.csv", period)
    assert download.status_code == 400
    assert message in download.content.decode()


def test_only_moderators_and_superusers_may_open_it(client, moderator, champion, two_days):
    superuser = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", TEST_PASSWORD
    )
    assert signed_in(superuser).get(REPORT).status_code == 200
    assert signed_in(superuser).get(f"{REPORT}top-searches.csv").status_code == 200
    # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
    for path in (REPORT, f"{REPORT}top-searches.csv"):
        refused = signed_in(champion).get(path)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
        public = client.get(path)
        assert public.status_code == 302 and "/admin/login/" in public["Location"]
    assert "What people look for" in signed_in(moderator).get("/admin/").content.decode()
    assert "What people look for" not in signed_in(champion).get("/admin/").content.decode()
