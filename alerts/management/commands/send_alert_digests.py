"""Send the weekly email alert digests that are due, and remove unconfirmed sign-ups."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts.digests import send_alert_digests


class Command(BaseCommand):
    help = "Send the email alert digests that are due (safe to run again at any time)"

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Send as if it were this time (YYYY-MM-DDTHH:MM, the site's time zone).",
        )

    def handle(self, *args, **options):
        now = None
        if options["now"]:
            try:
                now = datetime.datetime.fromisoformat(options["now"])
            except ValueError as error:
                raise CommandError(f"--now: {error}") from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        sent, removed = send_alert_digests(now)
        self.stdout.write(
            f"Sent {sent} email alert digest(s); removed {removed} unconfirmed sign-up(s)."
        )
