"""Fields and behaviour shared by practice pages."""

import calendar
import datetime

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
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


def months_after(day, months):
    """The same day of the month `months` later, or that month's last day when it is shorter
    (29 February a year on is 28 February)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReviewDatesMixin(models.Model):
    """When a practice page was last checked as still accurate, and when it should be again.

    Publishing is a review: unless the editor chose the dates, each publish sets "last
    reviewed" to the day it went live and "review by" a year later. A moderator or the owner
    can also confirm a live page is still accurate without editing it; that changes the page
    row only, so revisions (and forms) from before it carry older dates, and the newer dates
    on the page win over them, in the editor (`with_content_json`) and on publish.
    """

    REVIEW_MONTHS = 12

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Leave as it is and publishing sets it to the day it goes live.",
    )
    review_by = models.DateField(
        null=True,
        blank=True,
        help_text=f"Leave as it is and publishing sets it {REVIEW_MONTHS} months after the "
        "last review. The owner is reminded a month before.",
    )

    review_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")])],
            heading="Review",
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if (
            self.pk
            and self.live
            and self.live_revision_id
            and (update_fields is None or "live_revision" in update_fields)
        ):
            self.date_review_if_publishing()
        return super().save(*args, **kwargs)

    @classmethod
    def review_by_after(cls, last_reviewed):
        return months_after(last_reviewed, cls.REVIEW_MONTHS)

    def review_is_overdue(self, today=None):
        """Whether the review date has passed (the day itself is not yet overdue)."""
        today = today or timezone.localdate()
        return self.review_by is not None and self.review_by < today

    def with_content_json(self, content):
        version = super().with_content_json(content)
        # A "still accurate" confirmed after this revision was saved: the newer dates stand.
        if self.last_reviewed and (
            version.last_reviewed is None or version.last_reviewed < self.last_reviewed
        ):
            version.last_reviewed = self.last_reviewed
            version.review_by = self.review_by
        return version

    def date_review_if_publishing(self):
        """On the save that publishes a revision, set the dates the editor left alone."""
        before = (
            type(self)
            .objects.filter(pk=self.pk)
            .values("live_revision_id", "last_reviewed", "review_by")
            .first()
        )
        if before is None or before["live_revision_id"] == self.live_revision_id:
            return
        # A date is the editor's choice when it is set and differs from the one on the page,
        # but an older review than the page's comes from a form opened before a "still
        # accurate" was confirmed: not a choice, and it must not undo the confirmation.
        reviewed_before = before["last_reviewed"]
        stale = bool(
            reviewed_before and self.last_reviewed and self.last_reviewed < reviewed_before
        )
        if stale or self.last_reviewed in (None, reviewed_before):
            self.last_reviewed = timezone.localdate(self.last_published_at or timezone.now())
        if stale or self.review_by in (None, before["review_by"]):
            self.review_by = self.review_by_after(self.last_reviewed)


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


def library_prefetched(name):
    """Where a rebuild keeps the relation `name` it fetched for many pages at once: a plain
    list (Django's `Prefetch(..., to_attr=...)`), cheaper than a queryset per page."""
    return f"prefetched_{name}"


class LibraryPageMixin:
    """A page type the practice library lists. Each type says what its library entry holds, so
    a new type is added here, on its model, and nowhere else.

    `library_type` is the type's slug in library URLs and the API, listed in `library_order`;
    `library_fields()` returns what differs by type: summary, body text, facet values and their
    labels, and the rest. `library_related` names what it reads (foreign keys, then many-to-many
    relations and tags), so a rebuild fetches them for many pages at once; `library_values`
    reads a relation from there when it was fetched so, else from the page itself."""

    library_type = ""
    library_type_label = ""
    library_order = 0
    library_related = ((), ())  # (select_related, prefetch_related)

    def library_fields(self):
        raise NotImplementedError

    def library_values(self, name):
        """The values of the many-to-many relation `name`: fetched in bulk for a rebuild (see
        `library_prefetched`), or read now (including values set but not yet saved)."""
        fetched = getattr(self, library_prefetched(name), None)
        return fetched if fetched is not None else list(getattr(self, name).all())
