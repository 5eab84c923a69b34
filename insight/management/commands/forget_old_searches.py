"""Delete search counts older than 13 months. Safe to run again; the worker runs it on its
schedule (WORKER_SCHEDULED_COMMANDS)."""

import calendar
import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from insight.models import DailySearch

KEEP_MONTHS = 13


def months_before(day, months):
    """The same day `months` months earlier, or the last day of that month if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def forget_before(day):
    """Delete the counts of every day before `day`; how many rows went."""
    deleted, _ = DailySearch.objects.filter(day__lt=day).delete()
    return deleted


class Command(BaseCommand):
    help = "Delete the library's search counts older than 13 months."

    def handle(self, *args, **options):
        keep_from = months_before(timezone.localdate(), KEEP_MONTHS)
        deleted = forget_before(keep_from)
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} daily search counts from before {keep_from}.")
