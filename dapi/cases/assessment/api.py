"""His assessments and risk management plan as JSON, behind the same barrier as the pages: the case
comes from assessment/access.py (404 for the victim side and anyone else); writes go through the
same services as the pages; every read is audited."""

from datetime import date

from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import ConfigDict, Field

from dapi.audit.services import record_access
from dapi.lib.api import READ_ERRORS, WRITE_ERRORS, Pages

from . import access, selectors, services
from .models import AssessmentKind, PerpetratorAssessment, RiskPlan

router = Router(tags=["cases"])


class AssessmentOut(Schema):
    id: int
    kind: AssessmentKind
    assessed_on: date
    tool: str = Field(description="The title of the tool used.")
    answers: dict[str, int] = Field(description="Item position (as text) to the answer on its scale.")
    total: int
    summary: str


class AssessmentIn(Schema):
    kind: AssessmentKind
    assessed_on: date = Field(description="The day of the assessment; not after today.")
    answers: dict[str, int] = Field(description="Item position (as text) to a whole number on the item's scale.")
    summary: str = ""

    model_config = ConfigDict(extra="forbid")


class ActionOut(Schema):
    who: str
    what: str


class PlanReviewOut(Schema):
    reviewed_on: date
    next_review_on: date
    risks: list[str]
    actions: list[ActionOut]


class RiskPlanOut(Schema):
    agreed_on: date
    reviewed_on: date
    next_review_on: date
    overdue: bool = Field(description="The case is open and its next review date is before today.")
    risks: list[str]
    actions: list[ActionOut]
    reviews: list[PlanReviewOut] = Field(description="Its agreement and reviews, newest first.")


class CaseRiskPlanOut(Schema):
    case_id: int
    plan: RiskPlanOut | None = Field(description="Empty until a plan is agreed.")


class PlanReviewIn(Schema):
    reviewed_on: date = Field(description="The day it was agreed or reviewed; not after today.")
    risks: list[str]
    actions: list[dict[str, str]] = Field(description='Each {"who": ..., "what": ...}.')
    next_review_on: date
    note: str = ""

    model_config = ConfigDict(extra="forbid")


def _assessment(a: PerpetratorAssessment) -> dict:
    return {"id": a.pk, "kind": a.kind, "assessed_on": a.assessed_on, "tool": a.tool.title, "answers": a.answers,
            "total": a.total, "summary": a.summary}


def _plan(case, plan: RiskPlan) -> dict:
    return {"agreed_on": plan.agreed_on, "reviewed_on": plan.reviewed_on, "next_review_on": plan.next_review_on,
            "overdue": selectors.plan_overdue(case, plan), "risks": plan.risks, "actions": plan.actions,
            "reviews": [{"reviewed_on": r.reviewed_on, "next_review_on": r.next_review_on, "risks": r.risks,
                         "actions": r.actions} for r in plan.reviews.order_by("-reviewed_on", "-pk")]}


@router.get("/cases/{case_id}/perpetrator-assessments", response={200: list[AssessmentOut], **READ_ERRORS},
            summary="His assessments with the programme's tool (perpetrator side only)")
@paginate(Pages)
def list_perpetrator_assessments(request, case_id: int):
    case = access.case_to_assess(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_assessment(a) for a in access.assessment_list_for(request.auth, case)]


@router.post("/cases/{case_id}/perpetrator-assessments", response={201: AssessmentOut, **WRITE_ERRORS},
             summary="Record his intake assessment, a review or his exit assessment")
def create_perpetrator_assessment(request, case_id: int, payload: AssessmentIn):
    case = access.case_to_assess(request.auth, case_id)
    made = services.perpetrator_assessment_record(case=case, by=request.auth, **payload.dict())
    return Status(201, _assessment(made))


@router.get("/cases/{case_id}/risk-plan", response={200: CaseRiskPlanOut, **READ_ERRORS},
            summary="His risk management plan with its reviews (perpetrator side only)")
def get_risk_plan(request, case_id: int):
    case = access.case_to_assess(request.auth, case_id)
    plan = access.risk_plan_for(request.auth, case)
    record_access(case, by=request.auth)
    return {"case_id": case.pk, "plan": plan and _plan(case, plan)}


@router.post("/cases/{case_id}/risk-plan/reviews", response={201: CaseRiskPlanOut, **WRITE_ERRORS},
             summary="Agree his risk management plan, or review it")
def review_risk_plan(request, case_id: int, payload: PlanReviewIn):
    case = access.case_to_assess(request.auth, case_id)
    plan = services.risk_plan_review(case=case, by=request.auth, **payload.dict())
    return Status(201, {"case_id": case.pk, "plan": _plan(case, plan)})
