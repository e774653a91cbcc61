"""`dapi retention [--dry-run] [--today YYYY-MM-DD] --by USERNAME`: apply the retention periods."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.cases.protection import due_for_deletion, enforce_retention
from dapi.lib.clock import today as clock_today


class Command(BaseCommand):
    help = "Delete cases and declined referrals past their retention period. See docs/security.md."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is due; delete nothing.")
        parser.add_argument("--today", help="Apply the rules as of this date (YYYY-MM-DD).")
        parser.add_argument("--by", help="Username the deletions are attributed to in the audit log.")

    def handle(self, *args, dry_run, today, by, **options):
        try:
            on = date.fromisoformat(today) if today else clock_today()
        except ValueError:
            raise CommandError(f"--today must be a date like 2030-01-31, not {today!r}") from None
        due = due_for_deletion(on)
        for item in due:
            self.stdout.write(f"{item.kind:<18} {item.reference:<16} {item.reason}")
        if dry_run:
            self.stdout.write(f"{len(due)} record(s) due on {on:%d %b %Y}; nothing deleted (dry run).")
            return
        if not by:
            raise CommandError("Give --by USERNAME: every deletion is attributed to a person in the audit log.")
        user = User.objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"No user {by!r}.")
        counts = enforce_retention(today=on, by=user)
        self.stdout.write("Deleted: " + ", ".join(f"{n} {kind}(s)" for kind, n in counts.items()) + ".")
