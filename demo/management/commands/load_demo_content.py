"""Build the demo site. Safe to run again: it changes nothing the second time."""

from django.core.management.base import BaseCommand

from demo.builder import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the illustrative demo site (idempotent). With DEBUG on, also a demo champion "
        "and moderator, whose passwords are printed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-people",
            action="store_true",
            help="Make the demo champion and moderator even when DEBUG is off.",
        )

    def handle(self, *args, **options):
        report = load_demo_content(people=True if options["with_people"] else None)
        self.stdout.write(self.style.SUCCESS(report))
