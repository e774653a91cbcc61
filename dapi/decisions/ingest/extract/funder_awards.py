"""A funder's own page or news release announcing its awards, drafted with the funder as each sum's party.

"MOJ has awarded a grant of £37,500 to the Peace Foundation", "Victim Support ... has been awarded grant funding of
up to £6.802 million", "Scottish Women's Aid is being granted dedicated training funding of £165,000 from the Scottish
Government": the funder gives the money; the body it is awarded to is the other party. Where a sum drafted with a
funder as its party is said, in its own sentence, to be awarded "to" a named body straight after it, or a named body
opening the sentence "is being" or "has been" awarded it, that body is the party and the line is a grant. A council
or other public body so named is left alone: in its own record it is the deciding body, receiving the funder's money.
"""

import re

from .draft import MoneyItem
from .money import Context
from .organisations import is_funder, is_public_body, is_self

_GIVING = re.compile(r"\b(?:award|grant|allocat|offer)\w*", re.IGNORECASE)
_TO = re.compile(r"[ \t]+to[ \t]+(?:the[ \t]+)?")
_GIVEN = re.compile(
    r"[^£.;:\n]{0,60}?\b(?:is|are|was|were|has|have)[ \t]+(?:been|being)[ \t]+(?:awarded|granted|allocated|offered)\b"
    r"[^£.;:\n]{0,60}$",
    re.IGNORECASE,
)


def funders_recipients(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum drafted with a funder as its party the body the funder awards it to (the module docstring)."""
    for item in sorted([m for m in money if m.spans and not m.row], key=lambda m: m.spans[0][0]):
        start, end = item.spans[0]
        sentence = ctx.layout.sentence_at(start)
        if not (item.counterparty and is_funder(item.counterparty) and _GIVING.search(ctx.text, sentence[0], start)):
            continue
        body = _named_recipient(ctx, item.counterparty, sentence, start, end)
        if body is None:
            continue
        item.counterparty, item.counterparty_spans = body.name, [body.span]
        item.role = "grant" if item.role in ("award", "contribution", "other") else item.role


def _named_recipient(ctx: Context, funder: str, sentence, start: int, end: int):
    # A foundation may receive a grant as well as make one. A council or other public body said to be awarded the sum
    # is most often the record's own body, receiving it from the funder: the funder stays its party.
    bodies = [m for m in ctx.organisations if m.name != funder and not is_self(m.name) and not is_public_body(m.name)]
    to = _TO.match(ctx.text, end)
    after = [m for m in bodies if to and m.start == to.end() and m.end <= sentence[1]]
    if after:
        return max(after, key=lambda m: m.end)
    opening = [m for m in bodies if m.start >= sentence[0] and not ctx.text[sentence[0] : m.start].strip()]
    return next((m for m in opening if _GIVEN.match(ctx.text[m.end : start])), None)
