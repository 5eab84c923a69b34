"""Case studies and recommendations record when they were last reviewed and when they should be
again. Pages already published count as reviewed on the day they were last published, and are
due a year later.
"""

import calendar
import datetime

from django.db import migrations, models
from django.utils import timezone

LAST_REVIEWED_HELP = "Leave as it is and publishing sets it to the day it goes live."
REVIEW_BY_HELP = (
    "Leave as it is and publishing sets it 12 months after the last review. The owner is "
    "reminded a month before."
)
MODELS = ("casestudypage", "recommendationpage")


def a_year_after(day):
    year = day.year + 1
    return datetime.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def date_published_pages(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("casestudies", name)
        for page in model.objects.filter(
            last_published_at__isnull=False, last_reviewed__isnull=True
        ).only("pk", "last_published_at"):
            last_reviewed = timezone.localdate(page.last_published_at)
            model.objects.filter(pk=page.pk).update(
                last_reviewed=last_reviewed, review_by=a_year_after(last_reviewed)
            )


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0004_sector_needs_safeguarding_review")]

    operations = [
        *(
            operation
            for name in MODELS
            for operation in (
                migrations.AddField(
                    model_name=name,
                    name="last_reviewed",
                    field=models.DateField(blank=True, null=True, help_text=LAST_REVIEWED_HELP),
                ),
                migrations.AddField(
                    model_name=name,
                    name="review_by",
                    field=models.DateField(blank=True, null=True, help_text=REVIEW_BY_HELP),
                ),
            )
        ),
        migrations.RunPython(date_published_pages, migrations.RunPython.noop),
    ]
