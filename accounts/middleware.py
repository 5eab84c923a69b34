"""Hold a half-signed-in person at the second step.

Someone who has given their password but not yet the second step they need may only reach
the two-step pages and sign out: every other admin page sends them to set up an app (first
time, when it is required) or to enter a code. On the public site they are treated as not
signed in, so nothing a sign-in unlocks (restricted pages, the editor's bar) shows before
the second step.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from .two_step import has_two_step, needs_second_step

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_step_verify",
    "two_step_set_up",
    "two_step_recovery_codes_shown",
    "admin:logout",
}


class TwoStepMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session can be signed in: others cost no query here.
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and not request.path.startswith(ADMIN_PREFIXES)
            and needs_second_step(request.user)
        ):
            request.user = AnonymousUser()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(ADMIN_PREFIXES):
            return None
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        if name in OPEN_VIEWS or not needs_second_step(request.user):
            return None
        target = "two_step_verify" if has_two_step(request.user) else "two_step_set_up"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
