"""`forget_old_searches` deletes counts older than 13 months and keeps the rest."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from insight.management.commands.forget_old_searches import months_before
from insight.models import DailySearch

pytestmark = pytest.mark.django_db


def count_on(day, words):
    return DailySearch.objects.create(day=day, words=words, searches=1, results=1)


def test_counts_older_than_13_months_are_deleted_and_the_rest_kept(settings):
    today = timezone.localdate()
    keep_from = months_before(today, 13)
    count_on(keep_from - datetime.timedelta(days=400), "long ago")
    count_on(keep_from - datetime.timedelta(days=1), "a day too old")
    count_on(keep_from, "exactly 13 months ago")
    count_on(today - datetime.timedelta(days=30), "last month")
    count_on(today, "today")

    call_command("forget_old_searches", verbosity=0)
    call_command("forget_old_searches", verbosity=0)  # safe to run again

    assert set(DailySearch.objects.values_list("words", flat=True)) == {
        "exactly 13 months ago",
        "last month",
        "today",
    }
    # The background worker runs it on its schedule.
    assert "forget_old_searches" in settings.WORKER_SCHEDULED_COMMANDS


@pytest.mark.parametrize(
    ("day", "thirteen_months_earlier"),
    [
        (datetime.date(2026, 3, 15), datetime.date(2025, 2, 15)),
        (datetime.date(2026, 1, 1), datetime.date(2024, 12, 1)),
        # A shorter month: its last day.
        (datetime.date(2026, 3, 31), datetime.date(2025, 2, 28)),
        (datetime.date(2025, 3, 29), datetime.date(2024, 2, 29)),
    ],
)
def test_thirteen_months_are_counted_by_the_calendar(day, thirteen_months_earlier):
    assert months_before(day, 13) == thirteen_months_earlier
