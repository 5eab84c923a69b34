"""Build the demo site. Safe to run again: it changes nothing the second time."""

from django.core.management.base import BaseCommand

from home.demo import load_demo_content


class Command(BaseCommand):
    help = "Create the illustrative demo site (idempotent)."

    def handle(self, *args, **options):
        report = load_demo_content()
        self.stdout.write(self.style.SUCCESS(report))
