"""The "Related practice" section of a case study page, from the library's query layer.

Case study templates load it here, as the casestudies app may not import the library."""

from django import template
from django.conf import settings

from ..related import related_practice as related

register = template.Library()


@register.inclusion_tag("includes/related_practice.html")
def related_practice(page):
    """Cards for the picks and suggestions related to case study `page`; nothing if none."""
    return {"items": related(page) if settings.LIBRARY_RELATED_PRACTICE else []}
