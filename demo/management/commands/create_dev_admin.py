"""Create a local admin account for development, once, and say how to sign in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo.dev_accounts import dev_account

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the development admin account (DEBUG only) and print how to sign in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The development admin account is only made when DEBUG is on.")
        _, password = dev_account(
            USERNAME,
            lambda password: get_user_model().objects.create_superuser(
                USERNAME, "admin@localhost", password
            ),
        )
        self.stdout.write(
            "Sign in to the editor at http://127.0.0.1:8000/admin/ "
            f"as '{USERNAME}' with password: {password}"
        )
