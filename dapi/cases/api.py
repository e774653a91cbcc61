"""Cases, referrals and people as JSON, behind the same barrier as the pages.

Every object comes from access.py (404 for what may not be seen, in the same words as for what
does not exist); victim-side fields appear only for the victim side; every read of a case or a
person's record is audited.
"""

from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import ConfigDict, Field

from dapi.lib.api import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, ErrorOut, Pages
from dapi.accounts.schemas import OrganisationRef
from dapi.accounts.models import Area, Organisation
from dapi.audit.services import record_access
from dapi.funding.models import Programme
from dapi.funding.schemas import ProgrammeRef

from . import access, exits, selectors
from .models import CaseStatus, LawfulBasis, NeedKind, ReferralSource, ReferralStatus, Side
from .services import cases as case_services
from .services import referrals as referral_services

router = Router(tags=["cases"])


class LinkedPersonOut(Schema):
    member_id: int
    reference: str = Field(description="The pseudonymous reference; the only name shown across the barrier.")
    role: str
    latest_grade: str | None = Field(description="standard, medium or high, from the latest DASH (victims only).")
    latest_score: int | None
    safety_flags: list[str]


class CaseOut(Schema):
    id: int
    reference: str
    programme: ProgrammeRef
    provider: OrganisationRef
    victim_service: OrganisationRef | None
    status: CaseStatus
    perpetrator: str = Field(description="His pseudonymous reference.")
    referred_on: date
    assessment_on: date | None
    entered_on: date | None
    ended_on: date | None


class CaseDetailOut(CaseOut):
    sides: list[Side] = Field(description="The sides of the barrier you see on this case.")
    linked_people: list[LinkedPersonOut]
    rfgv_score_at_referral: Decimal | None


class IdentifyingDetailsOut(Schema):
    full_name: str
    date_of_birth: date | None
    address: str
    postcode: str
    phone: str
    email: str
    safe_to_contact: str


class SafetyPlanOut(Schema):
    agreed_on: date
    review_on: date | None
    plan: str


class VictimRecordOut(Schema):
    member_id: int
    reference: str
    role: str
    relationship: str
    safety_flags: list[str]
    offered_support_on: date | None
    engaged_support_on: date | None
    identifying_details: IdentifyingDetailsOut | None
    safety_plans: list[SafetyPlanOut]


def _case_out(case) -> dict:
    return {"id": case.pk, "reference": case.reference, "programme": case.programme, "provider": case.provider,
            "victim_service": case.victim_service, "status": case.status, "perpetrator": case.perpetrator.reference,
            "referred_on": case.referred_on, "assessment_on": case.assessment_on, "entered_on": case.entered_on,
            "ended_on": case.ended_on}


@router.get("/cases", response={200: list[CaseOut], **LIST_ERRORS}, summary="Cases you work on or manage")
@paginate(Pages)
def list_cases(request, status: CaseStatus | None = None):
    cases = selectors.caseload(request.auth, status=status or "")
    for case in cases:
        record_access(case, by=request.auth)
    return [_case_out(c) for c in cases]


@router.get("/cases/{case_id}", response={200: CaseDetailOut, **READ_ERRORS}, summary="One case, split by the barrier")
def get_case(request, case_id: int):
    case = access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    grades = selectors.latest_grades(case)
    people = [{"member_id": m.pk, "reference": m.person.reference, "role": m.role,
               "latest_grade": grades[m.pk].grade if m.pk in grades else None,
               "latest_score": grades[m.pk].score if m.pk in grades else None,
               "safety_flags": m.safety_flags} for m in access.member_list_for(request.auth, case)]
    return {**_case_out(case), "sides": sorted(access.sides_for(request.auth, case)), "linked_people": people,
            "rfgv_score_at_referral": case.referral.rfgv_score if case.referral_id else None}


class CaseStatusIn(Schema):
    to: CaseStatus
    on: date = Field(description="The day of the change; not after today.")
    version: int = Field(description="The case's version as you read it; a change made since answers 409.")
    exit_reason: str = Field("", description=f"Ending a case: one of {', '.join(dict(exits.EXIT_REASONS))} "
                                             "(completed may be left out for a completed case).")
    reason: str = Field("", description='The reason in words: needed for "other". Given alone (as before the '
                                        'coded list), it is taken as "other" with these words.')

    model_config = ConfigDict(extra="forbid")


class CaseStatusOut(CaseOut):
    version: int
    exit_reason: str = Field(description="Why it ended, from the coded list; empty while open.")
    end_reason: str = Field(description="The reason in words.")


@router.post("/cases/{case_id}/status", response={201: CaseStatusOut, 409: ErrorOut, **WRITE_ERRORS},
             summary="Move a case on, or end it with a coded exit reason (perpetrator side)")
def change_case_status(request, case_id: int, payload: CaseStatusIn):
    case = access.case_to_work_on(request.auth, case_id)
    case = case_services.case_change_status(
        case=case, by=request.auth, to=payload.to, on=payload.on, version=payload.version, reason=payload.reason,
        exit_reason=exits.coded(payload.to, payload.exit_reason, payload.reason))
    # 201: the move is recorded as a new status change, like the other action POSTs.
    return Status(201, {**_case_out(case), "version": case.version, "exit_reason": case.exit_reason,
                        "end_reason": case.end_reason})


