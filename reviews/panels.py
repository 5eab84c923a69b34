"""The moderators' dashboard panel: how many practice pages are due for review."""

from wagtail.admin.ui.components import Component

from .due import DUE_SOON_DAYS, due_for_review


class DueForReviewPanel(Component):
    name = "due_for_review"
    template_name = "reviews/panels/due_for_review.html"
    order = 210

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = due_for_review().count()
        context["days"] = DUE_SOON_DAYS
        return context
