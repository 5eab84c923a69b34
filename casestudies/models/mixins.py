"""Fields and behaviour shared by practice pages."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.html import strip_tags

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


def plain_text(*values):
    """Values (rich text, rendered blocks, plain strings) as one string of words, tags removed."""
    return " ".join(strip_tags(str(value)) for value in values if value).strip()


def slugs_and_labels(items):
    """Taxonomy values as a list of slugs and a slug -> name map, in the order given."""
    items = list(items)
    return [item.slug for item in items], {item.slug: item.name for item in items}


class LibraryPageMixin:
    """A page type the practice library lists. Each type says what its library entry holds, so
    a new type is added here, on its model, and nowhere else.

    `library_type` is the type's slug in library URLs and the API, listed in `library_order`;
    `library_fields()` returns what differs by type: summary, body text, facet values and their
    labels, and the rest."""

    library_type = ""
    library_type_label = ""
    library_order = 0

    def library_fields(self):
        raise NotImplementedError
