"""The dashboard: a champion sees where each case study stands; a moderator, what waits."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import TaskState

import pytest

from tests.practice import case_study_form

from .conftest import add_url, signed_in, submit_new_case_study, workflow_action

pytestmark = pytest.mark.django_db


def dashboard(user):
    response = signed_in(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_champion_sees_each_case_study_and_where_it_stands(index, champion, moderator):
    signed_in(champion).post(add_url(index), case_study_form("A draft still being written"))
    waiting = submit_new_case_study(champion, index, "Waiting for a moderator")
    returned = submit_new_case_study(champion, index, "Sent back with a comment")
    published = submit_new_case_study(champion, index, "Approved and live")
    workflow_action(moderator, returned, "reject", comment="Please add the borough.")
    workflow_action(moderator, published, "approve")

    html = dashboard(champion)
    assert "Your case studies" in html
    for title, state in (
        ("A draft still being written", "Draft, not yet submitted"),
        (waiting.title, "Waiting for VRU moderator review"),
        (returned.title, "Changes requested"),
        (published.title, "Published"),
    ):
        row = html[html.index(title) : html.index("</tr>", html.index(title))]
        assert state in row, title
    assert "Please add the borough." in html


def test_a_moderator_sees_what_waits_oldest_first(index, champion, other_champion, moderator):
    newer = submit_new_case_study(champion, index, "Submitted this morning")
    older = submit_new_case_study(other_champion, index, "Submitted last week")
    TaskState.objects.filter(workflow_state__object_id=str(older.pk)).update(
        started_at=timezone.now() - datetime.timedelta(days=7)
    )

    html = dashboard(moderator)
    assert "Awaiting your review" in html
    assert html.index(older.title) < html.index(newer.title)
    # Nothing of their own: the champion's panel is not shown to them.
    assert "Your case studies" not in html
