"""A receipt for the person who submits a page to moderation.

Wagtail already tells the requester when their page is approved (and so published) or sent
back with the moderator's comment (`moderation/templates/wagtailadmin/notifications/`); what it
does not send is anything to say the submission arrived. Here: a receipt when a page is
submitted, and again when it is resubmitted after changes were asked for.
"""

from django.template.loader import render_to_string

from wagtail.admin.mail import send_mail
from wagtail.models import Page, TaskState
from wagtail.signals import task_submitted

from moderation.bulk import in_bulk

from .reminders import can_be_emailed, editor_url


def is_a_submission(task_state):
    """Whether this task starts because someone submitted the page: the workflow's first
    task, or the task that asked for changes, started again. A task that follows another's
    approval is the workflow moving on, and nobody submitted anything."""
    earlier = (
        TaskState.objects.filter(workflow_state_id=task_state.workflow_state_id)
        .exclude(pk=task_state.pk)
        .exclude(status=TaskState.STATUS_SKIPPED)
        .order_by("-started_at", "-pk")
        .first()
    )
    return earlier is None or earlier.status == TaskState.STATUS_REJECTED


def send_receipt(sender, instance, user=None, **kwargs):
    # An import sends its importer one summary instead.
    if in_bulk() or not can_be_emailed(user) or not is_a_submission(instance):
        return
    workflow_state = instance.workflow_state
    page = workflow_state.content_object
    if not isinstance(page, Page):
        return  # a snippet: the receipt speaks of pages
    page = page.specific
    context = {
        "user": user,
        "page": page,
        "task": instance.task.specific,
        "workflow": workflow_state.workflow,
        "resubmitted": workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED).exists(),
        "editor_url": editor_url(page),
    }
    subject = render_to_string("reviews/email/submitted_subject.txt", context)
    body = render_to_string("reviews/email/submitted.txt", context)
    send_mail(" ".join(subject.split()), body.strip() + "\n", [user.email])


def connect():
    task_submitted.connect(send_receipt, dispatch_uid="reviews-submission-receipt")
