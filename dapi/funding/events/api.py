"""Contract events, grant conditions and co-funding as JSON, added to funding's router. The agreement
(or condition, or cut) comes from access.py (`*_get_for` to read, `*_to_change` to write: 404 for
whoever may not, as on the pages); writes go through the same services as the pages and answer 201
with the agreement's events and rules as they are after the write."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.responses import Status

from dapi.accounts.schemas import organisation_from
from dapi.lib import clock
from dapi.lib.api import AS_OF_ERRORS, AS_OF_HELP, READ_ERRORS, WRITE_ERRORS, Errors
from dapi.lib.money import FinancialYear

from .. import access, services
from . import selectors
from .schemas import (
    BreakNoticeIn, ConditionIn, ConditionMetIn, ContractOut, CutApplyIn, CutIn, ExtensionIn, FundingConditionIn,
    FundingStatusIn, MirrorIn, TerminationIn, VariationIn, contract_out,
)

router = Router(tags=["contract events"])


def _out(user, agreement_id: int, today: date | None = None) -> dict:
    agreement = access.agreement_get_for(user, agreement_id)
    return contract_out(selectors.contract_panel(user, agreement, today or clock.today()))


def _written(user, agreement_id: int):
    return Status(201, _out(user, agreement_id))


def _decision(agreement, decision_id: int | None):
    if decision_id is None:
        return None
    decision = selectors.approving_decisions(agreement).filter(pk=decision_id).first()
    if decision is None:
        raise ValidationError({"decision_id": f"No approved decision record with id {decision_id} of "
                                              f"{agreement.programme.name}."})
    return decision


def _organisations(**values) -> dict:
    errors = Errors()
    found = {name: organisation_from(value, name, errors) for name, value in values.items()}
    errors.raise_any()
    return found


@router.get("/agreements/{agreement_id}/events", response={200: ContractOut, **READ_ERRORS, **AS_OF_ERRORS},
            summary="An agreement's contract events, conditions checklist, co-funding rules and cuts awaiting a decision")
def get_agreement_events(request, agreement_id: int, today: date | None = Query(None, description=AS_OF_HELP)):
    return _out(request.auth, agreement_id, clock.as_of(today))


@router.post("/agreements/{agreement_id}/extension", response={201: ContractOut, **WRITE_ERRORS},
             summary="Exercise an agreement's extension option, with its approving decision")
def extend_agreement(request, agreement_id: int, payload: ExtensionIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    fields = payload.model_dump(exclude={"decision_id"})
    services.agreement_extend(agreement=agreement, by=request.auth, decision=_decision(agreement, payload.decision_id),
                              **fields)
    return _written(request.auth, agreement_id)


@router.post("/agreements/{agreement_id}/variations", response={201: ContractOut, **WRITE_ERRORS},
             summary="Vary an agreement's value or term, with its approving decision (an OCDS contract amendment)")
def vary_agreement(request, agreement_id: int, payload: VariationIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    fields = payload.model_dump(exclude={"decision_id"})
    services.agreement_vary(agreement=agreement, by=request.auth, decision=_decision(agreement, payload.decision_id),
                            **fields)
    return _written(request.auth, agreement_id)


@router.post("/agreements/{agreement_id}/break-notice", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record notice given under the break clause: the agreement ends on `effective_on`")
def give_break_notice(request, agreement_id: int, payload: BreakNoticeIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    services.break_notice_give(agreement=agreement, by=request.auth, **payload.model_dump())
    return _written(request.auth, agreement_id)


@router.post("/agreements/{agreement_id}/termination", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record an agreement's termination (its status becomes terminated)")
def terminate_agreement(request, agreement_id: int, payload: TerminationIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    services.agreement_terminate(agreement=agreement, by=request.auth, **payload.model_dump())
    return _written(request.auth, agreement_id)


@router.post("/agreements/{agreement_id}/conditions", response={201: ContractOut, **WRITE_ERRORS},
             summary="Add a condition to an agreement's checklist")
def add_condition(request, agreement_id: int, payload: ConditionIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    services.condition_add(agreement=agreement, by=request.auth, **payload.model_dump())
    return _written(request.auth, agreement_id)


@router.post("/conditions/{condition_id}/met", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record a condition as met, with its evidence")
def meet_condition(request, condition_id: int, payload: ConditionMetIn):
    condition = access.condition_to_change(request.auth, condition_id)
    services.condition_meet(condition=condition, by=request.auth, **payload.model_dump())
    return _written(request.auth, condition.agreement_id)


@router.post("/agreements/{agreement_id}/mirrored-reductions", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record that a partner may reduce its contribution by the percentage another cuts its own")
def add_mirror_rule(request, agreement_id: int, payload: MirrorIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    orgs = _organisations(partner=payload.partner, follows=payload.follows)
    services.mirror_rule_add(agreement=agreement, by=request.auth, source=payload.source, **orgs)
    return _written(request.auth, agreement_id)


@router.post("/agreements/{agreement_id}/funding-conditions", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record that a partner's contribution depends on other funding being forthcoming")
def add_funding_condition(request, agreement_id: int, payload: FundingConditionIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    orgs = _organisations(partner=payload.partner, funder=payload.funder)
    services.funding_condition_add(agreement=agreement, by=request.auth,
                                   **payload.model_dump(exclude={"partner", "funder"}), **orgs)
    return _written(request.auth, agreement_id)


@router.post("/funding-conditions/{funding_condition_id}/status", response={201: ContractOut, **WRITE_ERRORS},
             summary="Say whether the funding a contribution depends on is confirmed, not forthcoming or not yet known")
def set_funding_status(request, funding_condition_id: int, payload: FundingStatusIn):
    condition = access.funding_condition_to_change(request.auth, funding_condition_id)
    services.funding_condition_set_status(condition=condition, by=request.auth, **payload.model_dump())
    return _written(request.auth, condition.agreement_id)


@router.post("/agreements/{agreement_id}/cuts", response={201: ContractOut, **WRITE_ERRORS},
             summary="Record a co-funder's cut: a proposal (with the mirrored reductions) until a decision applies it")
def record_cut(request, agreement_id: int, payload: CutIn):
    agreement = access.agreement_to_change(request.auth, agreement_id)
    try:
        year = FinancialYear.parse(payload.from_year).start_year
    except ValueError:
        raise ValidationError({"from_year": f"{payload.from_year!r} is not a financial year: write it like 2024/25."}
                              ) from None
    services.cofunder_cut_record(agreement=agreement, by=request.auth, from_year=year,
                                 **payload.model_dump(exclude={"partner", "from_year"}),
                                 **_organisations(partner=payload.partner))
    return _written(request.auth, agreement_id)


@router.post("/cuts/{cut_id}/apply", response={201: ContractOut, **WRITE_ERRORS},
             summary="Apply a co-funder's cut to the agreement's schedule, with the decision that approves it")
def apply_cut(request, cut_id: int, payload: CutApplyIn):
    cut = access.cut_to_change(request.auth, cut_id)
    services.cofunder_cut_apply(cut=cut, by=request.auth, decision=_decision(cut.agreement, payload.decision_id),
                                applied_on=payload.applied_on)
    return _written(request.auth, cut.agreement_id)
