"""The body whose meeting the record is, named in its title: "Ernest Bailey Charity Committee - Thursday, 14th March,
2024".

A committee, board or panel of trustees that runs a charity or fund decides over that fund's own money: its interest
receipts, what is left unspent, what it keeps invested. The charity the meeting's title names before "Committee" (or
"Board", "Trustees") is the deciding body, not a party its own sums are paid to: a sum given that name only because the
title names it loses the name and is read as "other".
"""

import re

from .draft import MoneyItem, Span

_OF_MEETING = re.compile(r"[ \t]+(?:Sub-?[ \t]?)?(?:Committee|Board|Panel|Trustees|Trust[ \t]+Board)\b")


def drop_meeting_body(text: str, money: list[MoneyItem], title_spans: list[Span]) -> None:
    """A name read from the title, where it names the meeting's own body, is left out (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans]:
        start, end = item.counterparty_spans[0]
        in_title = any(a <= start and end <= b for a, b in title_spans)
        if not in_title or not _OF_MEETING.match(text, end) or any(
                a <= s < b for s, _ in item.spans for a, b in title_spans):
            continue
        if item.warning.startswith(item.counterparty + " "):
            item.warning = ""  # a warning about the name it loses
        item.counterparty, item.counterparty_spans = None, []
        if item.role in ("grant", "contract", "allocation", "award"):
            item.role = "other"
