"""The safeguarding check: a moderation step that only case studies with young people need.

It sits after the moderators' review in the VRU moderation workflow. When the submitted
version involves young people's voice (as its lead or a partner sector), a moderator must
approve it again as a safeguarding check before it is published. For anything else the step
is marked skipped at once, with a line in the page history saying why, and nobody is asked.
"""

from django.db import models
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

# The slug of the sector made by casestudies' 0002 migration; shared links use it too.
YOUNG_PEOPLES_VOICE = "young-peoples-voice"
SKIPPED_ACTION = "moderation.safeguarding_not_needed"


def sector_slugs(page):
    """Slugs of every sector a version of a practice page is filed under."""
    slugs = set()
    lead = getattr(page, "lead_sector", None)
    if lead is not None:
        slugs.add(lead.slug)
    for name in ("partner_sectors", "sectors"):
        if hasattr(page, name):
            slugs.update(sector.slug for sector in getattr(page, name).all())
    return slugs


def involves_young_peoples_voice(page):
    return YOUNG_PEOPLES_VOICE in sector_slugs(page)


class SafeguardingCheckTask(AbstractGroupApprovalTask):
    def start(self, workflow_state, user=None):
        page = workflow_state.content_object.specific
        # Decide on the version that was submitted, not the live one.
        if involves_young_peoples_voice(page.get_latest_revision_as_object()):
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.task = self
        task_state.revision = page.get_latest_revision()
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.finished_at = timezone.now()
        task_state.comment = "Not needed: the case study does not involve young people's voice."
        task_state.save()
        log(
            instance=page,
            action=SKIPPED_ACTION,
            user=user,
            revision=task_state.revision,
            data={"task": {"id": self.pk, "title": self.name}},
        )
        return task_state

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups check safeguarding before publication, only for "
            "pages that involve young people's voice. Other pages skip this step."
        )

    class Meta:
        verbose_name = "safeguarding check"
        verbose_name_plural = "safeguarding checks"


class ModeratedSection(models.Model):
    """A practice section that has been given the roles' permissions and the workflow once.

    After that, what an administrator changes in the admin stands: `migrate` only sets up
    sections that have never been set up (those made by data migrations, which send no
    signals)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    set_up_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"section {self.page_id}"
