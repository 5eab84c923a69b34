"""The VRU moderation workflow: submit, request changes, approve, publish, and the emails."""

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import rich_text

import pytest

from casestudies.models import CaseStudyPage
from moderation.models import SKIPPED_ACTION
from tests.practice import case_study_form

from .conftest import signed_in, submit_new_case_study, workflow_action

pytestmark = pytest.mark.django_db


def library_titles(client, **params):
    response = client.get("/api/library/", params)
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def recipients(message):
    return sorted(message.to)


def test_approval_publishes_the_case_study_into_the_library(
    library_backend, indexed, index, champion, moderator, client
):
    title = "Listening circles in pupil referral units"
    with indexed():
        page = submit_new_case_study(champion, index, title)

    # Waiting for moderation: nowhere public.
    assert title not in library_titles(client, sector="education")
    assert title not in client.get("/library/", {"q": "listening circles"}).content.decode()
    assert client.get(page.url).status_code == 404

    with indexed():
        response = workflow_action(moderator, page, "approve")
    assert response.status_code == 302

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live and not page.has_unpublished_changes
    assert page.current_workflow_state is None
    assert library_titles(client, sector="education") == [title]
    assert client.get(page.url).status_code == 200


def test_submission_tells_the_moderators_and_approval_tells_the_champion(
    index, champion, other_champion, moderator, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    page = submit_new_case_study(champion, index)

    # The moderators are asked to review it; the champion gets a receipt (tests/reviews).
    assert sorted(recipients(m) for m in mail.outbox) == [
        ["champion@example.org"],
        ["moderator@example.org"],
    ]
    [submitted] = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
    assert "Waiting for VRU moderator review" in submitted.subject
    assert "submitted by Amara Lewis" in submitted.body
    assert f"http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in submitted.body

    mail.outbox.clear()
    workflow_action(moderator, page, "approve")
    assert [recipients(m) for m in mail.outbox] == [["champion@example.org"]]
    approved = mail.outbox[0]
    assert approved.subject == 'Published: "Listening circles in pupil referral units"'
    assert f"http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in approved.body
    assert "now published" in approved.body


def test_a_request_for_changes_returns_the_page_to_the_champion_with_the_comment(
    index, champion, moderator
):
    page = submit_new_case_study(champion, index)
    mail.outbox.clear()
    comment = "Thank you. Could you say how young people were paid for their time?"

    response = workflow_action(moderator, page, "reject", comment=comment)
    assert response.status_code == 302

    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == comment
    assert not page.live
    # The champion can edit again, and reads the comment in the email and on the dashboard.
    assert not page.get_lock()
    [email] = mail.outbox
    assert email.to == ["champion@example.org"]
    assert email.subject.startswith("Changes requested")
    assert comment in email.body
    assert f"/admin/pages/{page.pk}/edit/" in email.body
    champion_client = signed_in(champion)
    dashboard = champion_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Changes requested" in dashboard and "paid for their time" in dashboard

    # Resubmitting puts it back in front of the moderators.
    mail.outbox.clear()
    champion_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        case_study_form(
            "Listening circles in pupil referral units",
            outcomes=rich_text("Young advisers were paid in vouchers."),
            **{"action-submit": "1"},
        ),
    )
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [m.to for m in mail.outbox if m.to != ["champion@example.org"]] == [
        ["moderator@example.org"]
    ]


def test_young_peoples_voice_needs_a_safeguarding_check_before_publication(
    index, champion, moderator
):
    page = submit_new_case_study(
        champion, index, "Young advisers shape the youth hub", lead="young-peoples-voice"
    )
    workflow_action(moderator, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == "Safeguarding check"

    workflow_action(moderator, page, "approve")
    page.refresh_from_db()
    assert page.live


def test_other_case_studies_skip_the_safeguarding_check_and_say_why(index, champion, moderator):
    page = submit_new_case_study(champion, index)
    workflow_action(moderator, page, "approve")
    page.refresh_from_db()
    assert page.live
    skipped = TaskState.objects.get(task__name="Safeguarding check")
    assert skipped.status == TaskState.STATUS_SKIPPED
    assert PageLogEntry.objects.filter(page=page, action=SKIPPED_ACTION).exists()


def test_every_step_leaves_an_audit_trail_a_moderator_can_read(index, champion, moderator):
    page = submit_new_case_study(champion, index)
    workflow_action(moderator, page, "approve", comment="Clear and careful. Thank you.")

    entries = {
        entry.action: entry.user
        for entry in PageLogEntry.objects.filter(page=page).select_related("user")
    }
    assert entries["wagtail.create"] == champion
    assert entries["wagtail.workflow.start"] == champion
    assert entries["wagtail.workflow.approve"] == moderator
    assert entries["wagtail.publish"] == moderator

    client = signed_in(moderator)
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200
    html = history.content.decode()
    assert "Amara Lewis" in html and "Rowan Hughes" in html
    assert "Safeguarding check not needed" in html
    workflow_history = client.get(reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)))
    assert workflow_history.status_code == 200
