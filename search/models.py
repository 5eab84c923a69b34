"""The database copy of the library index.

Every document sent to the search engine is also kept here. The library answers from these
rows when no engine is configured or the engine is down, and rows whose engine update has not
landed yet are flagged, so nothing is lost while the engine is away.
"""

from django.db import models


class LibraryRecord(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="library_record"
    )
    type = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    published = models.DateTimeField(null=True, db_index=True)
    search_text = models.TextField(
        blank=True,
        default="",
        help_text="Title, summary and body in lower case, for the database fallback's search. "
        "On PostgreSQL a trigram index makes its word matching fast.",
    )
    document = models.JSONField(help_text="The document as sent to the search engine.")
    needs_engine_sync = models.BooleanField(default=True, db_index=True)

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


class PendingRemoval(models.Model):
    """A page that must leave the engine's index, kept until the engine confirms."""

    page_id = models.IntegerField(unique=True)

    def __str__(self):
        return f"remove page {self.page_id}"
