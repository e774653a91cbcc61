"""The funding ledger as JSON: programmes and their runway, awards, agreements and allocations.

Reads go through selectors.py and access.py; writes get the record to change from access.py's
`*_to_change` and go through services.py. What a user may not see, and what they may see but not
change, answers 404 as a record that does not exist would, as on the pages.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from dapi.accounts.models import Area
from dapi.accounts.schemas import organisation_from
from dapi.lib import clock
from dapi.lib.api import (
    AS_OF_ERRORS, AS_OF_HELP, LIST_ERRORS, PROGRAMME_FILTER_HELP, READ_ERRORS, WRITE_ERRORS, ErrorOut, Errors, Pages,
)
from dapi.lib.money import FinancialYear

from . import access, selectors, services
from .models import AgreementContribution, MatchContribution, Programme
from .events.api import router as events_router
from .returns.api import router as returns_router
from .schemas import (
    AgreementDetailOut, AgreementIn, AgreementOut, AgreementPatch, AllocationIn, AllocationOut, AwardDetailOut, AwardIn,
    AwardOut, BidIn, BidOut, BidOutcomeIn, MatchContributionIn, MatchContributionOut, ProgrammeDetailOut, ProgrammeOut,
    ProgrammeRunwayOut, RunwayOut, TargetIn, TargetOut, funding_table_out, programme_out,
)
from .schemas import ActualIn

router = Router(tags=["funding"])
router.add_router("", returns_router)
router.add_router("", events_router)


@router.get("/programmes", response={200: list[ProgrammeOut], **LIST_ERRORS, **AS_OF_ERRORS},
            summary="Programmes you may see, with their runway")
@paginate(Pages)
def list_programmes(request, today: date | None = Query(None, description=AS_OF_HELP)):
    return selectors.runway_pages(request.auth, clock.as_of(today),
                                  item=lambda runway: programme_out(runway.programme, runway), with_areas=True,
                                  with_cases=False)


@router.get("/programmes/{slug}", response={200: ProgrammeDetailOut, **READ_ERRORS, **AS_OF_ERRORS},
            summary="One programme")
def get_programme(request, slug: str, today: date | None = Query(None, description=AS_OF_HELP)):
    detail = selectors.programme_detail(request.auth, slug, clock.as_of(today))
    programme = detail.programme
    return {**programme_out(programme, detail.runway), "description": programme.description,
            "eligibility": programme.eligibility, "elements": detail.elements, "can_change": detail.can_change}


@router.get("/programmes/{slug}/runway", response={200: ProgrammeRunwayOut, **READ_ERRORS, **AS_OF_ERRORS},
            summary="A programme's runway, cliff edge, options and funding by financial year")
def get_programme_runway(request, slug: str, today: date | None = Query(None, description=AS_OF_HELP)):
    detail = selectors.programme_runway_detail(request.auth, slug, clock.as_of(today))
    return {**detail.runway.as_dict(), "funding": funding_table_out(detail.funding) if detail.funding else None}


@router.get("/runway", response={200: list[RunwayOut], **LIST_ERRORS, **AS_OF_ERRORS},
            summary="Runway of every programme you may see")
@paginate(Pages)
def list_runway(request, today: date | None = Query(None, description=AS_OF_HELP)):
    return selectors.runway_pages(request.auth, clock.as_of(today), item=lambda runway: runway.as_dict())


# -- writes: shared ------------------------------------------------------------------------------


def _award_from(user, programme: Programme, award_id: int | None, errors: Errors):
    if award_id is None:
        return None
    award = access.award_list_for(user).filter(programme=programme, pk=award_id).first()
    if award is None:
        errors.add("award_id", f"No award with id {award_id} in {programme.name}.")
    return award


# -- awards --------------------------------------------------------------------------------------


def _awards(user):
    return access.award_list_for(user).select_related("round__stream")


@router.get("/awards", response={200: list[AwardOut], **LIST_ERRORS}, summary="Awards you may see")
@paginate(Pages)
def list_awards(request, programme: str | None = Query(None, description=PROGRAMME_FILTER_HELP)):
    awards = _awards(request.auth)
    return awards.filter(programme__slug=programme) if programme else awards


@router.get("/awards/{award_id}", response={200: AwardDetailOut, **READ_ERRORS}, summary="One award")
def get_award(request, award_id: int):
    award = access.award_get_for(request.auth, award_id)
    prefetch_related_objects([award], "match_contributions__partner")
    return award


@router.post("/awards", response={201: AwardDetailOut, **WRITE_ERRORS}, summary="Record an award")
def create_award(request, payload: AwardIn):
    programme = access.programme_to_change(request.auth, payload.programme)
    errors = Errors()
    fields = payload.model_dump(exclude={"programme", "funder", "recipient"})
    fields["funder"] = organisation_from(payload.funder, "funder", errors)
    fields["recipient"] = (organisation_from(payload.recipient, "recipient", errors) if payload.recipient is not None
                           else programme.lead_commissioner)
    errors.raise_any()
    award = services.award_create(by=request.auth, programme=programme, **fields)
    return Status(201, access.award_get_for(request.auth, award.pk))


# -- agreements ----------------------------------------------------------------------------------


def _agreement_fields(user, programme: Programme, data: dict) -> dict:
    """Request fields as service arguments: organisations and the award looked up, schedule lines
    checked one by one so that an error names its line (contributions.1.amount)."""
    errors = Errors()
    fields = dict(data)
    for name in ("commissioner", "provider"):
        if name in fields:
            fields[name] = organisation_from(fields[name], name, errors)
    if "award_id" in fields:
        fields["award"] = _award_from(user, programme, fields.pop("award_id"), errors)
    if fields.get("contributions") is not None:
        lines = []
        for i, line in enumerate(fields["contributions"]):
            prefix = f"contributions.{i}."
            partner = organisation_from(line["partner"], prefix + "partner", errors)
            values = {**line, "partner": partner}
            try:
                AgreementContribution(**values).clean_fields(exclude=["agreement", "partner"])
            except ValidationError as exc:
                errors.merge(exc, prefix)
            lines.append(values)
        fields["contributions"] = lines
    errors.raise_any()
    return fields


def _agreement_detail(user, agreement_id: int):
    agreement = access.agreement_get_for(user, agreement_id)
    prefetch_related_objects([agreement], "contributions__partner")
    return agreement


@router.get("/agreements", response={200: list[AgreementOut], **LIST_ERRORS},
            summary="Agreements you may see (a provider sees only its own)")
@paginate(Pages)
def list_agreements(request, programme: str | None = Query(None, description=PROGRAMME_FILTER_HELP)):
    agreements = access.agreement_list_for(request.auth)
    return agreements.filter(programme__slug=programme) if programme else agreements


@router.get("/agreements/{agreement_id}", response={200: AgreementDetailOut, **READ_ERRORS},
            summary="One agreement, with its schedule and reconciliation")
def get_agreement(request, agreement_id: int):
    return _agreement_detail(request.auth, agreement_id)


@router.post("/agreements", response={201: AgreementDetailOut, **WRITE_ERRORS}, summary="Record an agreement")
def create_agreement(request, payload: AgreementIn):
    programme = access.programme_to_change(request.auth, payload.programme)
    data = payload.model_dump(exclude={"programme"})
    data["commissioner"] = data["commissioner"] if data["commissioner"] is not None else programme.lead_commissioner_id
    fields = _agreement_fields(request.auth, programme, data)
    agreement = services.agreement_create(by=request.auth, programme=programme, **fields)
    return Status(201, _agreement_detail(request.auth, agreement.pk))


@router.patch("/agreements/{agreement_id}", response={200: AgreementDetailOut, 409: ErrorOut, **WRITE_ERRORS},
              summary="Change an agreement (optimistic concurrency by `version`)")
def update_agreement(request, agreement_id: int, payload: AgreementPatch):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    data = payload.model_dump(exclude_unset=True)
    version = data.pop("version")
    fields = _agreement_fields(request.auth, agreement.programme, data)
    services.agreement_update(agreement=agreement, by=request.auth, version=version, **fields)
    return _agreement_detail(request.auth, agreement.pk)


# -- allocations ---------------------------------------------------------------------------------


def _area_from(value, errors: Errors):
    if value is None:
        return None
    areas = list(Area.objects.filter(**({"pk": value} if isinstance(value, int) else {"name": value}))[:2])
    if len(areas) == 1:
        return areas[0]
    errors.add("area", f"No area with id {value}." if isinstance(value, int) else
               f"No area is named {value!r}." if not areas else f"More than one area is named {value!r}: give its id.")
    return None


@router.get("/allocations", response={200: list[AllocationOut], **LIST_ERRORS}, summary="Allocations you may see")
@paginate(Pages)
def list_allocations(request, programme: str | None = Query(None, description=PROGRAMME_FILTER_HELP)):
    allocations = access.allocation_list_for(request.auth)
    return allocations.filter(programme__slug=programme) if programme else allocations


@router.get("/allocations/{allocation_id}", response={200: AllocationOut, **READ_ERRORS}, summary="One allocation")
def get_allocation(request, allocation_id: int):
    return access.allocation_get_for(request.auth, allocation_id)


@router.post("/allocations", response={201: AllocationOut, **WRITE_ERRORS},
             summary="Record money devolved to an area, CSP or partner for one financial year")
def create_allocation(request, payload: AllocationIn):
    programme = access.programme_to_change(request.auth, payload.programme)
    errors = Errors()
    fields = payload.model_dump(exclude={"programme", "recipient", "area", "award_id", "financial_year"})
    fields["recipient"] = organisation_from(payload.recipient, "recipient", errors)
    fields["area"] = _area_from(payload.area, errors)
    fields["award"] = _award_from(request.auth, programme, payload.award_id, errors)
    try:
        fields["financial_year"] = FinancialYear.parse(payload.financial_year).start_year
    except ValueError:
        errors.add("financial_year", f"{payload.financial_year!r} is not a financial year: write it like 2023/24.")
    errors.raise_any()
    allocation = services.allocation_create(by=request.auth, programme=programme, **fields)
    return Status(201, access.allocation_get_for(request.auth, allocation.pk))


# -- bids and match contributions ----------------------------------------------------------------


def _bid(user, bid_id: int):
    return access.bid_get_for(user, bid_id)


@router.get("/bids", response={200: list[BidOut], **LIST_ERRORS}, summary="Bids of the programmes whose ledger you see")
@paginate(Pages)
def list_bids(request, programme: str | None = Query(None, description=PROGRAMME_FILTER_HELP)):
    bids = access.bid_list_for(request.auth).select_related("award").order_by("round__period_start", "pk")
    return bids.filter(programme__slug=programme) if programme else bids


@router.get("/bids/{bid_id}", response={200: BidOut, **READ_ERRORS}, summary="One bid")
def get_bid(request, bid_id: int):
    return _bid(request.auth, bid_id)


@router.post("/bids", response={201: BidOut, **WRITE_ERRORS}, summary="Record a bid to a funding round")
def create_bid(request, payload: BidIn):
    programme = access.programme_to_change(request.auth, payload.programme)
    fields = payload.model_dump(exclude={"programme", "round_id"})
    fields["round"] = selectors.bid_rounds().filter(pk=payload.round_id).first()
    if fields["round"] is None:
        raise ValidationError({"round_id": f"No funding round with id {payload.round_id}."})
    bid = services.bid_create(by=request.auth, programme=programme, **fields)
    return Status(201, _bid(request.auth, bid.pk))


@router.post("/bids/{bid_id}/outcome", response={201: BidOut, **WRITE_ERRORS},
             summary="Record a pending bid's outcome: successful (an award), partly successful, unsuccessful or withdrawn")
def record_bid_outcome(request, bid_id: int, payload: BidOutcomeIn):
    bid = access.bid_to_change(request.auth, bid_id)
    fields = payload.model_dump(exclude={"decision_id"})
    fields["decision"] = None
    if payload.decision_id is not None:
        fields["decision"] = selectors.programme_decisions(bid.programme).filter(pk=payload.decision_id).first()
        if fields["decision"] is None:
            raise ValidationError({"decision_id": f"No decision record with id {payload.decision_id} of "
                                                  f"{bid.programme.name}."})
    services.bid_record_outcome(bid=bid, by=request.auth, **fields)
    return Status(201, _bid(request.auth, bid.pk))


@router.post("/match-contributions", response={201: MatchContributionOut, **WRITE_ERRORS},
             summary="Record a partner's match contribution (cash, or in kind with its valuation basis)")
def create_match_contribution(request, payload: MatchContributionIn):
    programme = access.programme_to_change(request.auth, payload.programme)
    errors = Errors()
    fields = payload.model_dump(exclude={"programme", "partner", "award_id"})
    fields["partner"] = organisation_from(payload.partner, "partner", errors)
    fields["award"] = _award_from(request.auth, programme, payload.award_id, errors)
    errors.raise_any()
    match = services.match_contribution_create(by=request.auth, programme=programme, **fields)
    return Status(201, MatchContribution.objects.select_related("partner").get(pk=match.pk))


# -- targets and KPIs ----------------------------------------------------------------------------


def _target_out(row) -> dict:
    t = row.target
    return {"id": t.pk, "agreement_id": t.agreement_id, "measure": t.measure, "label": t.label,
            "financial_year": str(FinancialYear(t.financial_year)), "period_start": row.start, "period_end": row.end,
            "target": t.target, "expected": row.expected, "actual": row.actual, "source": row.source,
            "status": row.status, "version": t.version}


@router.get("/agreements/{agreement_id}/targets", response={200: list[TargetOut], **READ_ERRORS, **AS_OF_ERRORS},
            summary="An agreement's targets with actual against target and a red, amber or green status")
@paginate(Pages)
def list_targets(request, agreement_id: int, today: date | None = Query(None, description=AS_OF_HELP)):
    return [_target_out(row) for row in selectors.agreement_targets(request.auth, agreement_id, clock.as_of(today))]


@router.post("/agreements/{agreement_id}/targets", response={201: TargetOut, **WRITE_ERRORS},
             summary="Set an agreement's target for a measure and financial year")
def set_target(request, agreement_id: int, payload: TargetIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    try:
        year = FinancialYear.parse(payload.financial_year).start_year
    except ValueError:
        raise ValidationError({"financial_year": f"{payload.financial_year!r} is not a financial year: "
                                                 f"write it like 2023/24."}) from None
    target = services.target_set(by=request.auth, agreement=agreement, measure=payload.measure, name=payload.name,
                                 financial_year=year, target=payload.target)
    return Status(201, _target_out(selectors.target_row(target, clock.today())))


@router.post("/targets/{target_id}/actual", response={201: TargetOut, 409: ErrorOut, **WRITE_ERRORS},
             summary="Enter what the provider achieved on a measure it reports")
def record_target_actual(request, target_id: int, payload: ActualIn):
    target = access.target_to_report(request.auth, target_id)
    done = services.target_record_actual(by=request.auth, target=target, **payload.model_dump())
    return Status(201, _target_out(selectors.target_row(done, clock.today())))
