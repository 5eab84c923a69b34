"""Admin hooks: the "Import practice" menu item and its pages, for VRU moderators only."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from moderation.roles import is_moderator

from . import views


class ImportPracticeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_urls")
def import_practice_urls():
    return [
        path("import-practice/", views.start_import, name="intake_start"),
        path("import-practice/template.xlsx", views.download_template, name="intake_template"),
        path("import-practice/<int:pk>/", views.import_status, name="intake_run"),
        path("import-practice/<int:pk>/confirm/", views.confirm_import, name="intake_confirm"),
    ]


@hooks.register("register_admin_menu_item")
def import_practice_menu_item():
    return ImportPracticeMenuItem(
        "Import practice", reverse("intake_start"), icon_name="upload", order=850
    )
