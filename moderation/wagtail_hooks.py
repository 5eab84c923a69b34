"""Admin hooks: the dashboard panels, a quieter menu for champions, and the audit log wording."""

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from .models import SKIPPED_ACTION
from .panels import OldestFirstToModeratePanel, YourCaseStudiesPanel
from .roles import is_champion, is_moderator


@hooks.register("construct_homepage_panels")
def moderation_panels(request, panels):
    panels[:] = [
        OldestFirstToModeratePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels.append(YourCaseStudiesPanel())


@hooks.register("construct_reports_menu")
def reports_for_moderators(request, menu_items):
    # Champions follow their own work on the dashboard; site-wide reports are for moderators.
    if is_champion(request.user) and not is_moderator(request.user):
        menu_items.clear()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(
        SKIPPED_ACTION,
        "Safeguarding check not needed",
        "Safeguarding check not needed: no young people's voice in this case study",
    )
