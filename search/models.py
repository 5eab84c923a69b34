"""The database copy of the library index, and the ordered log of changes the engine must see.

Every document in the library is kept here as a `LibraryRecord`: the library answers from these
rows when no engine is configured or the engine cannot answer, and the read-time guard checks
every engine hit against them. Each change to a record appends a `LibraryChange` in the same
transaction; the worker applies the log to the engine in order and marks entries done by their
sequence number, so a change made while the engine is away, hung or refusing writes is never
lost, and a newer change is never marked done by an older write.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .promotion_form import PromotionForm


class LibraryRecord(models.Model):
    """One library page's entry, as the public may see it now.

    What is kept, and why: `document` is exactly what the engine gets (the change log copies it,
    a rebuild reads it, the fallback shows its hits from it); `search_text` lets the fallback
    match words with one indexed column; `type`, `title` and `published` filter and order the
    fallback's answers; the facet rows (`LibraryFacetValue`) count its facets. On PostgreSQL the
    table also has `search_vector`, a generated column the model does not list (see
    `search.full_text`), which ranks and highlights the fallback's answers. Wagtail's own
    search index of these pages is a separate thing: it serves the editors' search in the admin.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="library_record"
    )
    type = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=255)
    published = models.DateTimeField(null=True, db_index=True)
    search_text = models.TextField(
        blank=True,
        default="",
        help_text="Title, summary and body in lower case, for the database fallback's search. "
        "On PostgreSQL a trigram index makes its word matching fast.",
    )
    document = models.JSONField(help_text="The document as sent to the search engine.")

    def __str__(self):
        return self.title


class LibraryFacetValue(models.Model):
    """One facet value of one record, e.g. (record 12, "sector", "education")."""

    record = models.ForeignKey(LibraryRecord, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["record", "facet", "value"], name="unique_facet_value")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(applied_at__isnull=True)

    def failing(self):
        return self.pending().filter(attempts__gt=0)


class LibraryChange(models.Model):
    """One upsert or removal the engine must apply, numbered in the order it was made.

    The id is the sequence number; it is also the document's external version in the engine,
    so an older write that arrives late can never overwrite a newer one.
    """

    UPSERT = "upsert"
    REMOVE = "remove"

    page_id = models.IntegerField(db_index=True)
    action = models.CharField(
        max_length=10, choices=[(UPSERT, "Add or update"), (REMOVE, "Remove")]
    )
    document = models.JSONField(null=True, blank=True, help_text="The document to write.")
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, help_text="Why the engine refused it last time.")

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["id"],
                name="library_change_pending",
                condition=models.Q(applied_at__isnull=True),
            ),
            models.Index(fields=["applied_at"], name="library_change_applied"),
        ]

    def __str__(self):
        return f"{self.action} page {self.page_id} (#{self.pk})"


class WorkerHeartbeat(models.Model):
    """When the background worker last showed it was alive, and how its last push went."""

    name = models.CharField(max_length=40, unique=True)
    beat_at = models.DateTimeField()
    last_push_at = models.DateTimeField(null=True, blank=True)
    last_push_result = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return f"{self.name} at {self.beat_at:%H:%M:%S}"


class Promotion(ClusterableModel):
    """Up to three pages the moderators recommend for one search phrase (see `promotions`)."""

    phrase = models.CharField(
        max_length=200,
        unique=True,
        help_text="The search words, as people type them. Capitals and extra spaces do not "
        "matter; other words, or the same words in another order, do.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    base_form_class = PromotionForm
    panels = [
        FieldPanel("phrase"),
        InlinePanel("pages", heading="Pages to recommend", label="Page", min_num=1, max_num=3),
    ]

    class Meta:
        ordering = ["phrase"]
        verbose_name = "promoted result"

    def __str__(self):
        return self.phrase


class PromotedPage(Orderable):
    promotion = ParentalKey(Promotion, related_name="pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A case study, recommendation or definition. It shows only while it is "
        "published and public.",
    )

    panels = [FieldPanel("page")]
