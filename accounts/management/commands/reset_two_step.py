"""Reset two-step sign-in for someone who has lost both their phone and recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_step import must_use_two_step, turn_off


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and recovery codes. Moderators and superusers "
        "are asked to set up a new app at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No account is called {username!r}.") from None
        turn_off(user)
        then = (
            "They will set up a new app at their next sign-in."
            if must_use_two_step(user)
            else "They can sign in with their password and turn it on again."
        )
        self.stdout.write(f"Two-step sign-in is reset for {username}. {then}")
