"""Request and response bodies of the funding API: `ledger` (programmes, runway, awards, agreements,
allocations), `risks` (what a runway puts at risk) and `bids` (bids, outcomes, match contributions).
Contract events and co-funding have theirs in `events/schemas.py`."""

from .bids import BidIn, BidOut, BidOutcomeIn, MatchContributionIn
from .targets import ActualIn, TargetIn, TargetOut
from .ledger import (
    AgreementDetailOut, AgreementIn, AgreementOut, AgreementPatch, AllocationIn, AllocationOut, AwardDetailOut, AwardIn,
    AwardOut, MatchContributionOut, Money, MoneyIn, ProgrammeDetailOut, ProgrammeOut, ProgrammeRef,
    ProgrammeRunwayOut, ReconciliationOut, RunwayOut, funding_table_out, programme_out, reconciliation_out,
)

__all__ = [
    "AgreementDetailOut", "AgreementIn", "AgreementOut", "AgreementPatch", "AllocationIn", "AllocationOut",
    "AwardDetailOut", "AwardIn", "AwardOut", "BidIn", "BidOut", "BidOutcomeIn", "MatchContributionIn",
    "MatchContributionOut", "Money", "MoneyIn", "ProgrammeDetailOut", "ProgrammeOut", "ProgrammeRef",
    "ProgrammeRunwayOut", "ReconciliationOut", "RunwayOut", "funding_table_out", "programme_out",
    "reconciliation_out", "ActualIn", "TargetIn", "TargetOut",
]
