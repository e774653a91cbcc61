"""Reads for a worker's home: my cases, each with its last contact on my side, the next session the
system has booked (a CARA workshop: no other appointments are recorded), and what is overdue as the
models record it; the referrals waiting for me to screen; and recent changes to my cases by others.
Everything starts from access.py; names come from identities/ where the barrier allows them."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from auditlog.models import LogEntry
from django.utils import timezone

from .. import access as case_access
from ..assessment.models import AssessmentKind, RiskPlan
from ..cara.models import BookingStatus
from ..forums.access import forum_action_list_for
from ..forums.models import ActionStatus
from ..identities.selectors import identities_on_cases, identities_on_referrals
from ..models import CaseStatus, MemberRole, ReferralStatus, Side
from . import access

MY_CASES = 50
REFERRALS = 10
CHANGES = 15
RECENT_DAYS = 14
DONE = {LogEntry.Action.CREATE: "created", LogEntry.Action.UPDATE: "changed", LogEntry.Action.DELETE: "deleted"}


@dataclass
class CaseRow:
    case: object
    sides: set
    name: object = None
    last_contact: object = None
    next_session: object = None
    overdue: list[str] = field(default_factory=list)


def _overdue(user, case, sides, today: date) -> list[str]:
    """What the models say is overdue or missing on the sides of `case` that `user` sees."""
    due = []
    actions = forum_action_list_for(user, case).filter(status=ActionStatus.OPEN, due_on__lt=today).count()
    if actions:
        due.append(f"{actions} forum action{'s' if actions > 1 else ''} overdue")
    if Side.PERPETRATOR in sides:
        plan = RiskPlan.objects.filter(case=case).first()
        if plan is not None and plan.next_review_on < today:
            due.append(f"Risk plan review overdue since {plan.next_review_on:%-d %b %Y}")
        if case.status == CaseStatus.ACTIVE and not case.perpetrator_assessments.filter(
                kind=AssessmentKind.INTAKE).exists():
            due.append("Intake assessment not recorded")
    if Side.VICTIM in sides:
        victims = case.members.filter(role=MemberRole.VICTIM)
        without = victims.filter(risk_assessments__isnull=True).count()
        if without:
            due.append(f"DASH not recorded for {without} victim{'s' if without > 1 else ''}")
        plans = victims.filter(safety_plans__review_on__lt=today).distinct().count()
        if plans:
            due.append(f"Safety plan review overdue for {plans} victim{'s' if plans > 1 else ''}")
    return due


def _next_session(case, today: date):
    start = datetime.combine(today, time.min, tzinfo=timezone.get_current_timezone())
    return case.workshop_bookings.filter(status=BookingStatus.BOOKED, workshop__starts_at__gte=start) \
        .select_related("workshop").order_by("workshop__starts_at").first()


def my_cases(user, today: date) -> list[CaseRow]:
    """My open cases (at most MY_CASES), those with something overdue first."""
    cases = list(access.my_case_list_for(user).order_by("-referred_on", "pk")[:MY_CASES])
    names = identities_on_cases(user, cases)
    rows = []
    for case in cases:
        sides = case_access.sides_for(user, case)
        row = CaseRow(case=case, sides=sides, name=names.of(case.pk, case.perpetrator_id))
        row.last_contact = case_access.contact_list_for(user, case).filter(on__lte=today).order_by("-on", "-pk").first()
        if Side.PERPETRATOR in sides:
            row.next_session = _next_session(case, today)
        row.overdue = _overdue(user, case, sides, today)
        rows.append(row)
    rows.sort(key=lambda r: not r.overdue)
    return rows


def referrals_waiting(user) -> dict:
    """Referrals to a provider `user` manages still waiting to be screened, oldest first."""
    waiting = case_access.referral_list_for(user).filter(status=ReferralStatus.RECEIVED,
                                                         provider__in=case_access.managed_orgs(user))
    first = list(waiting.order_by("received_on", "pk")[:REFERRALS])
    return {"count": waiting.count(), "first": first, "names": identities_on_referrals(user, first)}


def recent_changes(user, cases) -> list[dict]:
    """The latest changes by others to my cases in the last RECENT_DAYS days: when, who, what kind of
    record (named by its pseudonymous description) and which fields, never their values."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    entries = access.change_list_for(user, cases).filter(timestamp__gte=since).order_by("-timestamp", "-pk")[:CHANGES]
    return [{"at": e.timestamp, "by": e.actor, "action": DONE.get(e.action, ""), "record": e.object_repr,
             "kind": e.content_type.model_class()._meta.verbose_name if e.content_type.model_class() else "",
             "fields": sorted(e.changes) if e.action == e.Action.UPDATE and isinstance(e.changes, dict) else []}
            for e in entries]


def worker_home(user, today: date) -> dict | None:
    """A case worker's home: None for someone with no case assigned and no referral to screen."""
    cases = my_cases(user, today)
    referrals = referrals_waiting(user)
    if not cases and not referrals["count"]:
        return None
    return {"cases": cases, "referrals": referrals, "changes": recent_changes(user, [r.case for r in cases]),
            "recent_days": RECENT_DAYS, "today": today}
