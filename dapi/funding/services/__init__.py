"""Every write to the funding ledger: check, validate, save and audit in one transaction.

Modules: ledger (awards, agreements, allocations), bids (bids, their outcomes, match
contributions), targets, events (extensions, variations, break notices, terminations, grant
conditions), cofunding (co-funding rules and co-funders' cuts). Spend returns have their own services
in `funding/returns/`. Each service's docstring says who may call it; a refusal raises Http404, in the
same words as for something that does not exist, and writes nothing.
"""

from .bids import bid_create, bid_record_outcome, match_contribution_create
from .cofunding import (
    cofunder_cut_apply, cofunder_cut_record, funding_condition_add, funding_condition_set_status, mirror_rule_add,
)
from .events import (
    agreement_extend, agreement_terminate, agreement_vary, break_notice_give, condition_add, condition_meet,
)
from .targets import target_record_actual, target_set
from .ledger import (
    agreement_create, agreement_update, allocation_create, allocation_update, award_create, award_update, schedule_total,
)

__all__ = [
    "agreement_create", "agreement_update", "allocation_create", "allocation_update", "award_create", "award_update",
    "bid_create", "bid_record_outcome", "match_contribution_create", "schedule_total", "target_record_actual",
    "target_set", "agreement_extend", "agreement_terminate", "agreement_vary", "break_notice_give", "condition_add",
    "condition_meet", "cofunder_cut_apply", "cofunder_cut_record", "funding_condition_add",
    "funding_condition_set_status", "mirror_rule_add",
]
