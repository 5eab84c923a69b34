"""Admin hooks for the library: the "Library sync" report in the Reports menu, and the
promoted results."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import LibrarySyncMenuItem, library_sync_report
from .promotion_admin import PromotionViewSet

register_snippet(PromotionViewSet)


@hooks.register("register_admin_urls")
def library_admin_urls():
    return [path("reports/library-sync/", library_sync_report, name="library_sync_report")]


@hooks.register("register_reports_menu_item")
def library_sync_menu_item():
    return LibrarySyncMenuItem(
        "Library sync", reverse("library_sync_report"), icon_name="resubmit", order=900
    )
