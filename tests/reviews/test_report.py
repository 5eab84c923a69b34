"""Moderators see what is due for review, download it, and count it on their dashboard."""

import csv
import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from reviews.due import confirm_still_accurate
from tests.practice import case_study
from tests.signing_in import signed_in

from .conftest import days, recommendation, reviewed_case_study, with_review_dates

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/due-for-review/"
DUE_TITLES = ["Overdue circles", "Due today in custody", "Ask before you touch"]


@pytest.fixture
def due_pages(champion, moderator, today):
    """Overdue, due today and due in 30 days; due in 31 days; an overdue draft."""
    overdue = case_study("Overdue circles")
    with_review_dates(overdue, owner=champion)
    # Confirmed still accurate by the moderator more than a year ago.
    confirm_still_accurate(overdue, moderator, today=today - days(400))
    return {
        "overdue": overdue,
        "today": reviewed_case_study("Due today in custody", today, owner=champion),
        "soon": with_review_dates(
            recommendation("Ask before you touch", sectors=["education", "local-authorities"]),
            today - days(335),
            today + days(30),
        ),
        "later": reviewed_case_study("Not due for a while", today + days(31)),
        "draft": with_review_dates(
            case_study("An overdue draft", publish=False), today - days(400), today - days(35)
        ),
    }


def row_of(html, title):
    at = html.index(title)
    return html[html.rindex("<tr", 0, at) : html.index("</tr>", at)]


def test_the_report_lists_live_pages_due_now_or_within_30_days(moderator, due_pages, today):
    response = signed_in(moderator).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()

    # Soonest first; nothing due later, and no drafts.
    assert [html.index(title) for title in DUE_TITLES] == sorted(
        html.index(title) for title in DUE_TITLES
    )
    assert "Not due for a while" not in html
    assert "An overdue draft" not in html

    overdue = row_of(html, "Overdue circles")
    assert reverse("wagtailadmin_pages:edit", args=[due_pages["overdue"].pk]) in overdue
    assert "Case study" in overdue
    assert "Amara Lewis" in overdue  # the owner
    assert "Metropolitan Police Service" in overdue  # the lead sector
    assert "Rowan Hughes" in overdue  # confirmed it still accurate
    assert "Overdue by" in overdue
    review_by = due_pages["overdue"].review_by
    assert f"{review_by.day} {review_by:%B %Y}" in overdue

    assert "Today" in row_of(html, "Due today in custody")
    soon = row_of(html, "Ask before you touch")
    assert "Recommendation" in soon and "In 30 days" in soon
    assert "Local authorities, Education" in soon

    # Both downloads are offered.
    assert "export=csv" in html and "export=xlsx" in html


def test_the_report_downloads_as_csv(moderator, due_pages, today):
    response = signed_in(moderator).get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"due-for-review-{today:%Y-%m-%d}.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Title"] for row in rows] == DUE_TITLES
    first = rows[0]
    assert first["Type"] == "Case study"
    assert first["Owner"] == "Amara Lewis"
    assert first["Owner's email"] == "champion@example.org"
    assert first["Review by"] == due_pages["overdue"].review_by.isoformat()
    assert first["Last reviewed"] == (today - days(400)).isoformat()
    assert first["Last reviewed by"] == "Rowan Hughes"
    assert first["Edit link"].endswith(f"/admin/pages/{due_pages['overdue'].pk}/edit/")


def test_the_report_downloads_as_a_spreadsheet(moderator, due_pages, today):
    response = signed_in(moderator).get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    headings, *rows = rows
    assert headings[:3] == ("Title", "Type", "Owner")
    assert [row[0] for row in rows] == DUE_TITLES
    assert rows[2][headings.index("Review by")] == today + days(30)


def test_only_moderators_see_the_report(champion, moderator, due_pages):
    refused = signed_in(champion).get(REPORT)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert signed_in(champion).get(REPORT, {"export": "csv"}).status_code == 302
    reports_menu = "Due for review"
    assert reports_menu in signed_in(moderator).get("/admin/").content.decode()
    assert reports_menu not in signed_in(champion).get("/admin/").content.decode()


def test_the_dashboard_counts_what_is_due_for_moderators(moderator, due_pages):
    html = signed_in(moderator).get("/admin/").content.decode()
    assert 'data-due-for-review-count="3"' in html
    assert "3 live pages are due for review now or in the next 30 days." in html
    assert f'href="{REPORT}"' in html


def test_the_dashboard_says_when_nothing_is_due(moderator, today):
    reviewed_case_study("Fresh", today + days(200))
    html = signed_in(moderator).get("/admin/").content.decode()
    assert "Nothing is due for review in the next 30 days." in html


def test_the_report_is_empty_when_nothing_is_due(moderator):
    html = signed_in(moderator).get(REPORT).content.decode()
    assert "Nothing is due for review" in html
