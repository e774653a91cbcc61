"""`dapi reset_two_factor USERNAME --by ADMIN`: remove a user's authenticators (say, a lost phone)."""

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.accounts.services import totp_devices_reset


class Command(BaseCommand):
    help = "Remove every authenticator of USERNAME. At their next sign-in they set up a new one."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user whose authenticators are removed.")
        parser.add_argument("--by", required=True, help="Username the reset is attributed to in the audit log.")

    def handle(self, *args, username, by, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        actor = User.objects.filter(username=by).first()
        if actor is None:
            raise CommandError(f"No user {by!r}.")
        removed = totp_devices_reset(user=user, by=actor)
        self.stdout.write(f"Removed {removed} authenticator(s) of {username}; they set up a new one at their next sign-in.")
