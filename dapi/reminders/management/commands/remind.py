"""`dapi remind [--dry-run] [--enqueue] [--today YYYY-MM-DD]`: the daily "needs action" digests.

Meant for cron once a day (docs/runbook.md). Each user with an email address gets at most one digest
a day, carrying only what is new or has changed since their last one. `--dry-run` prints who would
get what (usernames and item titles: no names, addresses or notes) and sends and records nothing;
`--enqueue` queues the sending for the task worker (`dapi db-worker`) instead of sending here.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from dapi.lib import clock
from dapi.lib.commands import note
from dapi.reminders.services import digests_send
from dapi.reminders.tasks import send_digests


class Command(BaseCommand):
    help = ("Send each user their daily digest of what needs their action. At most once a day per user, "
            "never repeating an unchanged item; --dry-run shows what would go out.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Print who would get which items; send and record nothing.")
        parser.add_argument("--enqueue", action="store_true",
                            help="Queue the sending for the task worker (dapi db-worker) instead of sending now.")
        parser.add_argument("--today", help="The business day to remind as of (YYYY-MM-DD; default today, "
                                            "or the pinned DAPI_TODAY).")

    def handle(self, *args, dry_run: bool, enqueue: bool, today: str | None, **options):
        try:
            as_of = date.fromisoformat(today) if today else clock.today()
        except ValueError:
            raise CommandError(f"--today must be a date like 2024-03-15, not {today!r}.") from None
        if dry_run and enqueue:
            raise CommandError("--dry-run and --enqueue cannot go together: a dry run sends nothing to queue.")
        if enqueue:
            result = send_digests.enqueue(as_of.isoformat())
            note(self, f"Digests for {as_of:%-d %b %Y} queued for the task worker (task {result.id}).")
            return
        outcomes = digests_send(today=as_of, dry_run=dry_run)
        for outcome in outcomes:
            if outcome.titles:
                verb = "would get" if dry_run else "sent"
                self.stdout.write(f"{outcome.username}: {verb} {len(outcome.titles)} item"
                                  f"{'s' if len(outcome.titles) != 1 else ''}")
                for title in outcome.titles:
                    self.stdout.write(f"  - {title}")
            else:
                self.stdout.write(f"{outcome.username}: nothing to send ({outcome.reason})")
        sent = sum(o.sent for o in outcomes)
        note(self, f"{'Dry run: nothing sent or recorded' if dry_run else f'{sent} digest(s) sent'} "
                   f"for {as_of:%-d %b %Y}, {len(outcomes)} user(s) with an email address.")
