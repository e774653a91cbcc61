"""Who may see and record his assessments and risk management plan, on top of the case barrier
(cases/access.py).

They are perpetrator-side records, like his sessions, needs and goals: read and recorded by the
perpetrator side of the case (its assigned perpetrator-side workers and the provider's managers);
the victim side, and anyone else, gets 404 in the same words as for a case that does not exist.
The tool itself is the programme's configuration, written by those who may change the programme
(its lead commissioner's commissioners and finance officers), as its eligibility rules are.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from dapi.funding import access as funding_access

from .. import access as case_access
from ..models import Case, Side
from .models import PerpetratorAssessment, RiskPlan


def sees(user, case: Case) -> bool:
    """The perpetrator side of the case (`cases.access.sides_for`, kept for the request)."""
    return Side.PERPETRATOR in case_access.sides_for(user, case)


def can_record(user, case: Case) -> bool:
    """His side of the case records his assessments and plan (looked up afresh for a write)."""
    return case_access.can_see_perpetrator_side(user, case)


def case_to_assess(user, case_id) -> Case:
    """A case whose assessments and plan `user` may read and record: its perpetrator side; 404
    for the victim side and anyone else."""
    case = case_access.case_get_for(user, case_id)
    if not sees(user, case):
        raise Http404("No such case")
    return case


def assessment_list_for(user, case: Case) -> QuerySet[PerpetratorAssessment]:
    """His assessments, oldest first: the perpetrator side only; 404 across the barrier."""
    if not sees(user, case):
        raise Http404("No such case")
    return case.perpetrator_assessments.select_related("tool", "assessor").order_by("assessed_on", "pk")


def risk_plan_for(user, case: Case) -> RiskPlan | None:
    """His risk management plan (None before one is agreed): the perpetrator side only; 404 across
    the barrier."""
    if not sees(user, case):
        raise Http404("No such case")
    return RiskPlan.objects.filter(case=case).first()


def overdue_plan_list_for(user, today: date) -> QuerySet[RiskPlan]:
    """Plans of the open cases whose perpetrator side `user` sees, next due for review before `today`."""
    cases = Case.objects.filter(case_access.case_side_q(user, Side.PERPETRATOR))
    return RiskPlan.objects.filter(case__in=cases, next_review_on__lt=today, case__ended_on__isnull=True)


def can_set_tool(user, programme) -> bool:
    """A programme's own tool: those who may change the programme (`funding.access.can_change_programme`);
    the example tool (no programme): the system only."""
    return programme is not None and funding_access.can_change_programme(user, programme)
