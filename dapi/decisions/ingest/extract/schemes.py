"""A scheme given for a party: "addition of £578k to the Ashton Green scheme", "To allocate £79k to the Mini-Holland
Pilot Scheme".

A scheme is a piece of work or a programme the money is spent on (a capital scheme, a pilot, a grant scheme), not a
body that is paid: a party whose name ends in "Scheme" after a word for the kind of money or work ("Pilot Scheme",
"Grant Scheme", "Improvement Scheme"), or that the record writes with "scheme" straight after it wherever it names it,
is taken off; the sum keeps its amount and role. A body that runs a scheme is named apart from it ("a grant to Oakdale
Trust for its Warm Homes Scheme").
"""

import re

from .draft import MoneyItem

# A scheme named for the kind of money or work it is; a body may be called a scheme for the service it gives ("Ross of
# Mull and Iona Community Transport Scheme", "Good Neighbour Scheme"), and keeps its party.
_SCHEME = re.compile(r".*\b(?:Pilot|Grants?|Loans?|Improvements?|Investment|Incentive|Funding|Capital|Regeneration)"
                     r"\s+Scheme")


def drop_scheme_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off a party that names a scheme (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if not name or item.counterparty_is_self:
            continue
        places = list(re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
        if _SCHEME.fullmatch(name) or (places and all(re.match(r"[ \t]+scheme\b", text[p.end() :], re.IGNORECASE)
                                                       for p in places)):
            item.counterparty, item.counterparty_spans = None, []
