"""Owners hear a month before a page's review date and on the day, once each; moderators hear
when the owner's account is gone or switched off."""

import io

from django.core import mail
from django.core.management import call_command

import pytest

from casestudies.models.mixins import months_after
from reviews.models import ReviewReminder
from reviews.reminders import send_review_reminders
from search.management.commands.db_worker import LibrarySchedule

from .conftest import days, person, reviewed_case_study, with_review_dates

pytestmark = pytest.mark.django_db


def sent_to(outbox=None):
    return [message.to for message in (mail.outbox if outbox is None else outbox)]


def test_the_owner_hears_30_days_before_and_on_the_day_once_each(champion, today):
    page = reviewed_case_study("Calm custody", today + days(30), owner=champion)

    assert send_review_reminders(today - days(1)) == 0  # 31 days before: not yet
    assert send_review_reminders(today) == 1
    [soon] = mail.outbox
    assert soon.to == ["champion@example.org"]
    assert soon.subject == 'Coming up for review: "Calm custody"'
    assert "Hello Amara," in soon.body
    assert "in 30 days" in soon.body
    assert f"http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in soon.body
    assert "Still accurate" in soon.body

    # Nothing more until the day itself, however often the worker runs.
    mail.outbox.clear()
    assert send_review_reminders(today) == 0
    assert send_review_reminders(today + days(29)) == 0
    assert mail.outbox == []

    assert send_review_reminders(today + days(30)) == 1
    [due] = mail.outbox
    assert due.subject == 'Due for review today: "Calm custody"'
    assert "is due for review today" in due.body
    mail.outbox.clear()
    assert send_review_reminders(today + days(30)) == 0
    assert send_review_reminders(today + days(60)) == 0
    assert mail.outbox == []
    assert ReviewReminder.objects.filter(page=page).count() == 2


def test_a_page_already_past_its_date_gets_only_the_reminder_for_the_day(champion, today):
    reviewed_case_study("Calm custody", today - days(3), owner=champion)
    assert send_review_reminders(today) == 1
    [message] = mail.outbox
    assert message.subject == 'Due for review: "Calm custody"'
    assert "was due for review on" in message.body
    assert ReviewReminder.objects.get().kind == ReviewReminder.Kind.DUE


def test_a_new_review_date_starts_the_reminders_again(champion, today):
    page = reviewed_case_study("Calm custody", today, owner=champion)
    assert send_review_reminders(today) == 1
    # Confirmed still accurate (or published again): due in a year.
    with_review_dates(page, today, months_after(today, 12))
    assert send_review_reminders(today) == 0
    assert send_review_reminders(months_after(today, 12) - days(30)) == 1
    assert send_review_reminders(months_after(today, 12)) == 1


def test_moderators_hear_when_the_owner_is_switched_off(champion, moderator, today):
    second = person("moderator2", "VRU moderators", first_name="Jo")
    away = person("awaymoderator", "VRU moderators")
    away.is_active = False
    away.save()
    champion.is_active = False
    champion.save()
    reviewed_case_study("Calm custody", today, owner=champion)

    assert send_review_reminders(today) == 2
    assert sorted(sent_to()) == sorted([[moderator.email], [second.email]])
    assert "no longer has an active account" in mail.outbox[0].body
    assert "Amara Lewis" in mail.outbox[0].body


def test_moderators_hear_when_the_page_has_no_owner(moderator, today):
    reviewed_case_study("Calm custody", today + days(10))
    assert send_review_reminders(today) == 1
    assert sent_to() == [[moderator.email]]
    assert "in 10 days" in mail.outbox[0].body


def test_drafts_are_not_reminded(champion, today):
    from tests.practice import case_study

    draft = case_study("A draft", publish=False)
    with_review_dates(draft, today - days(400), today - days(35), owner=champion)
    assert send_review_reminders(today) == 0


def test_the_command_sends_and_a_second_run_sends_nothing(champion, today):
    reviewed_case_study("Calm custody", today, owner=champion)
    out = io.StringIO()
    call_command("send_review_reminders", stdout=out)
    assert "Sent 1 review reminder" in out.getvalue()
    call_command("send_review_reminders", stdout=out)
    assert len(mail.outbox) == 1
    call_command("send_review_reminders", "--today", today.isoformat(), stdout=out)
    assert len(mail.outbox) == 1


def test_the_worker_runs_the_scheduled_commands_and_carries_on_past_a_failure(
    settings, champion, today, caplog
):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    settings.WORKER_SCHEDULED_COMMANDS = ["no_such_command", "send_review_reminders"]
    reviewed_case_study("Calm custody", today, owner=champion)

    LibrarySchedule().tick()

    assert sent_to() == [["champion@example.org"]]
    assert "Scheduled command no_such_command failed" in caplog.text


def test_a_reminder_the_mail_server_refused_is_tried_again(champion, today, monkeypatch):
    reviewed_case_study("Calm custody", today, owner=champion)
    reviewed_case_study("Calm classrooms", today, owner=champion)

    def refused(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("reviews.reminders.send_mail", refused)
    assert send_review_reminders(today) == 0
    assert not ReviewReminder.objects.exists()

    monkeypatch.undo()
    assert send_review_reminders(today) == 2
    assert ReviewReminder.objects.count() == 2
