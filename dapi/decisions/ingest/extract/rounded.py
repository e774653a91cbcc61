"""A sum said roughly and then exactly: "Almost £200,000 has been awarded to projects" in a news report's opening line,
then "the award of £199,000" in its body.

A figure rounded to one or two significant digits, with "almost", "nearly" or "just under" before it, is the same sum as
an exact figure the record gives elsewhere less than 1% below it ("just over": above it): one sum said twice, not two.
"About" or "around" a figure is left alone: it may be a sum of its own near another ("a funding gap of about £7 million"
beside a grant of £6,833,553). The rounded mention is drafted as its own line by the rules that read one mention at a
time; it is taken out and its place added to the exact line's spans. Two figures said exactly are never joined, nor two
figures in one sentence.
"""

import re
from decimal import Decimal

from .draft import MoneyItem
from .text import Layout

_BELOW = re.compile(r"\b(?:almost|nearly|just\s+(?:under|below|short\s+of))\s+$", re.IGNORECASE)
_ABOVE = re.compile(r"\bjust\s+(?:over|above)\s+$", re.IGNORECASE)
_CLOSE = Decimal("0.01")


def _round(amount: Decimal) -> bool:
    digits = str(int(amount)).rstrip("0")
    return amount == int(amount) and 0 < len(digits) <= 2


def _side(text: str, item: MoneyItem) -> str | None:
    before = text[max(0, item.spans[0][0] - 20) : item.spans[0][0]]
    return next((side for side, said in (("below", _BELOW), ("above", _ABOVE)) if said.search(before)), None)


def _exact_for(text: str, layout: Layout, money: list[MoneyItem], rough: MoneyItem, side: str) -> MoneyItem | None:
    sentence = layout.sentence_at(rough.spans[0][0])
    for other in money:
        if other is rough or other.row or _round(other.amount) or _side(text, other) or any(
                sentence[0] <= s < sentence[1] for s, _ in other.spans):
            continue
        gap = (rough.amount - other.amount) / rough.amount
        if 0 < (gap if side == "below" else -gap) < _CLOSE:
            return other
    return None


def join_rounded_sums(layout: Layout, money: list[MoneyItem]) -> None:
    """Take a rounded mention of an exact sum the record gives elsewhere into that sum's line (the module docstring)."""
    text = layout.text
    for rough in [m for m in money if not m.row and len(m.spans) == 1 and _round(m.amount)]:
        side = _side(text, rough)
        exact = _exact_for(text, layout, money, rough, side) if side else None
        if exact is not None:
            exact.spans = sorted(set(exact.spans + rough.spans))
            money.remove(rough)
