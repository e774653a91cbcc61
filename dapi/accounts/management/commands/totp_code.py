"""`dapi totp_code USERNAME`: the code a demo user's authenticator shows now (demo users only)."""

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.accounts.two_factor import confirmed_devices, current_code


class Command(BaseCommand):
    help = ("Print a synthetic demo user's current sign-in code. From its authenticator, so a demonstration "
            "needs no phone. Refuses for any user who is not a demo user.")

    def add_arguments(self, parser):
        parser.add_argument("username", help="A synthetic demo user, e.g. commissioner.")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        if not user.is_demo:
            raise CommandError(f"{username} is not a demo user: only their own authenticator app shows their codes.")
        devices = confirmed_devices(user)
        if not devices:
            raise CommandError(f"{username} has no authenticator: they set one up at their next sign-in.")
        self.stdout.write(current_code(devices[0]))
