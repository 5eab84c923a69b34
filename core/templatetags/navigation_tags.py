"""Site navigation and breadcrumbs, drawn from the page tree."""

from django import template

from wagtail.models import Site

from core.public import public

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    items = public(root.get_children()).in_menu() if root else []
    current = context.get("page")
    return {"items": items, "current": current, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {"ancestors": page.get_ancestors().filter(depth__gt=1), "page": page}
