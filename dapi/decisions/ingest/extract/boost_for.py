"""A grant or boost the sentence says is "for" a named body, right after the sum: "has agreed a £10,500 funding grant
for Neighbourhood Watch in Essex", "Police boss agrees £10k boost for Oakdale Street Pastors".

A sum followed at once by "(funding) grant", "boost", "award" or "donation" and "for" a run of capitalised words is
paid to the body those words name (without a place after it, "in Essex"). It is read so even where another rule gave
the line a name written before the sum, as a news headline's "Essex Police boss agrees ..." names who decides, not who
is paid. Never the deciding body, a funder or a public body; never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_funder, is_public_body, is_self

# The name stops at its last capitalised word: "for Neighbourhood Watch in Essex" names "Neighbourhood Watch".
_FOR_BODY = re.compile(r"[ \t]+(?:funding[ \t]+)?(?:grant|boost|award|donation)[ \t]+for[ \t]+(?:the[ \t]+)?"
                       r"(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&)){1,5})\b")


def named_after_grant_for(text: str, money: list[MoneyItem]) -> None:
    """Give a sum the body its grant or boost is said to be "for" (the module docstring)."""
    for item in money:
        if item.row or item.counterparty_is_self or not item.spans:
            continue
        found = _FOR_BODY.match(text, item.spans[0][1])
        if not found:
            continue
        name = found["n"].removesuffix(" and").removesuffix(" of")
        if is_self(name) or is_funder(name) or is_public_body(name) or name == item.counterparty:
            continue
        if item.counterparty and not all(s < item.spans[0][0] for s, _ in item.counterparty_spans or [(len(text), 0)]):
            continue
        item.counterparty, item.counterparty_spans = name, [(found.start("n"), found.start("n") + len(name))]
        if item.role == "other":
            item.role = "grant"
