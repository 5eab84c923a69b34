"""Dashboard panels: a champion's own case studies, and the moderators' queue oldest first."""

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import WorkflowState

from casestudies.models import CaseStudyPage

SHOWN = 20


def submission_state(page):
    """Where a case study stands, in the words a champion would use."""
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return {
            "key": "changes-requested",
            "label": "Changes requested",
            "comment": task_state.comment if task_state else "",
            "since": task_state.finished_at if task_state else None,
        }
    if workflow_state:
        task_state = workflow_state.current_task_state
        return {
            "key": "in-moderation",
            "label": f"Waiting for {task_state.task.name}" if task_state else "In moderation",
            "since": task_state.started_at if task_state else workflow_state.created_at,
        }
    if page.live and page.has_unpublished_changes:
        return {
            "key": "published-with-draft",
            "label": "Published; newer draft not yet submitted",
            "since": page.latest_revision_created_at,
        }
    if page.live:
        return {"key": "published", "label": "Published", "since": page.last_published_at}
    return {
        "key": "draft",
        "label": "Draft, not yet submitted",
        "since": page.latest_revision_created_at,
    }


class YourCaseStudiesPanel(Component):
    """Every case study the user owns, newest edit first, with where each one stands."""

    name = "your_case_studies"
    template_name = "moderation/panels/your_case_studies.html"
    order = 205

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        # No prefetch_workflow_states(): on a specific page type it matches no workflow states.
        pages = CaseStudyPage.objects.filter(owner=request.user).order_by(
            "-latest_revision_created_at", "-pk"
        )[:SHOWN]
        context["case_studies"] = [(page, submission_state(page)) for page in pages]
        context["request"] = request
        return context


class OldestFirstToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", with what has waited longest at the top."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"].sort(key=lambda state: state["task_state"].started_at)
        return context
