"""Site pages kept whole for the public, until the library's version moves on.

A public page shows the same HTML to every visitor who is not signed in: its content, the
site's navigation and footer, and what it counts from the library. Every change the public
could see moves the library's version on (`core.versions`): a publish, unpublish, move or
slug change, a privacy setting, a site, footer or taxonomy change. So a page is rendered once
per version (and per day, for pages that say when a review is overdue) and then answered from
`core.page_cache` before Wagtail routes the request: one small query, for the version.

A page is only kept when nothing in it belongs to one visitor: asked without a query string
(answers to ?sector=… or a self-assessment are worked out each time), by a visitor without a
session (a password-protected page's pass, messages, a sign-in), answered 200, setting no
cookie and holding no form token, and with no view restriction on it. Page models opt in with
`KeptForThePublic`.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from . import page_cache

# Cookies that say nothing about who the visitor is: the form token only.
ANONYMOUS_COOKIES = {settings.CSRF_COOKIE_NAME}
WAGTAIL_SERVE = "wagtail_serve"


def _may_use_kept(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and set(request.COOKIES) <= ANONYMOUS_COOKIES
        and page_cache.cacheable(request)
    )


def _variant(request):
    return ("page", request.path, timezone.localdate())


def _may_keep(page, request, response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not page.get_view_restrictions().exists()
    )


class KeptPagesMiddleware:
    """Answer a request for a Wagtail page from the page kept at the current version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name != WAGTAIL_SERVE or not _may_use_kept(request):
            return None
        version, kept = page_cache.lookup(request, _variant(request))
        if kept is not None:
            html, content_type = kept
            return HttpResponse(html, content_type=content_type)
        request._keep_page_at = version  # read before rendering: a change meanwhile wins
        return None


class KeptForThePublic:
    """Mixin for page models whose public HTML may be kept (see the module's rules)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        version = getattr(request, "_keep_page_at", None)
        if version is None:
            return response
        if hasattr(response, "render"):
            response.render()
        if _may_keep(self, request, response):
            page_cache.keep_page(
                request, _variant(request), version, response.content, response["Content-Type"]
            )
        return response
