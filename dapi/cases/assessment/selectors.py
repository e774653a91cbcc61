"""Reads for his assessments and risk management plan: the case page's section (perpetrator side
only, through access.py), the forms' tool and the caseload's overdue reviews."""

from dapi.lib.clock import today

from ..models import Case
from . import access
from .services import tool_for


def plan_overdue(case: Case, plan) -> bool:
    """A plan of an open case whose next review date is before today (`clock.today()`)."""
    return plan is not None and case.ended_on is None and plan.next_review_on < today()


def case_assessment_context(user, case: Case) -> dict | None:
    """For the perpetrator side: his assessments (each with its answers by item), the change of
    total from intake to the latest, his plan with its history and whether its review is overdue.
    None for anyone else, whose page shows no such section."""
    if not access.sees(user, case):
        return None
    assessments = list(access.assessment_list_for(user, case))
    tool = assessments[0].tool if assessments else tool_for(case.programme)
    items = list(tool.items.all())
    rows = [{"assessment": a, "answers": [(i.wording, a.answers.get(str(i.position))) for i in items]}
            for a in assessments]
    plan = access.risk_plan_for(user, case)
    return {
        "tool": tool, "assessments": rows, "most": sum(i.scale_max for i in items),
        "change": assessments[-1].total - assessments[0].total if len(assessments) > 1 else None,
        "plan": plan, "reviews": list(plan.reviews.select_related("reviewer").order_by("-reviewed_on", "-pk"))
        if plan else [], "overdue": plan_overdue(case, plan), "can_record": access.can_record(user, case),
    }


def overdue_plans(user) -> dict:
    """The cases of `user`'s caseload (perpetrator side) whose plan is overdue for review: their
    ids, for a flag on each row, and how many."""
    ids = set(access.overdue_plan_list_for(user, today()).values_list("case_id", flat=True))
    return {"ids": ids, "count": len(ids)}


def form_tool(case: Case):
    """The tool his next assessment uses: that of his intake, or his programme's."""
    intake = case.perpetrator_assessments.filter(kind="intake").select_related("tool").first()
    return intake.tool if intake else tool_for(case.programme)
