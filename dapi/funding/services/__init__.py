"""Every write to the funding ledger: check, validate, save and audit in one transaction.

Modules: ledger (awards, agreements, allocations), bids (bids, their outcomes, match
contributions). Spend returns have their own services in `funding/returns/`. Each service's
docstring says who may call it; a refusal raises Http404, in the same words as for something that
does not exist, and writes nothing.
"""

from .bids import bid_create, bid_record_outcome, match_contribution_create
from .targets import target_record_actual, target_set
from .ledger import (
    agreement_create, agreement_update, allocation_create, allocation_update, award_create, award_update, schedule_total,
)

__all__ = [
    "agreement_create", "agreement_update", "allocation_create", "allocation_update", "award_create", "award_update",
    "bid_create", "bid_record_outcome", "match_contribution_create", "schedule_total", "target_record_actual",
    "target_set",
]
