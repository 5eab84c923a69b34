"""Readers see when a page was last reviewed and, once its review date has passed, a gentle
note that some details may have changed."""

import datetime

import pytest

from .conftest import days, recommendation, reviewed_case_study, with_review_dates

pytestmark = pytest.mark.django_db

NOTICE = "so some details may have changed since then"


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_says_the_month_and_year_it_was_last_reviewed(client, today):
    page = reviewed_case_study(
        "Calm custody",
        review_by=today + days(200),
        last_reviewed=datetime.date(2026, 3, 31),
    )
    html = page_html(client, page)
    assert "Last reviewed in March 2026" in html
    assert NOTICE not in html


def test_the_notice_shows_only_once_the_review_date_has_passed(client, today):
    page = reviewed_case_study(
        "Calm custody", review_by=today, last_reviewed=datetime.date(2025, 1, 15)
    )
    assert NOTICE not in page_html(client, page)  # due today: not yet past

    with_review_dates(page, datetime.date(2025, 1, 15), today - days(1))
    html = page_html(client, page)
    assert "govuk-inset-text" in html
    assert f"This case study was last reviewed in January 2025, {NOTICE}." in html
    # Without a contact the reader may see, they are pointed to the organisation.
    assert "you can contact South Thames Custody Partnership (illustrative)" in html


def test_the_notice_points_to_the_contact_the_reader_may_see(client, today):
    page = reviewed_case_study(
        "Calm custody",
        review_by=today - days(1),
        contact_name="Sam Okafor",
        contact_email="sam@example.org",
        contact_consent=True,
    )
    assert "You can contact Sam Okafor, using the details on this page" in page_html(client, page)


def test_a_recommendation_shows_the_same(client, today):
    page = with_review_dates(recommendation(), datetime.date(2025, 3, 2), today - days(1))
    html = page_html(client, page)
    assert "Last reviewed in March 2025" in html
    assert f"This recommendation was last reviewed in March 2025, {NOTICE}." in html
