"""Driver names that lead to the page explaining the driver, wherever a driver is named.

Where those pages are is read once per library version (which any publish, unpublish, move
or privacy change moves on), not on every request, and again when one of them expires.
"""

from django import template

from core.public import is_public
from core.versions import per_current_version

from ..models import DriverOfChange

register = template.Library()


def _read_explanations():
    pages = DriverOfChange.explanation_pages()
    index = ""
    for page in pages.values():
        parent = page.get_parent()
        index = parent.url if is_public(parent) else ""
        break
    urls = {slug: page.url for slug, page in pages.items()}
    good_until = min((page.expire_at for page in pages.values() if page.expire_at), default=None)
    return {"pages": urls, "index": index}, good_until


def _explained(context):
    """{"pages": slug -> URL of its public explanation page, "index": the page above them}."""
    return per_current_version("driver-explanations", _read_explanations, context.get("request"))


@register.simple_tag(takes_context=True)
def driver_page_url(context, driver):
    """The URL of the public page that explains `driver` (a driver or its slug), or ""."""
    return _explained(context)["pages"].get(getattr(driver, "slug", driver), "")


@register.simple_tag(takes_context=True)
def drivers_index_url(context):
    """The public "How change happens" page above the driver pages, or ""."""
    return _explained(context)["index"]


@register.inclusion_tag("includes/driver_name.html", takes_context=True)
def driver_name(context, driver, otherwise=""):
    """The driver's name, linked to its page; to `otherwise` (if given) when it has none."""
    return {"name": driver.name, "url": driver_page_url(context, driver) or otherwise}
