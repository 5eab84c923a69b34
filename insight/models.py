"""Library searches counted per day: the words and filters, how often, and how often in vain.

One row per day (in London), search words and filters. Nothing about who searched is kept:
no address, account, session, cookie or browser, and the words have had email addresses and
phone numbers taken out (see `scrub`). Rows older than 13 months are deleted by
`forget_old_searches`.
"""

from django.db import models


class DailySearch(models.Model):
    day = models.DateField(help_text="The day of the searches, in London time.")
    words = models.CharField(
        max_length=100,
        blank=True,
        help_text="The search words: lower case, single spaces, contact details removed.",
    )
    # "driver=relationships&sector=education": facets and values sorted. Only slugs the
    # library knows get here, so its length is bounded by the taxonomies and no free text
    # can enter it.
    filters = models.TextField(blank=True)
    searches = models.PositiveIntegerField(default=0)
    found_nothing = models.PositiveIntegerField(
        default=0, help_text="How many of the searches found no results."
    )
    results = models.PositiveIntegerField(
        default=0, help_text="How many results the latest of them found."
    )

    class Meta:
        # Named here because `recording` writes to it in SQL of its own.
        db_table = "insight_dailysearch"
        verbose_name = "daily search count"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "words", "filters"], name="insight_one_row_per_day_and_search"
            )
        ]

    def __str__(self):
        return f"{self.day}: {self.words or '(no words)'} {self.filters}".strip()
