"""The site's navigation and footer links, on every public page.

Both are read once per site and library version (which every publish, unpublish, move,
deletion, privacy change and footer change moves on; see `core.page_cache`), not on every
request, and worked out again once a page they name reaches its expiry time.
"""

from django import template

from wagtail.models import Site

from core.public import public
from core.versions import per_current_version
from home.site_settings import FooterLinks

register = template.Library()


def _good_until(pages):
    return min((page.expire_at for page in pages if page.expire_at), default=None)


def _site(context):
    """The request's Wagtail site, found once per host, port and library version in this
    process (Wagtail's own lookup is a query joining the root page on every request); a saved
    or deleted site moves the version on."""
    request = context.get("request")
    if request is None:
        return None, None
    if not hasattr(request, "_wagtail_site"):
        host = (request._get_raw_host(), request.get_port())
        request._wagtail_site = per_current_version(
            ("site", host), lambda: (Site._find_for_request(request), None), request
        )
    return request, request._wagtail_site


def _menu(site):
    root = site.root_page
    items = list(public(root.get_children()).in_menu())
    return items, _good_until(items)


def _footer(site):
    # Read without `for_request`, which would create the site's empty settings row on a
    # visitor's first request: a public page never writes to the database.
    links = FooterLinks.objects.filter(site=site).first()
    pages = links.public_links() if links is not None else []
    return pages, _good_until(pages)


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    request, site = _site(context)
    items = per_current_version(("site-nav", site.pk), lambda: _menu(site), request) if site else []
    return {"items": items, "current": context.get("page"), "request": request}


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's public links for the request's site."""
    request, site = _site(context)
    if site is None:
        return []
    return per_current_version(("footer", site.pk), lambda: _footer(site), request)
