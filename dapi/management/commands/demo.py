"""`dapi demo`: migrate, load the seed documents and demo users, print the logins, serve."""

import os
from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.accounts.two_factor import confirmed_devices
from dapi.demo.cases import load_demo_cases
from dapi.demo.organisations import DEMO_USERS
from dapi.demo.seeds import load_demo
from dapi.demo.volume import load_demo_volume
from dapi.lib.clock import DEMONSTRATION_DATE


class Command(BaseCommand):
    help = ("Load the demonstration data and serve it. Five seed decisions, synthetic users and cases, "
            "on http://127.0.0.1:8000 unless --no-serve.")

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Load the data and stop.")
        parser.add_argument("--today", default=DEMONSTRATION_DATE.isoformat(),
                            help="Pin today's date (YYYY-MM-DD) for the demo, loaded and served as of it "
                                 f"(default {DEMONSTRATION_DATE.isoformat()}, when the seeds' stories are live).")
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Address and port to serve on (default: %(default)s).")

    def handle(self, *args, no_serve, today, bind, **options):
        try:
            date.fromisoformat(today)
        except ValueError:
            raise CommandError(f"--today must be a date like 2023-02-01, not {today!r}") from None
        before = os.environ.get("DAPI_TODAY")
        os.environ["DAPI_TODAY"] = today
        try:
            self.load(today)
        finally:
            if no_serve:  # the pinned date is for what this command loads and serves, not for what runs after it
                os.environ.pop("DAPI_TODAY", None) if before is None else os.environ.update(DAPI_TODAY=before)
        if not no_serve:
            call_command("serve", bind=bind, allow_demo_users=True)

    def load(self, today: str):
        self.stdout.write(f"Demonstration date: {date.fromisoformat(today):%d %b %Y} (change it with "
                          "`dapi demo --today YYYY-MM-DD`).")
        call_command("migrate", verbosity=0)
        result = load_demo()
        loaded = ", ".join(result["created"]) or "nothing new (already loaded)"
        self.stdout.write(f"Demo data: {loaded}. {result['programmes']} programmes, {result['decisions']} decisions.")
        cases = load_demo_cases()
        self.stdout.write(f"Synthetic cases: {cases['cases']} cases from {cases['referrals']} referrals "
                          "(all people are synthetic and labelled so).")
        volume = load_demo_volume()
        self.stdout.write("Programmes at their real volume: " + (
            f"{volume['cases']} synthetic cases from {volume['referrals']} police referrals, "
            f"{volume['imports']} police incident imports ranked, {volume['outcomes']} case outcomes computed from them."
            if volume["created"] else f"{volume['cases']} synthetic cases (already loaded)."))
        self.stdout.write(f"Demo logins (synthetic users; password for all: {settings.DEMO_PASSWORD}):")
        for username, role, orgs in DEMO_USERS:
            enrolled = confirmed_devices(User.objects.get(username=username))
            step = f"  + code from `dapi totp_code {username}`" if enrolled else ""
            where = "four commissioning bodies" if orgs == "commissioning" else ", ".join(orgs)
            self.stdout.write(f"  {username:<24} {role.label}, {where}{step}")
        self.stdout.write("Those with \"+ code\" sign in with a second step: a 6-digit code from an authenticator app "
                          "(the roles in DAPI_SECOND_FACTOR_ROLES must have one); for the demo users, "
                          "`dapi totp_code USERNAME` prints it.")
