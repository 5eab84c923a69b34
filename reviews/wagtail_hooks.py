"""Admin hooks: the "Due for review" report and dashboard panel for moderators, the "Still
accurate" action in the page editor, and its wording in the page history."""

import datetime

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from moderation.roles import is_moderator

from .due import CONFIRMED_ACTION, can_confirm
from .panels import DueForReviewPanel
from .views import DueForReviewReport, still_accurate


@hooks.register("register_admin_urls")
def review_admin_urls():
    return [
        path("reports/due-for-review/", DueForReviewReport.as_view(), name="reviews_due_report"),
        path(
            "reports/due-for-review/results/",
            DueForReviewReport.as_view(results_only=True),
            name="reviews_due_report_results",
        ),
        path(
            "reviews/<int:page_id>/still-accurate/",
            still_accurate,
            name="reviews_still_accurate",
        ),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def due_for_review_menu_item():
    return ModeratorsMenuItem(
        "Due for review", reverse("reviews_due_report"), icon_name="time", order=850
    )


@hooks.register("construct_homepage_panels")
def due_for_review_panel(request, panels):
    if is_moderator(request.user):
        panels.append(DueForReviewPanel())


class StillAccurateMenuItem(ActionMenuItem):
    label = "Still accurate"
    name = "action-still-accurate"
    icon_name = "tick"

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and can_confirm(context["request"].user, context["page"])
        )

    def get_url(self, context):
        return reverse("reviews_still_accurate", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def still_accurate_menu_item():
    return StillAccurateMenuItem(order=40)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(CONFIRMED_ACTION)
    class StillAccurate(LogFormatter):
        label = "Confirmed still accurate"

        def format_message(self, log_entry):
            try:
                review_by = datetime.date.fromisoformat(log_entry.data["review_by"])
            except (KeyError, TypeError, ValueError):
                return "Confirmed still accurate"
            return f"Confirmed still accurate; next review by {review_by.day} {review_by:%B %Y}"
