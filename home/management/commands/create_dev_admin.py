"""Create a local admin account for development, once, and say how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the development admin account (DEBUG only) and print how to sign in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The development admin account is only made when DEBUG is on.")
        password_file = settings.VAR_DIR / "dev-admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(USERNAME, "admin@localhost", password)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(unchanged: set one with `manage.py changepassword admin`)"  # noqa: S105
        self.stdout.write(
            "Sign in to the editor at http://127.0.0.1:8000/admin/ "
            f"as '{USERNAME}' with password: {password}"
        )
