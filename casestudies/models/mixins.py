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


def public_pages(page_ids):
    """The pages the public may see among `page_ids` (live, with no view restriction on them
    or above them), as their own page types and in the order given: one query for them all."""
    from wagtail.models import Page

    visible = {
        page.pk: page for page in Page.objects.filter(pk__in=page_ids).live().public().specific()
    }
    return [visible[pk] for pk in page_ids if pk in visible]


def public_linked_pages(links):
    """The pages behind inline page links that the public may see."""
    return public_pages([link.page_id for link in links.all()])
