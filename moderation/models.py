"""The safeguarding check: a moderation step that only work with children or young people needs.

It sits after the moderators' review in the VRU moderation workflow. The submitted version
needs it when a sector it is filed under (as lead or partner) is flagged "needs a safeguarding
check" by the moderators, or when its age group is children (under 12) or young people (12 to
17), that is, under 18. A moderator must then approve it again as a safeguarding check before
it is published. For anything else the step is marked skipped at once, with a line in the page
history saying why, and nobody is asked.
"""

from django.db import models
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

from casestudies.models import CaseStudyPage

SKIPPED_ACTION = "moderation.safeguarding_not_needed"

# Under 18: children in law. Young adults, adults, families and all ages are checked only
# through their sectors.
SAFEGUARDING_AGE_GROUPS = {CaseStudyPage.AgeGroup.CHILDREN, CaseStudyPage.AgeGroup.YOUNG_PEOPLE}


def sectors_of(page):
    """Every sector a version of a practice page is filed under."""
    sectors = []
    lead = getattr(page, "lead_sector", None)
    if lead is not None:
        sectors.append(lead)
    for name in ("partner_sectors", "sectors"):
        if hasattr(page, name):
            sectors.extend(getattr(page, name).all())
    return sectors


def needs_safeguarding_review(page):
    """Whether a version of a practice page must pass the safeguarding check."""
    return getattr(page, "age_group", "") in SAFEGUARDING_AGE_GROUPS or any(
        sector.needs_safeguarding_review for sector in sectors_of(page)
    )


class SafeguardingCheckTask(AbstractGroupApprovalTask):
    def start(self, workflow_state, user=None):
        page = workflow_state.content_object.specific
        # Decide on the version that was submitted, not the live one.
        if needs_safeguarding_review(page.get_latest_revision_as_object()):
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.task = self
        task_state.revision = page.get_latest_revision()
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.finished_at = timezone.now()
        task_state.comment = (
            "Not needed: no sector of this case study asks for a safeguarding check, and it "
            "is not about children or young people."
        )
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
            "pages filed under a sector that needs a safeguarding check, or about children or "
            "young people. Other pages skip this step."
        )

    class Meta:
        verbose_name = "safeguarding check"
        verbose_name_plural = "safeguarding checks"


class ModeratedSection(models.Model):
    """A page that has been given the roles' permissions once: a practice section (with the
    workflow) or the home page at a site's root.

    After that, what an administrator changes in the admin stands: `migrate` only sets up
    pages that have never been set up (those made by data migrations, which send no
    signals)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    set_up_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"section {self.page_id}"