@router.get("/cases/{case_id}/people/{member_id}", response={200: VictimRecordOut, **READ_ERRORS},
            summary="A victim's, child's or family member's record (victim side only)")
def get_victim_record(request, case_id: int, member_id: int):
    case = access.case_get_for(request.auth, case_id)
    member = access.victim_record_get_for(request.auth, case, member_id)
    details = access.identifying_details_for(request.auth, case, member.person)
    record_access(member.person, by=request.auth)
    if details:
        record_access(details, by=request.auth)
    return {"member_id": member.pk, "reference": member.person.reference, "role": member.role,
            "relationship": member.relationship, "safety_flags": member.safety_flags,
            "offered_support_on": member.offered_support_on, "engaged_support_on": member.engaged_support_on,
            "identifying_details": details, "safety_plans": list(access.safety_plan_list_for(request.auth, member))}


class PersonHit(Schema):
    reference: str
    case_id: int
    case_reference: str


@router.get("/people/search", response={200: list[PersonHit], **LIST_ERRORS},
            summary="Find people on your cases by reference, or by name where you may read their details")
@paginate(Pages)
def search_people(request, q: str = Query(..., min_length=2, max_length=100)):
    return [{"reference": p.reference, "case_id": c.pk, "case_reference": c.reference}
            for p, c in selectors.person_search(request.auth, q)]


class CriterionOutcome(StrEnum):
    """One eligibility criterion against the referral (cases.eligibility)."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_KNOWN = "not_known"


class ScreeningOutcome(StrEnum):
    """The referral against all the programme's criteria (cases.eligibility)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_INFORMATION = "needs_information"


class ScreeningResultOut(Schema):
    kind: str
    outcome: CriterionOutcome
    explanation: str


class ScreeningOut(Schema):
    outcome: ScreeningOutcome
    summary: str
    results: list[ScreeningResultOut]


class ReferralOut(Schema):
    id: int
    person: str = Field(description="The pseudonymous reference of the person referred.")
    programme: ProgrammeRef
    provider: OrganisationRef
    referring_organisation: OrganisationRef
    source: ReferralSource
    received_on: date
    status: ReferralStatus
    screening: ScreeningOut | None
    rfgv_score: Decimal | None
    case_id: int | None


def _referral_out(r, user) -> dict:
    case = access.case_list_for(user).filter(referral=r).values_list("pk", flat=True).first()
    return {"id": r.pk, "person": r.person.reference, "programme": r.programme, "provider": r.provider,
            "referring_organisation": r.referring_organisation, "source": r.source, "received_on": r.received_on,
            "status": r.status, "screening": r.screening or None, "rfgv_score": r.rfgv_score, "case_id": case}


@router.get("/referrals", response={200: list[ReferralOut], **LIST_ERRORS}, summary="Referrals you made or screen")
@paginate(Pages)
def list_referrals(request):
    return [_referral_out(r, request.auth) for r in access.referral_list_for(request.auth)]


@router.get("/referrals/{referral_id}", response={200: ReferralOut, **READ_ERRORS}, summary="One referral")
def get_referral(request, referral_id: int):
    referral = access.referral_get_for(request.auth, referral_id)
    record_access(referral, by=request.auth)
    return _referral_out(referral, request.auth)


class ReferralIn(Schema):
    programme: str = Field(description="Programme slug.")
    provider: str = Field(description="Name of the provider that screens it.")
    referring_organisation: str = Field(description="Name of your organisation.")
    source: ReferralSource
    received_on: date
    reason: str = Field(min_length=1)
    lawful_basis: LawfulBasis
    dash_score: int | None = Field(None, ge=0, le=24)
    marac_criteria_met: bool | None = None
    matac_checked: bool = False
    matac_rank: int | None = Field(None, ge=1)
    needs_checked: bool = False
    complex_needs: list[str] = Field(default_factory=list, description="Need kind codes, e.g. housing.")
    area: str | None = Field(None, description="Name of the area he lives in.")
    age: int | None = Field(None, ge=10, le=120)

    # A field this operation does not take is refused (422), never ignored: a police identifier in
    # particular comes only from a force's own ranking (identification), never from here.
    model_config = ConfigDict(extra="forbid")


@router.post("/referrals", response={201: ReferralOut, **WRITE_ERRORS}, summary="Refer a perpetrator; screened at once")
def create_referral(request, payload: ReferralIn):
    """The referral form's path: the same service and checks (the provider must be a provider that
    delivers the programme)."""
    data = payload.dict()
    referring = access.organisation_to_refer_for(request.auth, data.pop("referring_organisation"))
    try:
        programme = Programme.objects.get(slug=data.pop("programme"))
        provider = Organisation.objects.get(name=data.pop("provider"))
    except (Programme.DoesNotExist, Organisation.DoesNotExist):
        raise Http404("No such programme or organisation (the referring organisation must be yours)") from None
    area_name = data.pop("area")
    area = Area.objects.filter(name=area_name).first() if area_name else None
    needs = list(NeedKind.objects.filter(code__in=data.pop("complex_needs")))
    referral = referral_services.referral_of_new_person_create(
        by=request.auth, programme=programme, provider=provider, referring_organisation=referring, area=area,
        complex_needs=needs, **data)
    return Status(201, _referral_out(referral, request.auth))

