"""The review reminders already sent, so each one goes once."""

from django.db import models


class ReviewReminder(models.Model):
    """One reminder sent about one page, for the review date it had then.

    A new review date (after a publish or a "still accurate") has no reminders yet, so the
    next ones go out in their time."""

    class Kind(models.TextChoices):
        SOON = "soon", "A month before"
        DUE = "due", "On the day"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    review_by = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "review_by"], name="reviews_one_reminder_of_each_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder for page {self.page_id} ({self.review_by})"
