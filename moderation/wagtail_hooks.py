"""Wagtail hooks: the dashboard panels, a quieter menu for champions, the audit log wording, and
which documents the site serves to whom (`moderation.uploads`)."""

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from .models import SKIPPED_ACTION
from .panels import OldestFirstToModeratePanel, YourCaseStudiesPanel
from .roles import is_champion, is_moderator
from .uploads import refuse_unseen_document

hooks.register("before_serve_document", refuse_unseen_document)


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
        "Safeguarding check not needed: no sector or age group of this case study asks for it",
    )
