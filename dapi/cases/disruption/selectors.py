"""Reads for disruption and protective actions: a case page's section (the actions `user` may see,
and their counts by kind before and from his entry to the programme) and the form's choices.
Everything starts from disruption/access.py."""

from django.db.models import QuerySet

from dapi.accounts.models import Organisation

from ..models import Case
from . import access
from .models import DisruptionKind


def case_disruption_context(user, case: Case) -> dict:
    """The actions of `case` that `user` may see, newest first, and for each kind seen at least
    once how many were taken before he entered the programme and how many on or after that day
    (all count as before while he has not entered)."""
    actions = list(access.disruption_action_list_for(user, case))
    counts = {}
    for action in actions:
        row = counts.setdefault(action.kind, {"kind": DisruptionKind(action.kind).label, "before": 0, "after": 0})
        after = case.entered_on is not None and action.taken_on >= case.entered_on
        row["after" if after else "before"] += 1
    return {
        "actions": actions,
        "counts": [counts[k] for k in DisruptionKind.values if k in counts],
        "can_record": bool(access.kinds_for(user, case)),
    }


def form_choices(user, case: Case) -> dict:
    """The kinds `user` may record on `case` and the agencies to choose from."""
    return {"kinds": [(k, DisruptionKind(k).label) for k in access.kinds_for(user, case)],
            "agencies": agencies()}


def agencies() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")
