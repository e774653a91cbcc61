"""Money a council accepts from a government department or office named later in the same sentence.

"That the Council accept the total sum of £1.7m offered to the Council by the Department for Education", "the grant
funding of £2m for 2023/24 from the Office for Students be accepted", "ACCEPT the Recovery Grant (£7m) under the Office
for Students terms and conditions": the sum comes in from that funder, though the words about it are not beside it.
And a body's own share written in a bracket that opens with its sum, "(£200,000 for OCC)", goes to the body it names.
"""

import re

from .draft import MoneyItem
from .organisations import is_funder

_ACCEPT = re.compile(r"\baccept(?:s|ed|ing|ance)?\b", re.IGNORECASE)
# What joins the sum to its funder after it: "from", "by", "offered (to the Council) by", "under the ... terms".
_SOURCE = re.compile(r"\b(?:from|by|under)\s+(?:the\s+)?$")


def accepted_from_funder(ctx, items: list[MoneyItem]) -> None:
    """A sum with no body yet, in a sentence that accepts it, comes from the one funder named after it there with
    "from", "by" or "under"; two such funders leave it as it is."""
    for item in items:
        if item.row or item.counterparty or item.role not in ("grant", "total", "other"):
            continue
        s_start, s_end = ctx.layout.sentence_at(item.spans[0][0])
        if not _ACCEPT.search(ctx.text, s_start, s_end):
            continue
        funders = {m.name: m for m in ctx.organisations if item.spans[0][1] <= m.start < s_end and is_funder(m.name)
                   and _SOURCE.search(ctx.text[max(s_start, m.start - 20):m.start])}
        if len(funders) == 1:
            funder = next(iter(funders.values()))
            item.role, item.counterparty, item.counterparty_spans = "award", funder.name, [funder.span]


# "£150,000 would be made available to each partnership (£200,000 for Oakdale City Council)": one body's own share,
# written in a bracket that begins with its sum, goes to the body the bracket names, not to the bodies around it.
_SHARE_IN_BRACKET = re.compile(r"\s*(?:m|k|million)?\s+for\s+(?:the\s+)?(?P<n>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and"
                               r"|&))*)\s*\)")


def share_in_bracket(ctx, items: list[MoneyItem]) -> None:
    """A sum opening a bracket "(£A for X)", X a body found in the record or an acronym, is X's share; an acronym the
    record never spells out is flagged."""
    for item in items:
        start, end = item.spans[0]
        if item.row or ctx.text[max(0, start - 1):start] != "(":
            continue
        match = _SHARE_IN_BRACKET.match(ctx.text, end)
        if not match:
            continue
        known = [m for m in ctx.organisations if m.start == match.start("n")]
        if known:
            item.counterparty, item.counterparty_spans = known[0].name, [known[0].span]
        elif re.fullmatch(r"[A-Z]{2,6}", match["n"]):
            item.counterparty, item.counterparty_spans = match["n"], [match.span("n")]
            item.warning = item.warning or f"{match['n']} is named only by its initials beside this sum: check who it is"
