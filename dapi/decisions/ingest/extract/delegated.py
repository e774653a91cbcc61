"""The group that a decision's authority is delegated to: "authority is delegated to the Transport Co-ordination Group
(officer board) to approve the procurement of vehicles up to £250,000".

A body delegates its authority only within itself, to an officer, a committee, a board or a group of its own; the sum
beside it is a limit of what that group may approve, not a payment to it. Such a sum keeps its amount, loses the name
and is read as "other" (a grant or contract to the group would be the body paying itself).
"""

import re

from .draft import MoneyItem

# "delegated to", "delegated authority to", "Authority be delegated to", "delegates its powers to", right before a name.
_DELEGATED = re.compile(r"\bdelegat(?:ed|es?|ing)(?:\s+(?:its\s+)?(?:authority|powers?))?\s+to\s+(?:the\s+)?$",
                        re.IGNORECASE)


def drop_delegated_groups(text: str, money: list[MoneyItem]) -> None:
    """A sum whose party is named right after "delegated (authority) to" loses the name (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans and not m.counterparty_is_self]:
        start = item.counterparty_spans[0][0]
        if _DELEGATED.search(text[max(0, start - 60):start]):
            if item.role in ("grant", "contract", "allocation", "award"):
                item.role = "other"
            item.counterparty, item.counterparty_spans = None, []
