"""Fields and behaviour shared by practice pages."""

from django.core.validators import MaxLengthValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SummaryMixin(models.Model):
    """A short plain-text summary shown on cards, in search results and in feeds."""

    SUMMARY_LENGTH = 300

    summary = models.TextField(
        max_length=SUMMARY_LENGTH,
        validators=[MaxLengthValidator(SUMMARY_LENGTH)],
        help_text=f"Up to {SUMMARY_LENGTH} characters, in plain words: what it is and who it is "
        "for. Shown in the library and on shared links.",
    )

    summary_panels = [FieldPanel("summary")]
    search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True


def names(queryset):
    """Names of taxonomy values in their editorial order."""
    return [item.name for item in queryset.order_by("sort_order", "name")]


def public_linked_pages(links):
    """The pages behind inline page links that the public may see: live and unrestricted."""
    return [
        link.page.specific
        for link in links.select_related("page")
        if link.page.live and not link.page.get_view_restrictions().exists()
    ]
