"""The funding ledger's models. `ledger.py` holds the money (streams, rounds, bids, awards, match
contributions, agreements, allocations); `events.py` what happens to an agreement after it is signed
(extensions, variations, break notices, terminations, grant conditions); `cofunding.py` the rules its
co-funders' decisions state and a co-funder's cut proposed against them; spend returns are the `returns/` sub-package's, imported
here so that `from dapi.funding.models import SpendReturn` keeps working and Django registers them
under the app label "funding"."""

from .ledger import (
    BID_OUTCOMES, FUNDED_STATUSES, MONEY, POSITIVE, Agreement, AgreementContribution, AgreementKind, AgreementStatus,
    Allocation, Award, Basis, Bid, BidStatus, FundingRound, FundingStream, MatchContribution, MatchKind, Programme,
    ProgrammeElement,
)

from .targets import COUNTED, Measure, Target

from .events import BreakNotice, Extension, GrantCondition, NoticeParty, Termination, Variation
from .cofunding import CoFunderCut, CutStatus, FundingCondition, FundingStatus, MirroredReduction

# After the ledger: a spend return points at an agreement.
from ..returns.models import ReturnStatus, SpendReturn, SpendReturnLine

__all__ = [
    "BID_OUTCOMES", "FUNDED_STATUSES", "MONEY", "POSITIVE", "Agreement", "AgreementContribution", "AgreementKind",
    "AgreementStatus", "Allocation", "Award", "Basis", "Bid", "BidStatus", "FundingRound", "FundingStream",
    "MatchContribution", "MatchKind", "Programme", "ProgrammeElement", "ReturnStatus", "SpendReturn", "SpendReturnLine",
    "COUNTED", "Measure", "Target",
    "BreakNotice", "Extension", "GrantCondition", "NoticeParty", "Termination", "Variation",
    "CoFunderCut", "CutStatus", "FundingCondition", "FundingStatus", "MirroredReduction",
]
