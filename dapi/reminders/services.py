"""Sending the daily digests. One digest per user per day at most, carrying only items not sent
before as they now stand; the Digest row, its items and the mail go together or not at all."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from dapi.audit.services import acting_as, record_access
from dapi.cases.models import Case

from .models import Digest, DigestItem
from .selectors import Pending, pending_digest


@dataclass
class Outcome:
    username: str
    titles: list[str]
    sent: bool
    reason: str = ""


def recipients():
    """Active users with an email address, by username."""
    return get_user_model().objects.filter(is_active=True).exclude(email="").order_by("username")


def digest_send(*, pending: Pending, today: date, by=None) -> Digest | None:
    """Mail `pending.user` their digest for `today` and record it with each item's key and
    fingerprint, in one transaction (the system sends: `by` None). Nothing is sent or recorded when
    the digest has no new item or one already went to them that day. A forum action's case is
    recorded as read by the system on the user's behalf."""
    if not pending.new or pending.sent_today:
        return None
    user = pending.user
    with transaction.atomic(), acting_as(by):
        digest = Digest.objects.create(user=user, sent_on=today)
        DigestItem.objects.bulk_create([DigestItem(digest=digest, key=i.key, fingerprint=i.fingerprint)
                                        for i in pending.new])
        for case in Case.objects.filter(pk__in=[i.case_id for i in pending.new if i.case_id]):
            record_access(case, by=by)
        body = render_to_string("reminders/digest.txt", {
            "user": user, "today": today, "items": pending.new, "site": settings.DAPI_SITE_URL})
        EmailMessage(f"dapi: {len(pending.new)} thing{'s' if len(pending.new) != 1 else ''} need your action",
                     body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    return digest


def digests_send(*, today: date, dry_run: bool = False, by=None) -> list[Outcome]:
    """Every recipient's digest for `today` (see digest_send); with `dry_run`, only what would go,
    nothing sent or recorded."""
    outcomes = []
    for user in recipients():
        pending = pending_digest(user, today)
        titles = [i.title for i in pending.new]
        if pending.sent_today:
            outcomes.append(Outcome(user.username, [], False, "already sent today"))
        elif not titles:
            outcomes.append(Outcome(user.username, [], False, "nothing new"))
        elif dry_run:
            outcomes.append(Outcome(user.username, titles, False, "dry run"))
        else:
            digest_send(pending=pending, today=today, by=by)
            outcomes.append(Outcome(user.username, titles, True))
    return outcomes
