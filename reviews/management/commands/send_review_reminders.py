"""Email owners about practice pages due for review: a month before and on the day, once each."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reviews.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Send the review reminders that have come due (safe to run again at any time)"

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="Send as if it were this day (YYYY-MM-DD), to catch up or to try it out.",
        )

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(f"--today: {error}") from error
        sent = send_review_reminders(today)
        self.stdout.write(f"Sent {sent} review reminder email(s).")
