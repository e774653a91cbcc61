"""Decision records and panel resolutions as JSON.

Reads go through access.py and selectors.py, writes through services.py. What a user may not
see, and what they may see but not change, answers 404 alike, as on the pages.
"""

from datetime import date

from django.db.models import prefetch_related_objects
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import Field

from dapi.lib import clock
from dapi.lib.api import AS_OF_ERRORS, AS_OF_HELP, LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Computed, ErrorOut, Pages
from dapi.accounts.schemas import OrganisationRef
from dapi.lib.money import FinancialYear
from dapi.funding.schemas import ProgrammeRef, ReconciliationOut, reconciliation_out

from . import access, selectors, services
from .models import Decision, DecisionStatus, DocumentType, Resolution, ResolutionStatus, TotalComponent

router = Router(tags=["decisions"])

# -- decisions -----------------------------------------------------------------------------------


class DecisionOut(Schema):
    id: int
    reference: str
    title: str
    document_type: DocumentType
    organisation: OrganisationRef = Field(description="The body that made or published the decision.")
    decision_maker: str
    status: DecisionStatus
    status_text: str = Field(description="The status as published.")
    is_key_decision: bool | None
    is_subject_to_call_in: bool | None
    decision_date: date | None
    publication_date: date | None


class RecommendationOut(Schema):
    number: str
    text: str


class ImplicationOut(Schema):
    topic: str
    considered: bool | None
    notes: str


class ApprovalOut(Schema):
    name: str
    role: str
    approved_on: date | None


class LinksOut(Schema):
    """Ids of the money the decision decides (see /api/awards/{id} and so on)."""

    programmes: list[int]
    awards: list[int]
    agreements: list[int]
    allocations: list[int]
    match_contributions: list[int]


class StatedTotalOut(ReconciliationOut):
    """A total the record states, checked against the linked money it should add up to."""

    component: TotalComponent
    financial_year: str | None
    programme: ProgrammeRef | None = Field(description="When set, only this programme's linked money counts.")


class DecisionDetailOut(DecisionOut):
    summary: str
    decision_text: str
    lead_officer: str
    source_note: str
    programmes: list[ProgrammeRef]
    recommendations: list[RecommendationOut]
    implications: list[ImplicationOut]
    approvals: list[ApprovalOut]
    links: LinksOut
    stated_totals: list[StatedTotalOut]


def _decision_detail(decision: Decision) -> dict:
    prefetch_related_objects(
        [decision], "programmes", "awards__funder", "agreements__provider", "allocations__recipient",
        "match_contributions__partner", "recommendations", "implications", "approvals", "stated_totals__programme")
    totals = [
        {**reconciliation_out(r), "component": t.component, "programme": t.programme,
         "financial_year": None if t.financial_year is None else str(FinancialYear(t.financial_year))}
        for t, r in zip(decision.stated_totals.all(), selectors.decision_reconciliations(decision), strict=True)
    ]
    links = {name: [item.pk for item in getattr(decision, name).all()] for name in services.LINKS}
    return {
        **{field: getattr(decision, field) for field in DecisionDetailOut.model_fields
           if field not in {"links", "stated_totals", "programmes", "recommendations", "implications", "approvals"}},
        "programmes": list(decision.programmes.all()), "recommendations": list(decision.recommendations.all()),
        "implications": list(decision.implications.all()), "approvals": list(decision.approvals.all()),
        "links": links, "stated_totals": totals,
    }


@router.get("/decisions", response={200: list[DecisionOut], **LIST_ERRORS}, summary="Decision records you may see")
@paginate(Pages)
def list_decisions(request):
    return access.decision_list_for(request.auth)


@router.get("/decisions/{decision_id}", response={200: DecisionDetailOut, **READ_ERRORS},
            summary="One decision record, with its stated totals reconciled against the money it links")
def get_decision(request, decision_id: int):
    return _decision_detail(access.decision_get_for(request.auth, decision_id))


# -- resolutions ---------------------------------------------------------------------------------


class MeetingRef(Schema):
    id: int
    title: str
    held_on: date | None
    body: OrganisationRef


class ResolutionOut(Schema):
    id: int
    meeting: MeetingRef
    number: str
    text: str
    owner: str
    due_on: date | None
    trigger: str = Field(description="The event it is due on, when it is due on one.")
    status: ResolutionStatus
    completed_on: date | None
    version: int = Field(description="Send this back with a PATCH; a stale version answers 409.")
    overdue: bool


class ResolutionIn(Schema):
    meeting: int = Field(description="The id of the meeting that resolved it.")
    number: str = ""
    text: str
    owner: str = ""
    due_on: date | None = None
    trigger: str = ""
    status: ResolutionStatus = ResolutionStatus.OPEN
    completed_on: date | None = None


class ResolutionPatch(Schema):
    """Only the fields sent change."""

    version: int = Field(description="The version you read; 409 if the resolution changed since.")
    number: str | None = None
    text: str | None = None
    owner: str | None = None
    due_on: date | None = None
    trigger: str | None = None
    status: ResolutionStatus | None = None
    completed_on: date | None = None


def _resolution_out(resolution: Resolution, today: date) -> dict:
    overdue = (resolution.status == ResolutionStatus.OPEN and resolution.due_on is not None
               and resolution.due_on < today)
    return {**{field: getattr(resolution, field) for field in ResolutionOut.model_fields if field != "overdue"},
            "overdue": overdue}


@router.get("/resolutions", response={200: list[ResolutionOut], **LIST_ERRORS, **AS_OF_ERRORS},
            summary="Open resolutions you may see, soonest due first")
@paginate(Pages)
def list_resolutions(request, overdue: bool = Query(False, description="Only open resolutions past their due date."),
                     today: date | None = Query(None, description=AS_OF_HELP)):
    as_of = clock.as_of(today)
    resolutions = selectors.resolutions_for(request.auth)
    resolutions = (selectors.resolutions_overdue(resolutions, as_of) if overdue
                   else selectors.resolutions_open(resolutions))
    return Computed(resolutions, lambda r: _resolution_out(r, as_of))


@router.get("/resolutions/{resolution_id}", response={200: ResolutionOut, **READ_ERRORS}, summary="One resolution")
def get_resolution(request, resolution_id: int):
    return _resolution_out(access.resolution_get_for(request.auth, resolution_id), clock.today())


@router.post("/resolutions", response={201: ResolutionOut, **WRITE_ERRORS},
             summary="Record a resolution of a panel or board")
def create_resolution(request, payload: ResolutionIn):
    meeting = access.meeting_to_resolve(request.auth, payload.meeting)
    resolution = services.resolution_create(by=request.auth, **{**payload.model_dump(), "meeting": meeting})
    return Status(201, _resolution_out(selectors.resolutions_for(request.auth).get(pk=resolution.pk), clock.today()))


@router.patch("/resolutions/{resolution_id}", response={200: ResolutionOut, 409: ErrorOut, **WRITE_ERRORS},
              summary="Change a resolution (optimistic concurrency by `version`)")
def update_resolution(request, resolution_id: int, payload: ResolutionPatch):
    resolution = access.resolution_to_change(request.auth, resolution_id)
    fields = payload.model_dump(exclude_unset=True)
    version = fields.pop("version")
    services.resolution_update(resolution=resolution, by=request.auth, version=version, **fields)
    return _resolution_out(selectors.resolutions_for(request.auth).get(pk=resolution.pk), clock.today())
