"""A party that is one of the deciding body's own accounts: "Approved the use of match funding of up to £2,850,000
from the HRA", "the balance of £1,679,400 to be match funded by the HRA", "Approve the addition of £2m to the Capital
Programme for affordable low carbon homes".

A council keeps its money in accounts of its own: the Housing Revenue Account ("HRA"), the General Fund, its capital
programme, its revenue budget, its reserves. A sum said to come from or go to one of them moves money inside the
deciding body; it is not paid to or by anyone else, and the account is no party. Only a party that is the account's
name and nothing more is taken off ("HRA", "the Capital Programme", "General Fund Reserve"); a body whose name has more
in it ("Northbury Housing Trust") is left as read. The line's role stays.
"""

import re

from .draft import MoneyItem

_ACCOUNT = re.compile(r"(?:the\s+)?(?:HRA|Housing\s+Revenue\s+Account|General\s+Fund|Capital\s+(?:Programme|Plan|Budget)|"
                      r"Revenue\s+Budget)(?:\s+(?:Reserves?|Budget|Balances?))?", re.IGNORECASE)


def drop_own_accounts(money: list[MoneyItem]) -> None:
    """Take off a party that is only the name of one of the deciding body's own accounts (the module docstring)."""
    for item in money:
        if _ACCOUNT.fullmatch((item.counterparty or "").strip()):
            item.counterparty, item.counterparty_spans = None, []
