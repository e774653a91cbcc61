"""The readings of a sum's party named apart from it, run together after the others: in the line leading its list
(`led_lists`), earlier in a contract's sentence by the company's registered name (`legal_names`), in an earlier
mention of the same sum (`said_again`) or after "contract with" (`contract_with`); and the role of a sum agreed
"towards" a cost (`towards`)."""

from .contract_with import contract_with
from .draft import MoneyItem
from .led_lists import named_at_list_lead
from .legal_names import registered_contractor
from .money import Context
from .said_again import sums_said_again
from .towards import contributions_towards


def named_apart(ctx: Context, money: list[MoneyItem]) -> None:
    """Run the readings above, in that order, on the sums the other rules have read."""
    named_at_list_lead(ctx.text, money)
    registered_contractor(ctx, money)
    sums_said_again(ctx.text, money)
    contract_with(ctx.text, money)
    contributions_towards(ctx.text, money)
