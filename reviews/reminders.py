"""Reminding owners that a practice page is due for review.

Two reminders for each review date: one when it comes within `DUE_SOON_DAYS` (a month before)
and one on the day. Each goes once, to the page's owner, or to the VRU moderators when the
owner's account is gone or switched off; `ReviewReminder` keeps the ones sent. A run that
missed a day catches up the next time, and a page already past its date gets only the
"on the day" one. Run by the worker on its schedule (`send_review_reminders`), so it must be
safe to run again at any time.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.mail import send_mail

from moderation.roles import MODERATORS

from .due import due_for_review
from .models import ReviewReminder

logger = logging.getLogger("reviews")


def editor_url(page):
    """The page in the editor, as a full address for an email."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )


def can_be_emailed(user):
    return user is not None and user.is_active and bool(user.email)


def recipients(page):
    """The owner, or the moderators when nobody can be reached through the owner's account."""
    if can_be_emailed(page.owner):
        return [page.owner], False
    moderators = get_user_model().objects.filter(groups__name=MODERATORS, is_active=True)
    return [user for user in moderators.exclude(email="").order_by("pk")], True


def send_reminder(page, kind, today):
    people, to_moderators = recipients(page)
    context = {
        "page": page,
        "kind": kind,
        "due_today": kind == ReviewReminder.Kind.DUE,
        "days_left": (page.review_by - today).days,
        "overdue": page.review_by < today,
        "to_moderators": to_moderators,
        "owner": page.owner,
        "editor_url": editor_url(page),
    }
    for person in people:
        context["user"] = person
        subject = render_to_string("reviews/email/review_reminder_subject.txt", context)
        body = render_to_string("reviews/email/review_reminder.txt", context)
        send_mail(" ".join(subject.split()), body.strip() + "\n", [person.email])
    return len(people)


def send_review_reminders(today=None):
    """Send each reminder that has come due and not gone yet; return how many emails went."""
    today = today or timezone.localdate()
    due = [
        (page, ReviewReminder.Kind.DUE if page.review_by <= today else ReviewReminder.Kind.SOON)
        for page in due_for_review(today)
    ]
    already_sent = set(
        ReviewReminder.objects.filter(page_id__in=[page.pk for page, _ in due]).values_list(
            "page_id", "kind", "review_by"
        )
    )
    sent = 0
    for base_page, kind in due:
        if (base_page.pk, kind, base_page.review_by) in already_sent:
            continue
        page = base_page.specific
        try:
            # The record and the email stand or fall together: a failed send is tried again.
            with transaction.atomic():
                _, created = ReviewReminder.objects.get_or_create(
                    page_id=page.pk, kind=kind, review_by=page.review_by
                )
                if created:
                    sent += send_reminder(page, kind, today)
        except OSError:
            # The mail server is away (SMTP errors are OSErrors): stop, and try again next run
            # rather than wait out its timeout once for every page.
            logger.exception("Could not send review reminders; trying again next time")
            break
        except Exception:
            logger.exception("Could not send the review reminder for page %s", page.pk)
    return sent
