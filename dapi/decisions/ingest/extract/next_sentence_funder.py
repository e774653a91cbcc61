"""A sum followed by a sentence that opens by naming its funder: "Safer Streets Fund 4: £737,560. This was Home Office
funding to reduce anti-social behaviour ...", "Perpetrator Phase 4: £656,069. Home Office funding towards a programme
...".

Records that list what a body received, one fund to a paragraph, state the sum and then say whose funding it was in
the very next words: "This was <body> funding" or "<body> funding" opening the next sentence. The body is the sum's
funder and the sum its award. The name is a run of capitalised words ending in a word for a body ("Office",
"Department", "Agency", "Council", "Government", "Board", "Trust", "Executive", "Authority", "Commission"); a "Fund"
or a programme is not read (it is a pot, not who pays). Only for a sum the other rules left without a party, never a row
of a table, and only where nothing but the full stop stands between the sum and the sentence.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NEXT = re.compile(
    r"[ \t]*\.[ \t]+(?:This[ \t]+(?:was|is)[ \t]+(?:the[ \t]+)?)?"
    r"(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|and|of|for|&)){0,5}?[ \t]+"
    r"(?:Office|Department|Agency|Council|Government|Board|Trust|Executive|Authority|Commission))"
    r"[ \t]+funding\b")


def funder_in_next_sentence(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body the next sentence says funded it, as its award (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        found = _NEXT.match(text, item.spans[0][1])
        if not found or is_self(found["n"]):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", found["n"], [found.span("n")]
