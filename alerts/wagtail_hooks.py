"""Admin hooks: the "Email alerts" report under Reports, for VRU moderators and superusers."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from moderation.roles import is_moderator

from .admin_views import alerts_report


@hooks.register("register_admin_urls")
def alerts_admin_urls():
    return [path("reports/email-alerts/", alerts_report, name="alerts_report")]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def alerts_menu_item():
    return ModeratorsMenuItem("Email alerts", reverse("alerts_report"), icon_name="mail", order=950)
