"""The sums of a sentence that says who the deciding body's funding is received from: "He reported that the funding
to be received from Lancashire County Council would be slightly greater than had been indicated in the report, up from
£66,770 to around £70,700 per annum."

"The funding (to be) received from <body>" (also "being received", "that will be received", a "grant" or an
"allocation" as well as "funding") makes the body the funder of what the sentence then says of that funding: every
sum after it in the same sentence that the other rules left without a party and read as an award, a grant or an
allocation is that body's. The body is a run of capitalised words ending in a word for one ("Council",
"Government", "Department", "Agency", "Authority", "Board", "Trust", "Partnership", "Office", "Commission",
"Executive", "Service"); only where the sentence names one such body so, never the record's own, never a row of a
table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"(?-i:[A-Z])[\w'’&-]*"
_RECEIVED_FROM = re.compile(
    r"\b(?:funding|grant|allocation)[ \t]+(?:(?:that[ \t]+)?(?:is|will|would)[ \t]+)?(?:to[ \t]+be[ \t]+|be[ \t]+|being"
    rf"[ \t]+)?received[ \t]+from[ \t]+(?:the[ \t]+)?(?P<n>(?:{_WORD}[ \t]+(?:(?:of|for|and|&)[ \t]+)?){{0,6}}"
    r"(?-i:Council|Government|Department|Agency|Authority|Board|Trust|Partnership|Office|Commission|Executive|"
    r"Service))\b", re.IGNORECASE)
_ROLES = ("award", "grant", "allocation")


def _sentence(text: str, start: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) around position start."""
    begin = max(text.rfind("\n", 0, start), *(text.rfind(s, 0, start) for s in (". ", "; "))) + 1
    stops = [i for i in (text.find("\n", start), text.find(". ", start), text.find("; ", start)) if i >= 0]
    return begin, min(stops, default=len(text))


def named_by_funding_received(text: str, money: list[MoneyItem]) -> None:
    """Give the sums of funding with no party the one body their sentence says the funding is received from (the
    module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans or item.role not in _ROLES:
            continue
        start = item.spans[0][0]
        begin, _ = _sentence(text, start)
        found = list(_RECEIVED_FROM.finditer(text, begin, start))
        if len({m["n"] for m in found}) != 1 or is_self(found[0]["n"]):
            continue
        item.counterparty, item.counterparty_spans = found[0]["n"], [found[0].span("n")]
