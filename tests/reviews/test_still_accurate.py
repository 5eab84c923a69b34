"""A moderator or the page's owner confirms a live page is still accurate: reviewed today, due
again in a year, with no new revision, and a publish later does not undo it."""

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from casestudies.models import CaseStudyPage
from casestudies.models.mixins import months_after
from reviews.due import CONFIRMED_ACTION
from tests.moderation.conftest import workflow_action
from tests.practice import case_study, case_study_form
from tests.signing_in import signed_in

from .conftest import days, recommendation, with_review_dates

pytestmark = pytest.mark.django_db


def confirm_url(page):
    return reverse("reviews_still_accurate", args=[page.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def old_page(champion, today):
    """A champion's case study, last reviewed more than a year ago."""
    return with_review_dates(case_study(), today - days(400), today - days(35), owner=champion)


def test_a_moderator_confirms_without_a_new_revision(moderator, old_page, today):
    revisions = old_page.revisions.count()
    latest = old_page.latest_revision_id
    client = signed_in(moderator)

    # The editor offers it, and asks before doing it.
    assert confirm_url(old_page) in client.get(edit_url(old_page)).content.decode()
    question = client.get(confirm_url(old_page))
    assert question.status_code == 200
    assert "Yes, it is still accurate" in question.content.decode()
    old_page.refresh_from_db()
    assert old_page.last_reviewed == today - days(400)

    response = client.post(confirm_url(old_page))
    assert response.status_code == 302 and response["Location"] == edit_url(old_page)

    page = CaseStudyPage.objects.get(pk=old_page.pk)
    assert page.last_reviewed == today
    assert page.review_by == months_after(today, 12)
    assert page.revisions.count() == revisions
    assert page.latest_revision_id == latest
    assert not page.has_unpublished_changes
    entry = PageLogEntry.objects.get(page=page, action=CONFIRMED_ACTION)
    assert entry.user == moderator

    # The page history says who confirmed it, in words.
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Confirmed still accurate" in history.content.decode()


def test_the_owner_may_confirm_and_another_champion_may_not(
    champion, other_champion, old_page, today
):
    refused = signed_in(other_champion).post(confirm_url(old_page))
    assert refused.status_code == 403
    old_page.refresh_from_db()
    assert old_page.last_reviewed == today - days(400)

    assert signed_in(champion).post(confirm_url(old_page)).status_code == 302
    old_page.refresh_from_db()
    assert old_page.last_reviewed == today


def test_only_live_practice_pages_can_be_confirmed(moderator):
    draft = case_study("Still being written", publish=False)
    assert signed_in(moderator).post(confirm_url(draft)).status_code == 403
    client = signed_in(moderator)
    assert confirm_url(draft) not in client.get(edit_url(draft)).content.decode()


def test_a_recommendation_can_be_confirmed_too(moderator, today):
    page = with_review_dates(recommendation(), today - days(400), today - days(35))
    signed_in(moderator).post(confirm_url(page))
    page.refresh_from_db()
    assert page.last_reviewed == today


def test_the_editor_shows_the_confirmed_dates(moderator, old_page, today):
    signed_in(moderator).post(confirm_url(old_page))
    html = signed_in(moderator).get(edit_url(old_page)).content.decode()
    assert f'value="{today.isoformat()}"' in html
    assert f'value="{(today - days(400)).isoformat()}"' not in html


def test_publishing_a_form_opened_before_the_confirmation_does_not_undo_it(
    moderator, old_page, today
):
    stale = {
        "last_reviewed": (today - days(400)).isoformat(),
        "review_by": (today - days(35)).isoformat(),
    }
    signed_in(moderator).post(confirm_url(old_page))

    # A draft saved from the old form leaves the page's dates alone...
    signed_in(moderator).post(edit_url(old_page), case_study_form(old_page.title, **stale))
    page = CaseStudyPage.objects.get(pk=old_page.pk)
    assert (page.last_reviewed, page.review_by) == (today, months_after(today, 12))

    # ...and so does publishing from it.
    response = signed_in(moderator).post(
        edit_url(old_page),
        case_study_form(old_page.title, **stale, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(pk=old_page.pk)
    assert page.live and not page.has_unpublished_changes
    assert (page.last_reviewed, page.review_by) == (today, months_after(today, 12))


def test_an_approval_after_the_confirmation_does_not_undo_it(champion, moderator, old_page, today):
    # The champion's changes were waiting for moderation when a moderator confirmed the live
    # version still accurate.
    signed_in(champion).post(
        edit_url(old_page),
        case_study_form(
            old_page.title,
            last_reviewed=(today - days(400)).isoformat(),
            review_by=(today - days(35)).isoformat(),
            **{"action-submit": "1"},
        ),
    )
    signed_in(moderator).post(confirm_url(old_page))
    old_page.refresh_from_db()
    workflow_action(moderator, old_page, "approve")

    page = CaseStudyPage.objects.get(pk=old_page.pk)
    assert page.live and page.current_workflow_state is None
    assert (page.last_reviewed, page.review_by) == (today, months_after(today, 12))
