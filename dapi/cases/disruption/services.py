"""Recording disruption and protective actions. Each write checks its `by` through
disruption/access.py (`by=None` is the system), validates, saves and audits in one transaction;
a refusal raises Http404 and writes nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from . import access
from .models import DisruptionAction, DisruptionKind


@transaction.atomic
def disruption_action_create(*, case, kind: str, taken_on: date, agency, by) -> DisruptionAction:
    """Record that `agency` took an action of `kind` about the perpetrator of `case` on `taken_on`.
    Refuses a kind not in the coded list and a date after today, naming the field. Who may: anyone
    who sees a side of the case, for a Clare's Law disclosure only the victim side
    (`access.can_record`)."""
    if kind not in DisruptionKind.values:
        raise ValidationError({"kind": f"{kind!r} is not a kind of disruption or protective action; choose one of "
                                       f"{', '.join(DisruptionKind.values)}."})
    require(is_system(by) or access.can_record(by, case, kind), "No such case")
    errors = future_errors({"taken_on": ("The date the action was taken", taken_on)})
    if errors:
        raise ValidationError(errors)
    action = DisruptionAction(case=case, kind=kind, taken_on=taken_on, agency=agency)
    action.full_clean()
    with acting_as(by):
        action.save()
    return action
