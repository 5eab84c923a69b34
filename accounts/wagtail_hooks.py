from django.urls import path, reverse

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/", views.manage, name="two_step_manage"),
        path("two-step/set-up/", views.set_up, name="two_step_set_up"),
        path("two-step/verify/", views.verify, name="two_step_verify"),
        path("two-step/codes/", views.recovery_codes_shown, name="two_step_recovery_codes_shown"),
        path("two-step/codes/new/", views.new_recovery_codes, name="two_step_new_recovery_codes"),
        path("two-step/turn-off/", views.turn_off, name="two_step_turn_off"),
    ]


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("two_step_manage"),
        "label": "Two-step sign-in",
        "help_text": "Use a code from an app on your phone as well as your password.",
    }
