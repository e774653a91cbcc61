"""Sums a record cites rather than pays: a figure a body estimated, a gap in the body's own budget, a loss.

"the Office for Criminal Justice Reform estimate that it costs up to £1,400 to prosecute an offender, but only £450 to
issue a Conditional Caution": the body named before "estimate(s) that" (or "estimated", "calculates", "calculated") is the
source of the figures in the rest of its sentence, not a party to them; its name is taken off those sums.

"despite Leicestershire Police making £14m of savings, a further £9.3m was required to be found to close the deficit":
a sum "required to be found", "needed to close the gap" or the like is a shortfall in the body's own budget, paid to no
one; it is "other", and the name drafted for it is taken off. So is a sum added to it later in the sentence, with the
same name drafted ("... to close the deficit for 2025/26 and a further £8.5m over the medium-term plan").

"However OCL would not be able to recover VAT on the works and investment of up to £78,000 would be lost": a sum its
own words say would (could, may) be lost or forfeited is a loss the record weighs, paid to no one: "other", and the name
drafted for it is taken off.
"""

import re

from .draft import MoneyItem
from .money import Context

# "<Body> estimate(s) that", "<Body> (OCJR) has estimated that": the verb straight after the drafted name (its
# initials in brackets, an auxiliary between), then "that".
_ESTIMATES = re.compile(r"[ \t]+(?:\([A-Za-z]{2,8}\)[ \t]+)?(?:(?:has|have|had)[ \t]+)?(?:estimates?|estimated|calculates?|"
                        r"calculated)[ \t]+that\b")
# The sum's own words after it say it is a gap to be closed.
_SHORTFALL = re.compile(r"[ \t]+(?:(?:is|was|are|were|will[ \t]+be|would[ \t]+be)[ \t]+)?(?:required|needed)[ \t]+"
                        r"to[ \t]+be[ \t]+(?:found|saved|met)\b|[ \t]+(?:is[ \t]+|was[ \t]+)?(?:required|needed)[ \t]+"
                        r"to[ \t]+(?:close|bridge|meet|fill)[ \t]+(?:the|a|this|that)[ \t]+(?:[a-z]+[ \t]+)?"
                        r"(?:deficit|gap|shortfall)\b", re.IGNORECASE)

_LOST = re.compile(r"[ \t]+(?:would|could|will|may|might)[ \t]+(?:then[ \t]+|also[ \t]+)?be[ \t]+(?:lost|forfeited|"
                   r"forgone|foregone)\b", re.IGNORECASE)
# A later sum added to the shortfall: "and a further £8.5m", "and another £2m", right before it.
_FURTHER = re.compile(r"\band[ \t]+(?:a[ \t]+further|another)[ \t]+(?:£[ \t]*)?$")


def drop_cited_figures(ctx: Context, money: list[MoneyItem]) -> None:
    """Take the party off a figure a body estimated, and off a shortfall (the module docstring)."""
    text = ctx.text
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.spans or item.row:
            continue
        start, end = ctx.layout.sentence_at(item.spans[0][0])
        if any(span[0] < item.spans[0][0] and start <= span[0] and _ESTIMATES.match(text, span[1])
               for span in item.counterparty_spans) or _estimated_by(ctx, item, start):
            item.counterparty, item.counterparty_spans = None, []
        elif _LOST.match(text, item.spans[0][1]):
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
        elif _SHORTFALL.match(text, item.spans[0][1]):
            for other in [item] + [m for m in money if m.spans and m.counterparty == item.counterparty
                                   and item.spans[0][1] < m.spans[0][0] < end
                                   and _FURTHER.search(text, item.spans[0][1], m.spans[0][0])]:
                other.counterparty, other.counterparty_spans, other.role = None, [], "other"


def _estimated_by(ctx: Context, item: MoneyItem, start: int) -> bool:
    """The drafted name is said, earlier in the sum's sentence, to estimate the figures that follow it."""
    text = ctx.text
    return any(m.name == item.counterparty and start <= m.start and m.end <= item.spans[0][0]
               and _ESTIMATES.match(text, m.end) for m in ctx.organisations)
