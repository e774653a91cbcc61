"""The funding ledger's models. `ledger.py` holds the money (streams, rounds, bids, awards, match
contributions, agreements, allocations); spend returns are the `returns/` sub-package's, imported
here so that `from dapi.funding.models import SpendReturn` keeps working and Django registers them
under the app label "funding"."""

from .ledger import (
    BID_OUTCOMES, FUNDED_STATUSES, MONEY, POSITIVE, Agreement, AgreementContribution, AgreementKind, AgreementStatus,
    Allocation, Award, Basis, Bid, BidStatus, FundingRound, FundingStream, MatchContribution, MatchKind, Programme,
    ProgrammeElement,
)

from .targets import COUNTED, Measure, Target

# After the ledger: a spend return points at an agreement.
from ..returns.models import ReturnStatus, SpendReturn, SpendReturnLine

__all__ = [
    "BID_OUTCOMES", "FUNDED_STATUSES", "MONEY", "POSITIVE", "Agreement", "AgreementContribution", "AgreementKind",
    "AgreementStatus", "Allocation", "Award", "Basis", "Bid", "BidStatus", "FundingRound", "FundingStream",
    "MatchContribution", "MatchKind", "Programme", "ProgrammeElement", "ReturnStatus", "SpendReturn", "SpendReturnLine",
    "COUNTED", "Measure", "Target",
]
