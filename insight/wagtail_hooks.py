"""Admin hooks: the "What people look for" report under Reports, for VRU moderators and
superusers."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, search_insight_download, search_insight_report


@hooks.register("register_admin_urls")
def insight_admin_urls():
    return [
        path("reports/search-insight/", search_insight_report, name="insight_report"),
        path(
            "reports/search-insight/<slug:slug>.csv",
            search_insight_download,
            name="insight_download",
        ),
    ]


class SearchInsightMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def search_insight_menu_item():
    return SearchInsightMenuItem(
        "What people look for", reverse("insight_report"), icon_name="search", order=920
    )
