"""The work on a case as JSON, behind the same barrier as the pages: sessions and contacts, his
needs and goals, her DASH assessments and safety plans.

Each operation takes its case (and her record) from access.py exactly as the page does, so what a
page answers 404 the API answers 404 in the same words; writes go through the pages' services,
which check `by` again, refuse a date after today naming the field, and write the audit row in the
same transaction. Every read of a case or of her record is audited. Nothing here is a new rule.
"""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import ConfigDict, Field

from dapi.audit.services import record_access
from dapi.lib.api import READ_ERRORS, WRITE_ERRORS, Pages

from . import access, selectors
from .models import Attendance, CaseMember, ContactKind, GoalStatus, Grade, NeedKind, NeedStatus, Side
from .services import risk as risk_services
from .services import work as work_services

router = Router(tags=["cases"])


def _member(queryset, member_id: int | None, field: str, what: str) -> CaseMember:
    """The member of `queryset` with this id, or a 422 naming `field` and the ids that would do."""
    found = queryset.filter(pk=member_id).first() if member_id is not None else None
    if found is None:
        ids = ", ".join(str(pk) for pk in queryset.values_list("pk", flat=True)) or "none on this case"
        raise ValidationError({field: f"Choose {what} of this case by member id: {ids}."})
    return found


# -- sessions and contacts ------------------------------------------------------------------------------

class ContactOut(Schema):
    id: int
    side: Side
    kind: ContactKind
    on: date
    duration_minutes: int | None
    attendance: Attendance
    member_id: int | None = Field(description="The victim a victim-side contact was with.")
    worker: str = Field(description="The username of the worker who recorded it.")


class ContactIn(Schema):
    side: Side = Field(description="Your side of the case: perpetrator (his sessions) or victim (contacts with her).")
    kind: ContactKind
    on: date = Field(description="The day of the session or contact; not after today.")
    attendance: Attendance
    duration_minutes: int | None = Field(None, ge=1, le=600)
    member_id: int | None = Field(None, description="Victim side: the victim the contact was with (her member id).")
    notes: str = Field("", max_length=10_000, description="Kept on the side it was recorded on; never in the audit log.")

    model_config = ConfigDict(extra="forbid")


def _contact(c) -> dict:
    return {"id": c.pk, "side": c.side, "kind": c.kind, "on": c.on, "duration_minutes": c.duration_minutes,
            "attendance": c.attendance, "member_id": c.member_id, "worker": c.worker.username}


@router.get("/cases/{case_id}/contacts", response={200: list[ContactOut], **READ_ERRORS},
            summary="Sessions and contacts on the sides of the case you see")
@paginate(Pages)
def list_contacts(request, case_id: int):
    case = access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_contact(c) for c in access.contact_list_for(request.auth, case)]


@router.post("/cases/{case_id}/contacts", response={201: ContactOut, **WRITE_ERRORS},
             summary="Record a session or contact on your side of the case")
def create_contact(request, case_id: int, payload: ContactIn):
    data = payload.dict()
    case = access.case_to_record_contact(request.auth, case_id, data["side"])
    members = selectors.contact_form_choices(case, data["side"])["members"]
    member_id = data.pop("member_id")
    if members is None and member_id is not None:
        raise ValidationError({"member_id": "A perpetrator-side session is not with a victim: leave it out."})
    data["member"] = _member(members, member_id, "member_id", "a victim") if members is not None else None
    contact = work_services.contact_create(case=case, worker=request.auth, by=request.auth, **data)
    return Status(201, _contact(contact))


# -- his needs and goals ----------------------------------------------------------------------------------

class NeedOut(Schema):
    id: int
    kind: str = Field(description="The need kind's code, e.g. housing.")
    status: NeedStatus
    identified_on: date
    updated_on: date | None


class NeedIn(Schema):
    kind: str = Field(description="A need kind's code, e.g. housing or mental_health.")
    status: NeedStatus = NeedStatus.IDENTIFIED
    identified_on: date = Field(description="The day the need was identified; not after today.")

    model_config = ConfigDict(extra="forbid")


class GoalOut(Schema):
    id: int
    description: str
    status: GoalStatus
    set_on: date
    target_on: date | None


class GoalIn(Schema):
    description: str = Field(min_length=1, max_length=300)
    status: GoalStatus = GoalStatus.OPEN
    set_on: date = Field(description="The day the goal was set; not after today.")
    target_on: date | None = Field(None, description="The day it should be reached by (may be ahead).")

    model_config = ConfigDict(extra="forbid")


def _need(n) -> dict:
    return {"id": n.pk, "kind": n.kind.code, "status": n.status, "identified_on": n.identified_on,
            "updated_on": n.updated_on}


def _goal(g) -> dict:
    return {"id": g.pk, "description": g.description, "status": g.status, "set_on": g.set_on,
            "target_on": g.target_on}


@router.get("/cases/{case_id}/needs", response={200: list[NeedOut], **READ_ERRORS}, summary="His needs")
@paginate(Pages)
def list_needs(request, case_id: int):
    case = access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_need(n) for n in case.needs.select_related("kind")]


@router.post("/cases/{case_id}/needs", response={201: NeedOut, **WRITE_ERRORS},
             summary="Record a need of his (perpetrator side)")
