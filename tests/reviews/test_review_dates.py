"""Each publish is a review: "last reviewed" is the day it went live and "review by" a year on,
unless the editor chose them."""

import datetime
import importlib

from django.apps import apps
from django.urls import reverse

import pytest

from casestudies.models import CaseStudyPage
from casestudies.models.mixins import months_after
from tests.practice import case_study, case_study_form
from tests.signing_in import signed_in

from .conftest import days, recommendation, with_review_dates

pytestmark = pytest.mark.django_db


def edit(user, page, **fields):
    """Publish the case study from the editor with these fields changed."""
    response = signed_in(user).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form(page.title, **fields, **{"action-publish": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseStudyPage.objects.get(pk=page.pk)


def test_publishing_sets_last_reviewed_to_today_and_review_by_a_year_later(today):
    page = case_study()
    assert page.last_reviewed == today
    assert page.review_by == months_after(today, 12)

    other = recommendation()
    assert other.last_reviewed == today
    assert other.review_by == months_after(today, 12)


def test_a_draft_has_no_review_dates_until_it_is_published():
    page = case_study(publish=False)
    page.refresh_from_db()
    assert page.last_reviewed is None and page.review_by is None


def test_publishing_again_is_a_new_review(moderator, today):
    page = with_review_dates(case_study(), today - days(400), today - days(35))
    page = edit(moderator, page, summary="Now with what the families said.")
    assert page.last_reviewed == today
    assert page.review_by == months_after(today, 12)


def test_a_review_date_the_editor_chooses_stands(moderator, today):
    page = case_study()
    chosen = today + days(90)
    page = edit(moderator, page, review_by=chosen.isoformat())
    assert page.last_reviewed == today
    assert page.review_by == chosen

    # Published again with the dates as the editor shows them: a new review, a new year.
    page = edit(
        moderator,
        page,
        last_reviewed=page.last_reviewed.isoformat(),
        review_by=page.review_by.isoformat(),
    )
    assert page.review_by == months_after(today, 12)


def test_a_last_reviewed_date_the_editor_chooses_sets_review_by_from_it(moderator, today):
    page = case_study()
    reviewed = today + days(3)
    page = edit(moderator, page, last_reviewed=reviewed.isoformat())
    assert page.last_reviewed == reviewed
    assert page.review_by == months_after(reviewed, 12)


def test_the_editor_shows_the_review_dates_in_the_settings_tab(moderator, today):
    page = case_study()
    html = signed_in(moderator).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = html.content.decode()
    assert 'name="last_reviewed"' in html and 'name="review_by"' in html
    assert f'value="{today.isoformat()}"' in html


@pytest.mark.parametrize(
    ("day", "later"),
    [
        (datetime.date(2026, 3, 14), datetime.date(2027, 3, 14)),
        (datetime.date(2028, 2, 29), datetime.date(2029, 2, 28)),
        (datetime.date(2025, 12, 31), datetime.date(2026, 12, 31)),
    ],
)
def test_a_year_later_is_the_same_day_or_the_months_last(day, later):
    assert months_after(day, 12) == later
    assert months_after(datetime.date(2026, 8, 31), 1) == datetime.date(2026, 9, 30)


def test_pages_published_before_review_dates_get_them_from_their_last_publish(today):
    page = case_study()
    draft = case_study("Not yet published", publish=False)
    published = datetime.datetime(2025, 3, 31, 23, 30, tzinfo=datetime.UTC)  # 1 April in London
    CaseStudyPage.objects.filter(pk=page.pk).update(
        last_reviewed=None, review_by=None, last_published_at=published
    )
    migration = importlib.import_module("casestudies.migrations.0005_review_dates")
    migration.date_published_pages(apps, None)

    page.refresh_from_db()
    assert page.last_reviewed == datetime.date(2025, 4, 1)
    assert page.review_by == datetime.date(2026, 4, 1)
    draft.refresh_from_db()
    assert draft.last_reviewed is None
