"""A sum of funding followed by the body it comes from: "Approve funding of £98,609 in 2020/21 from the Modern Slavery
Transformation Programme", "Note funding of £54,631.04 received from the Regional Organised Crime Unit in 2019/20".

"Funding of" a sum, then (after its year, if given) "from" or "received from" a name, says who funds the deciding
body: the name is the sum's funder and the sum its award. The name is a run of capitalised words ending in a word for a
body or a national programme run by one ("Programme", "Unit", "Office", "Board", "Partnership", "Agency", "Trust",
"Council", "Department", "Government"; never a "Fund", which is a pot, not a body). Only for a sum the other rules left
without a party, never a row of a table. A programme named with its body's initials first ("the GLA Single Homeless
Accommodation Programme") is that body's, and the body is the funder.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_FUNDING_OF = re.compile(r"\bfunding\s+of\s+(?:up\s+to\s+)?$", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"(?:[ \t]+(?:in|for)[ \t]+(?:19|20)\d\d(?:[/-]\d{2,4})?)?[ \t]+(?:received[ \t]+|provided[ \t]+)?from[ \t]+"
    r"(?:the[ \t]+)?(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|and|of|for|&)){0,6}?[ \t]+"
    r"(?:Programme|Unit|Office|Board|Partnership|Agency|Trust|Council|Department|Government))\b")


def funding_received_from(text: str, money: list[MoneyItem]) -> None:
    """Give a sum of funding with no party the body it is said to come from, as its award (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        found = _FROM_AFTER.match(text, end) if _FUNDING_OF.search(text, max(0, start - 30), start) else None
        if not found or is_self(found["n"]):
            continue
        name, span = found["n"], found.span("n")
        first = name.split()[0]
        if re.fullmatch(r"[A-Z]{2,6}", first) and name.endswith("Programme"):
            # "from the GLA Single Homeless Accommodation Programme": a programme named with its body's initials
            # first is that body's, and the body is the funder.
            name, span = first, (span[0], span[0] + len(first))
        item.role, item.counterparty, item.counterparty_spans = "award", name, [span]
