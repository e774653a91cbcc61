"""The operator's check of the information barrier (`dapi check-barrier`): every person who holds a
claim on both sides of one case (issue 16 item 2, one person, one side).

A claim is what `access.sides_claimed` says: managing the organisation delivering a side, or ever
having been assigned to it. The service refuses new assignments that would make a second claim,
and `access.sides_for` shows such a person the perpetrator side only; but a membership given
later (an administrator adds a role), or rows from before the rule, can still put someone on both
sides. This finds them so that an operator ends the assignment or membership, and can read the
audit log for what they saw. It names users and cases by username and reference only, never a
victim's or perpetrator's name.
"""

from collections import defaultdict
from dataclasses import dataclass

from dapi.accounts.models import Membership, Role, User

from . import access
from .models import Assignment, Case, Side, WorkerRole


@dataclass(frozen=True)
class Breach:
    username: str
    case: Case
    perpetrator_side: str
    victim_side: str


def _candidates() -> set[tuple[int, int]]:
    """(user id, case id) pairs that may hold both sides: a person assigned to a case who also has
    another assignment on it or manages one of its organisations, and managers of both of a
    case's organisations (one organisation delivering both, or two)."""
    managed = defaultdict(set)
    for user_id, org_id in Membership.objects.filter(role=Role.PROVIDER_MANAGER).values_list("user", "organisation"):
        managed[user_id].add(org_id)
    pairs = set()
    sides = defaultdict(set)
    rows = Assignment.objects.values_list("worker", "case", "side", "case__provider", "case__victim_service")
    for user_id, case_id, side, provider, victim_service in rows:
        sides[user_id, case_id].add(side)
        if len(sides[user_id, case_id]) > 1 or {provider, victim_service} & managed.get(user_id, set()):
            pairs.add((user_id, case_id))
    for user_id, orgs in managed.items():
        both = Case.objects.filter(provider__in=orgs, victim_service__in=orgs).values_list("pk", flat=True)
        pairs.update((user_id, case_id) for case_id in both)
    return pairs


def _how(user: User, case: Case, side: str) -> str:
    org = case.provider if side == Side.PERPETRATOR else case.victim_service
    how = [f"manages {org.name}"] if org and org.pk in access.managed_orgs(user) else []
    for a in Assignment.objects.filter(case=case, worker=user, side=side).order_by("started_on", "pk"):
        until = f" to {a.ended_on:%Y-%m-%d}" if a.ended_on else ""
        how.append(f"assigned as {WorkerRole(a.role).label.lower()} from {a.started_on:%Y-%m-%d}{until}")
    return "; ".join(how)


def barrier_breaches() -> list[Breach]:
    """Everyone with a claim on both sides of a case (`access.sides_claimed`), with how they hold
    each side, by username and case reference."""
    pairs = _candidates()
    users = User.objects.in_bulk({u for u, _ in pairs})
    cases = Case.objects.select_related("provider", "victim_service").in_bulk({c for _, c in pairs})
    breaches = []
    for user_id, case_id in pairs:
        user, case = users[user_id], cases[case_id]
        if access.sides_claimed(user, case) == {Side.PERPETRATOR, Side.VICTIM}:
            breaches.append(Breach(user.username, case, _how(user, case, Side.PERPETRATOR),
                                   _how(user, case, Side.VICTIM)))
    return sorted(breaches, key=lambda b: (b.username, b.case.reference))
