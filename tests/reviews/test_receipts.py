"""Champions hear back: a receipt when they submit, and word when their page is published or
sent back with the moderator's comment (Wagtail's own emails, sent once)."""

from django.core import mail
from django.urls import reverse

import pytest

from tests.moderation.conftest import submit_new_case_study, workflow_action
from tests.practice import case_study_form
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_submitting_sends_the_champion_a_receipt(index, champion, moderator):
    page = submit_new_case_study(champion, index, "Listening circles")

    [receipt] = to("champion@example.org")
    assert receipt.subject == 'We have received "Listening circles"'
    assert "Hello Amara," in receipt.body
    assert "Thank you for sharing" in receipt.body
    assert "VRU moderator review" in receipt.body
    assert "We will email you when it is published" in receipt.body
    assert f"http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in receipt.body
    # The moderators are told as before, once.
    assert len(to("moderator@example.org")) == 1
    assert len(mail.outbox) == 2


def test_approval_tells_the_champion_once(index, champion, moderator):
    page = submit_new_case_study(champion, index, "Listening circles")
    mail.outbox.clear()

    workflow_action(moderator, page, "approve")

    # Approved, published, no second receipt for the workflow moving on to its next step.
    [published] = mail.outbox
    assert published.to == ["champion@example.org"]
    assert published.subject == 'Published: "Listening circles"'
    assert "now published" in published.body


def test_a_safeguarding_step_after_approval_sends_no_receipt(index, champion, moderator):
    page = submit_new_case_study(
        champion, index, "Young advisers shape the youth hub", lead="young-peoples-voice"
    )
    mail.outbox.clear()
    workflow_action(moderator, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Safeguarding check"
    assert to("champion@example.org") == []


def test_sending_back_tells_the_champion_with_the_comment_and_resubmitting_gets_a_receipt(
    index, champion, moderator
):
    page = submit_new_case_study(champion, index, "Listening circles")
    mail.outbox.clear()
    comment = "Thank you. Could you say how young people were paid for their time?"

    workflow_action(moderator, page, "reject", comment=comment)
    [changes] = mail.outbox
    assert changes.to == ["champion@example.org"]
    assert changes.subject == 'Changes requested: "Listening circles"'
    assert comment in changes.body

    mail.outbox.clear()
    signed_in(champion).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form("Listening circles", **{"action-submit": "1"}),
    )
    [receipt] = to("champion@example.org")
    assert receipt.subject == 'We have your changes to "Listening circles"'
    assert "back with the VRU moderators" in receipt.body
    assert len(to("moderator@example.org")) == 1


def test_an_inactive_or_addressless_submitter_gets_no_receipt(index, champion, moderator):
    champion.email = ""
    champion.save()
    submit_new_case_study(champion, index, "Listening circles")
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
