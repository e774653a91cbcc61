"""Who may see and record disruption and protective actions, on top of the case barrier
(cases/access.py).

A Clare's Law disclosure (right to ask, right to know) is hers: only the victim side of the case
sees or records it. Every other kind (notices and orders, bail conditions, arrests, charges,
breaches) is an action against him, seen and recorded by whoever sees either side of the case.
Anything else answers 404, in the same words as for a case that does not exist.
"""

from django.db.models import QuerySet
from django.http import Http404

from .. import access as case_access
from ..models import Case, Side
from .models import VICTIM_SIDE_KINDS, DisruptionAction, DisruptionKind


def kinds_for(user, case: Case) -> list[str]:
    """The kinds of action `user` may see and record on `case`, in the coded list's order."""
    sides = case_access.sides_for(user, case)
    if not sides:
        return []
    return [k for k in DisruptionKind.values if Side.VICTIM in sides or k not in VICTIM_SIDE_KINDS]


def can_record(user, case: Case, kind: str) -> bool:
    """Someone who sees a side of the case records an action against him; only the victim side
    records a Clare's Law disclosure."""
    return kind in kinds_for(user, case)


def disruption_action_list_for(user, case: Case) -> QuerySet[DisruptionAction]:
    """The actions of `case` that `user` may see (none of a case they cannot see)."""
    return case.disruption_actions.filter(kind__in=kinds_for(user, case)).select_related("agency")


def case_to_record_disruption(user, case_id) -> Case:
    """A case on which `user` may record a disruption action (they see a side of it); 404 otherwise."""
    case = case_access.case_get_for(user, case_id)
    if not kinds_for(user, case):
        raise Http404("No such case")
    return case
