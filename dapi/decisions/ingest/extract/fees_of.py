"""A sum said to be a body's fees: "£46k was the figure for the management fees of NLPC", "£12,000 for the fees paid
to Acme Consulting".

Fees are what the deciding body pays the body that charges them, under a contract: the name after "fees of" or "fees
paid to" is the sum's party and the sum a contract. Only a sum with no party, the fees named after it in the same
clause (no full stop, semicolon or other sum between), and a name that starts with a capital letter.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_FEES = re.compile(r"[^.;£\n]{0,50}?\bfees?\s+(?:of|to|paid\s+to|due\s+to|charged\s+by)\s+(?:the\s+)?"
                   r"(?P<n>(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z][\w'’&-]*)){0,5})")


def named_by_fees(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body whose fees it is said to be (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        found = _FEES.match(text, item.spans[0][1])
        if found and not is_self(found["n"]):
            item.counterparty, item.counterparty_spans, item.role = found["n"], [found.span("n")], "contract"
