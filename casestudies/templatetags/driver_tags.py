"""Driver names that lead to the page explaining the driver, wherever a driver is named."""

from django import template

from core.public import is_public

from ..models import DriverOfChange

register = template.Library()


def _explained(context):
    """Slug -> public explanation page, read once per request however many names a page has."""
    request = context.get("request")
    pages = getattr(request, "_driver_explanations", None)
    if pages is None:
        pages = DriverOfChange.explanation_pages()
        if request is not None:
            request._driver_explanations = pages
    return pages


@register.simple_tag(takes_context=True)
def driver_page_url(context, driver):
    """The URL of the public page that explains `driver` (a driver or its slug), or ""."""
    page = _explained(context).get(getattr(driver, "slug", driver))
    return page.url if page is not None else ""


@register.simple_tag(takes_context=True)
def drivers_index_url(context):
    """The public "How change happens" page above the driver pages, or ""."""
    for page in _explained(context).values():
        parent = page.get_parent()
        return parent.url if is_public(parent) else ""
    return ""


@register.inclusion_tag("includes/driver_name.html", takes_context=True)
def driver_name(context, driver, otherwise=""):
    """The driver's name, linked to its page; to `otherwise` (if given) when it has none."""
    return {"name": driver.name, "url": driver_page_url(context, driver) or otherwise}
