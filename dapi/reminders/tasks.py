"""The daily digest as background work (django-tasks; `dapi db-worker` runs the queue). django-tasks
has no scheduler: `dapi remind --enqueue`, run daily by cron (docs/runbook.md), queues this task.
Safe to run again: a user who has had today's digest is skipped."""

from datetime import date

from django_tasks import task

from dapi.lib import clock

from .services import digests_send


@task()
def send_digests(today: str | None = None) -> str:
    """Send every user's digest for `today` (ISO; default the business day, dapi.lib.clock)."""
    day = date.fromisoformat(today) if today else clock.today()
    outcomes = digests_send(today=day)
    return f"sent {sum(o.sent for o in outcomes)} of {len(outcomes)}"