def create_need(request, case_id: int, payload: NeedIn):
    case = access.case_to_work_on(request.auth, case_id)
    data = payload.dict()
    kind = NeedKind.objects.filter(code=data["kind"]).first()
    if kind is None:
        codes = ", ".join(NeedKind.objects.values_list("code", flat=True))
        raise ValidationError({"kind": f"No need kind with the code {data['kind']!r}; the codes are {codes}."})
    need = work_services.need_create(case=case, by=request.auth, **{**data, "kind": kind})
    return Status(201, _need(need))


@router.get("/cases/{case_id}/goals", response={200: list[GoalOut], **READ_ERRORS}, summary="His goals")
@paginate(Pages)
def list_goals(request, case_id: int):
    case = access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_goal(g) for g in case.goals.all()]


@router.post("/cases/{case_id}/goals", response={201: GoalOut, **WRITE_ERRORS},
             summary="Set him a goal (perpetrator side)")
def create_goal(request, case_id: int, payload: GoalIn):
    case = access.case_to_work_on(request.auth, case_id)
    return Status(201, _goal(work_services.goal_create(case=case, by=request.auth, **payload.dict())))


# -- her DASH assessments and safety plans (victim side) -----------------------------------------------

class DashGradeOut(Schema):
    id: int
    member_id: int
    reference: str = Field(description="Her pseudonymous reference.")
    assessed_on: date
    score: int = Field(description="The number of yes answers (0 to 24).")
    grade: Grade
    marac_referral: bool


class DashOut(DashGradeOut):
    computed_grade: Grade
    judgement_grade: Grade | None
    marac_reasons: list[str]


class DashIn(Schema):
    assessed_on: date = Field(description="The day of the assessment; not after today.")
    incident_on: date | None = Field(None, description="The incident prompting it: on or before assessed_on.")
    answers: dict[str, str] = Field(description='The 24 items by number ("1" to "24"), each yes, no or not_known.')
    judgement_grade: Grade | None = Field(None, description="Professional judgement: may raise the grade, never "
                                                            "lower it.")
    judgement_reason: str = Field("", max_length=5_000)

    model_config = ConfigDict(extra="forbid")


class SafetyPlanOut(Schema):
    id: int
    agreed_on: date
    review_on: date | None
    plan: str


class SafetyPlanIn(Schema):
    agreed_on: date = Field(description="The day the plan was agreed; not after today.")
    review_on: date | None = Field(None, description="The day it is to be reviewed (may be ahead).")
    plan: str = Field(min_length=1, max_length=20_000)

    model_config = ConfigDict(extra="forbid")


def _grade(a) -> dict:
    return {"id": a.pk, "member_id": a.member_id, "reference": a.member.person.reference,
            "assessed_on": a.assessed_on, "score": a.score, "grade": a.grade, "marac_referral": a.marac_referral}


@router.get("/cases/{case_id}/dash-assessments", response={200: list[DashGradeOut], **READ_ERRORS},
            summary="Her DASH grades (shared with both sides of the case; the answers stay on hers)")
@paginate(Pages)
def list_dash_grades(request, case_id: int):
    case = access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_grade(a) for a in access.risk_assessment_list_for(request.auth, case)]


@router.post("/cases/{case_id}/people/{member_id}/dash-assessments", response={201: DashOut, **WRITE_ERRORS},
             summary="Record a DASH checklist for a victim of the case (victim side only)")
def create_dash_assessment(request, case_id: int, member_id: int, payload: DashIn):
    case = access.case_get_for(request.auth, case_id)
    member = access.victim_record_get_for(request.auth, case, member_id)
    data = payload.dict()
    made = risk_services.risk_assessment_create(
        case=case, member=member, by=request.auth, answers=data["answers"], assessed_on=data["assessed_on"],
        incident_on=data["incident_on"], judgement_grade=data["judgement_grade"] or "",
        judgement_reason=data["judgement_reason"])
    return Status(201, {**_grade(made), "computed_grade": made.computed_grade,
                        "judgement_grade": made.judgement_grade or None, "marac_reasons": made.marac_reasons})


@router.get("/cases/{case_id}/people/{member_id}/safety-plans", response={200: list[SafetyPlanOut], **READ_ERRORS},
            summary="Her safety plans (victim side only)")
@paginate(Pages)
def list_safety_plans(request, case_id: int, member_id: int):
    case = access.case_get_for(request.auth, case_id)
    member = access.victim_record_get_for(request.auth, case, member_id)
    record_access(member.person, by=request.auth)
    return list(access.safety_plan_list_for(request.auth, member).values("id", "agreed_on", "review_on", "plan"))


@router.post("/cases/{case_id}/people/{member_id}/safety-plans", response={201: SafetyPlanOut, **WRITE_ERRORS},
             summary="Record a safety plan with a victim, or for a child (victim side only)")
def create_safety_plan(request, case_id: int, member_id: int, payload: SafetyPlanIn):
    case = access.case_get_for(request.auth, case_id)
    member = access.victim_record_get_for(request.auth, case, member_id)
    plan = work_services.safety_plan_create(member=member, by=request.auth, **payload.dict())
    return Status(201, {"id": plan.pk, "agreed_on": plan.agreed_on, "review_on": plan.review_on, "plan": plan.plan})

