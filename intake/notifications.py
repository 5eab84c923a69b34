"""One email to the moderators for an import, instead of one for every page in it.

Wagtail emails the moderators each time a page is submitted for moderation: for a spreadsheet
of 500 case studies, 500 emails each. While an import writes, those per-page emails are held
back (Wagtail's own two submission notifiers are disconnected, and connected again however
the import ends, and the submitter's receipts wait on `moderation.bulk`), and once it has committed the moderators get one email saying how many
pages wait for them and where.

Signals are process-wide: this is for the `import_practice` command and the background
worker, which run one import at a time and submit nothing else meanwhile.
"""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.admin.mail import send_mail
from wagtail.admin.signal_handlers import (
    task_submission_email_notifier,
    workflow_submission_email_notifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted
from wagtail.users.models import UserProfile

from moderation.bulk import submitting_in_bulk
from moderation.roles import MODERATORS

PER_PAGE_NOTIFIERS = [
    (
        task_submitted,
        task_submission_email_notifier,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_submitted,
        workflow_submission_email_notifier,
        WorkflowState,
        "workflow_state_submitted_email_notification",
    ),
]


@contextmanager
def per_page_emails_held_back():
    held = [
        (signal, receiver, sender, uid)
        for signal, receiver, sender, uid in PER_PAGE_NOTIFIERS
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        with submitting_in_bulk():  # and no receipt for each page either
            yield
    finally:
        for signal, receiver, sender, uid in held:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)


def tell_moderators(importer, count, file_name):
    """Email each VRU moderator who takes submission emails: `count` imported pages wait."""
    if not count:
        return
    moderators = (
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .exclude(email="")
        .exclude(pk=getattr(importer, "pk", None))
        .distinct()
    )
    recipients = [
        user.email for user in moderators if UserProfile.get_for_user(user).submitted_notifications
    ]
    if not recipients:
        return
    who = (importer.get_full_name() or importer.get_username()) if importer else "Someone"
    pages = "1 page is" if count == 1 else f"{count} pages are"
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_reports:workflow")
    send_mail(
        f"{count} imported page{'' if count == 1 else 's'} waiting for VRU moderation",
        f"{who} imported “{file_name}”: {pages} now waiting for VRU moderation.\n\n"
        f"See them in the moderation report: {link}\n",
        recipients,
    )
