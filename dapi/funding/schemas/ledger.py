"""Request and response bodies of the funding API: money as two-place decimal strings, dates as
ISO 8601, organisations referenced by id or exact name, runway as funding.runway computes it."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import Field

from dapi.accounts.models import AreaKind
from dapi.accounts.schemas import ORGANISATION_KEY_HELP, OrganisationKey, OrganisationRef
from dapi.lib.api import Money, MoneyIn  # noqa: F401  (the funding schemas take money from here)

from ..match import match_condition
from ..models import AgreementKind, AgreementStatus, Basis, MatchKind, Programme
from ..reconcile import Reconciliation, agreement_reconciliation, award_match_reconciliation
from ..runway import FundingTable, Runway
from .risks import FundingRiskOut, OptionKey, RunwayState, StrandedCasesOut

# -- types ---------------------------------------------------------------------------------------

ProgrammeKey = Annotated[str | int, Field(description="The programme's slug or id.")]
OrganisationField = Annotated[OrganisationKey, Field(description=ORGANISATION_KEY_HELP)]


class ProgrammeRef(Schema):
    id: int
    slug: str
    name: str


class AreaRef(Schema):
    id: int
    name: str
    kind: AreaKind


class ReconciliationLineOut(Schema):
    label: str
    amount: Money | None


class ReconciliationOut(Schema):
    """A breakdown checked against its stated total; a mismatch is reported, never hidden."""

    label: str
    stated: Money | None
    computed: Money
    difference: Money | None
    reconciles: bool | None = Field(description="None when there is no stated total to check against.")
    unstated_lines: int
    lines: list[ReconciliationLineOut]


def reconciliation_out(r: Reconciliation) -> dict:
    return {"label": r.label, "stated": r.stated, "computed": r.computed, "difference": r.difference,
            "reconciles": r.reconciles, "unstated_lines": r.unstated_lines,
            "lines": [{"label": label, "amount": amount} for label, amount in r.lines]}


# -- programmes and runway -----------------------------------------------------------------------


class ProgrammeOut(Schema):
    id: int
    slug: str
    name: str
    lead_commissioner: OrganisationRef
    areas: list[AreaRef]
    runway_state: RunwayState
    runway_end: date | None
    days_left: int
    cliff_edge: bool


class ElementOut(Schema):
    name: str
    provider: OrganisationRef | None


class ProgrammeDetailOut(ProgrammeOut):
    description: str
    eligibility: str
    elements: list[ElementOut]
    can_change: bool = Field(description="Whether you may change this programme's ledger.")


class PendingBidOut(Schema):
    round: str
    funder: str
    amount_requested: Money | None
    decision_expected_on: date | None


class EndingAgreementOut(Schema):
    id: int
    title: str
    end: date
    provider: str | None


class ExtensionOptionOut(Schema):
    id: int
    title: str
    end: date
    extension_until: date
    terms: str


class OptionOut(Schema):
    key: OptionKey
    title: str
    annual_cost: Money | None
    detail: str


class RunwayOut(Schema):
    """funding.runway.Runway.as_dict(): the last day of gap-free approved funding from `today`."""

    programme: str
    slug: str
    today: date
    state: RunwayState
    runway_end: date | None
    days_left: int
    cliff_edge: bool
    horizon_days: int
    annual_cost: Money | None
    pending_bids: list[PendingBidOut]
    ending_agreements: list[EndingAgreementOut]
    extension_options: list[ExtensionOptionOut]
    options: list[OptionOut]
    stranded_cases: list[StrandedCasesOut] = Field(
        description="The active cases the runway's end would strand, by provider (counts only; a provider manager "
                    "sees only their own organisation's).")
    stranded_cases_total: int
    funding_risks: list[FundingRiskOut] = Field(
        description="Funding conditions of the programme's running agreements that are unmet (not forthcoming, or "
                    "still unknown after the date they should be known by); empty for those who do not see the ledger.")


class FundingRowOut(Schema):
    source: str
    kind: str
    note: str
    confirmed: dict[str, Money] = Field(description="By financial year, e.g. {\"2023/24\": \"70000.00\"}.")
    pending: dict[str, Money]
    total_confirmed: Money
    total_pending: Money


class FundingTableOut(Schema):
    years: list[str] = Field(description="Financial years, e.g. \"2023/24\".")
    rows: list[FundingRowOut]
    confirmed_by_year: dict[str, Money]
    pending_by_year: dict[str, Money]
    total_confirmed: Money
    total_pending: Money
    unstated: list[str] = Field(description="Amounts the records do not state, listed rather than counted as zero.")


class ProgrammeRunwayOut(RunwayOut):
    funding: FundingTableOut | None = Field(description="Funding by financial year, for those who see the "
                                                        "programme's whole ledger; null for the others.")

def programme_out(programme: Programme, runway: Runway) -> dict:
    return {"id": programme.pk, "slug": programme.slug, "name": programme.name,
            "lead_commissioner": programme.lead_commissioner, "areas": list(programme.areas.all()),
            "runway_state": runway.state, "runway_end": runway.runway_end, "days_left": runway.days_left,
            "cliff_edge": runway.cliff_edge}


def funding_table_out(table: FundingTable) -> dict:
    zero = Decimal("0")

    def by_year(amounts: dict) -> dict:
        return {str(fy): amounts.get(fy, zero) for fy in table.years}

    return {
        "years": [str(fy) for fy in table.years],
        "rows": [{"source": r.source, "kind": r.kind, "note": r.note, "confirmed": by_year(r.confirmed),
                  "pending": by_year(r.pending), "total_confirmed": r.total_confirmed(),
                  "total_pending": r.total_pending()} for r in table.rows],
        "confirmed_by_year": by_year(table.confirmed_by_year()),
        "pending_by_year": by_year(table.pending_by_year()),
        "total_confirmed": table.total_confirmed(),
        "total_pending": table.total_pending(),
        "unstated": table.unstated,
    }

# -- awards -----------------------------------------------------------------------------------
class MatchContributionOut(Schema):
    id: int
    award_id: int | None
    partner: OrganisationRef
    partner_description: str
    amount: Money
    basis: Basis
    kind: MatchKind
    valuation_basis: str
    start: date
    end: date


class MatchYearOut(Schema):
    financial_year: str
    required: Money
    provided: Money
    met: bool
    shortfall: Money


class AwardOut(Schema):
    id: int
    title: str
    programme: ProgrammeRef
    funder: OrganisationRef
    recipient: OrganisationRef
    round: str | None
    amount: Money | None = Field(description="None when the record does not state it.")
    awarded_on: date
    start: date
    end: date
    conditions: str
    match_required: Money | None
    match_required_text: str
    match_basis: Basis

    @staticmethod
    def resolve_round(obj):
        return str(obj.round) if obj.round_id else None


class AwardDetailOut(AwardOut):
    match_contributions: list[MatchContributionOut]
    match_reconciliation: ReconciliationOut | None
    match_by_year: list[MatchYearOut] | None = Field(description="The match condition year by year; None when no amount.")

    @staticmethod
    def resolve_match_by_year(obj):
        condition = match_condition(obj, list(obj.match_contributions.all()))
        return [y.as_dict() for y in condition.years] if condition else None

    @staticmethod
    def resolve_match_reconciliation(obj):
        r = award_match_reconciliation(obj)
        return reconciliation_out(r) if r else None


class AwardIn(Schema):
    programme: ProgrammeKey
    funder: OrganisationField
    recipient: OrganisationField | None = Field(None, description="Default: the programme's lead commissioner.")
    title: str
    amount: MoneyIn | None = Field(None, description="Leave out when the record does not state it.")
    awarded_on: date
    start: date
    end: date
    conditions: str = ""
    match_required: MoneyIn | None = None
    match_required_text: str = ""
    match_basis: Basis = Basis.TOTAL


# -- agreements -------------------------------------------------------------------------------
class ContributionOut(Schema):
    partner: OrganisationRef
    amount: Money
    basis: Basis
    is_cap: bool = Field(description="An \"up to\" (maximum) amount.")
    condition: str
    start: date | None = Field(description="When the line applies to part of the term only: its first day.")
    end: date | None = Field(description="Its last day, when before the term's end.")


class AgreementOut(Schema):
    id: int
    programme: ProgrammeRef
    kind: AgreementKind
    reference: str
    title: str
    commissioner: OrganisationRef
    provider: OrganisationRef | None = Field(description="None when the record does not name the provider.")
    award_id: int | None
    value: Money | None = Field(description="Total value as stated; None when not stated.")
    start: date | None
    end: date
    funded_until: date
    extension_until: date | None
    extension_terms: str
    break_notice_months: int | None
    conditions: str
    status: AgreementStatus
    terminated_on: date | None
    version: int = Field(description="Send this back with a PATCH; a stale version answers 409.")


class AgreementDetailOut(AgreementOut):
    contributions: list[ContributionOut]
    reconciliation: ReconciliationOut | None = Field(
        description="The partner schedule over the term against the stated value, when there is a schedule.")

    @staticmethod
    def resolve_reconciliation(obj):
        r = agreement_reconciliation(obj)
        return reconciliation_out(r) if r else None


class ContributionIn(Schema):
    partner: OrganisationField
    amount: MoneyIn
    basis: Basis = Basis.PER_ANNUM
    is_cap: bool = False
    condition: str = ""
    start: date | None = Field(None, description="Only for a line over part of the term (e.g. after a cut).")
    end: date | None = None


class AgreementIn(Schema):
    programme: ProgrammeKey
    kind: AgreementKind
    reference: str = ""
    title: str
    commissioner: OrganisationField | None = Field(None, description="Default: the programme's lead commissioner.")
    provider: OrganisationField | None = None
    award_id: int | None = Field(None, description="The award (of the same programme) it is paid from.")
    value: MoneyIn | None = None
    start: date | None = None
    end: date
    extension_until: date | None = None
    extension_terms: str = ""
    break_notice_months: int | None = None
    conditions: str = ""
    status: AgreementStatus = AgreementStatus.DRAFT
    terminated_on: date | None = None
    contributions: list[ContributionIn] = Field(default_factory=list, description="The partner schedule.")


class AgreementPatch(Schema):
    """Only the fields sent change. `contributions`, when sent, replaces the whole schedule."""

    version: int = Field(description="The version you read; 409 if the agreement changed since.")
    kind: AgreementKind | None = None
    reference: str | None = None
    title: str | None = None
    commissioner: OrganisationField | None = None
    provider: OrganisationField | None = None
    award_id: int | None = None
    value: MoneyIn | None = None
    start: date | None = None
    end: date | None = None
    extension_until: date | None = None
    extension_terms: str | None = None
    break_notice_months: int | None = None
    conditions: str | None = None
    status: AgreementStatus | None = None
    terminated_on: date | None = None
    contributions: list[ContributionIn] | None = None


# -- allocations ------------------------------------------------------------------------------
class AllocationOut(Schema):
    id: int
    programme: ProgrammeRef
    recipient: OrganisationRef
    area: AreaRef | None
    award_id: int | None
    financial_year: str = Field(description="e.g. \"2023/24\".")
    amount: Money
    purpose: str
    conditions: str

    @staticmethod
    def resolve_financial_year(obj):
        return str(obj.fy)


class AllocationIn(Schema):
    programme: ProgrammeKey
    recipient: OrganisationField
    area: int | str | None = Field(None, description="The area's id, or its exact name.")
    award_id: int | None = Field(None, description="The award (of the same programme) it is paid from.")
    financial_year: str = Field(description="e.g. \"2023/24\".", examples=["2023/24"])
    amount: MoneyIn
    purpose: str = ""
    conditions: str = ""
