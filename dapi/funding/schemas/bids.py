"""Request and response bodies of bids, their outcomes and match contributions in the funding API."""

from datetime import date
from enum import StrEnum

from ninja import Schema
from pydantic import Field

from ..models import Basis, BidStatus, MatchKind
from .ledger import Money, MoneyIn, OrganisationField, ProgrammeKey, ProgrammeRef


class BidOut(Schema):
    id: int
    programme: ProgrammeRef
    round: str
    round_id: int
    funder: str
    applicant: str
    amount_requested: Money | None
    submitted_on: date | None
    period_start: date
    period_end: date
    status: BidStatus
    decision_expected_on: date | None
    decided_on: date | None
    outcome_reason: str
    award_id: int | None

    @staticmethod
    def resolve_round(obj):
        return str(obj.round)

    @staticmethod
    def resolve_funder(obj):
        return obj.round.stream.funder.name

    @staticmethod
    def resolve_applicant(obj):
        return obj.applicant.name

    @staticmethod
    def resolve_period_start(obj):
        return obj.period[0]

    @staticmethod
    def resolve_period_end(obj):
        return obj.period[1]

    @staticmethod
    def resolve_decision_expected_on(obj):
        return obj.expected_decision

    @staticmethod
    def resolve_award_id(obj):
        award = getattr(obj, "award", None)
        return award.pk if award else None


class BidIn(Schema):
    programme: ProgrammeKey
    round_id: int
    amount_requested: MoneyIn | None = Field(None, description="Leave out when not known.")
    submitted_on: date | None = None
    period_start: date | None = Field(None, description="Default: the round's period.")
    period_end: date | None = None
    decision_expected_on: date | None = Field(None, description="Default: the round's expected decision date.")


class BidOutcome(StrEnum):
    """What became of a bid: a bid's status once it is no longer pending."""

    SUCCESSFUL = "successful"
    PARTLY_SUCCESSFUL = "partly_successful"
    UNSUCCESSFUL = "unsuccessful"
    WITHDRAWN = "withdrawn"


class BidOutcomeIn(Schema):
    outcome: BidOutcome
    decided_on: date
    reason: str = Field("", description="Needed for an unsuccessful bid.")
    amount: MoneyIn | None = Field(None, description="The amount awarded: needed when partly successful; a successful "
                                                     "bid defaults to the amount requested.")
    decision_id: int | None = Field(None, description="The approving decision record, one of the programme's.")
    award_title: str = ""


class MatchContributionIn(Schema):
    programme: ProgrammeKey
    partner: OrganisationField
    partner_description: str = ""
    award_id: int | None = Field(None, description="The award whose match condition this contribution meets.")
    amount: MoneyIn
    basis: Basis = Basis.TOTAL
    kind: MatchKind = MatchKind.CASH
    valuation_basis: str = Field("", description="How an in-kind contribution was valued (needed for in kind).")
    start: date
    end: date
