"""Sums of money as records write them: "£121,197.00", "£2.3m", "£1.2 million", "over £7m",
"up to £294,500 pa", "£70,000 per annum", and bare numbers in a table column headed "£"."""

import re
from dataclasses import dataclass
from decimal import Decimal

PENNY = Decimal("0.01")
MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "million": Decimal(10) ** 6,
               "bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9}

_AMOUNT = re.compile(
    r"(?:£|\bGBP[ \t]?)[ \t]?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<p>\d{1,2}))?"
    r"(?:[ \t]?(?P<mult>million|billion|mn|bn|m|k)\b)?", re.IGNORECASE)
_BARE = re.compile(r"(?<![\w£.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{3,})(?:\.(?P<p>\d{2}))?(?![\w%/]|[.,]\d)")
_PER_ANNUM = re.compile(
    r"[ \t]*(?:per[ \t]+annum|p\.[ \t]?a\.|pa\b|p\.a\b|a[ \t]+year|per[ \t]+year|each[ \t]+year|annually"
    r"|per[ \t]+financial[ \t]+year|a[ \t]+financial[ \t]+year)", re.IGNORECASE)
_QUALIFIERS = [
    ("up to", re.compile(r"(?:up[ \t]?to|maximum[ \t]+of|max\.?|not[ \t]+exceeding|no[ \t]+more[ \t]+than|capped[ \t]+at)"
                         r"[ \t]*(?:of[ \t]+)?$", re.IGNORECASE)),
    ("over", re.compile(r"(?:over|more[ \t]+than|in[ \t]+excess[ \t]+of|above|exceeding)[ \t]*$", re.IGNORECASE)),
    ("approximately", re.compile(r"(?:approximately|approx\.?|around|about|circa|c\.|roughly|some)[ \t]*$",
                                 re.IGNORECASE)),
]


@dataclass(frozen=True)
class AmountMention:
    """An amount in the text. The span covers the amount and any "per annum" after it."""

    start: int
    end: int
    value: Decimal
    per_annum: bool
    qualifier: str  # "", "up to", "over" or "approximately"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def parse_amount(number: str, pence: str | None = None, multiplier: str | None = None) -> Decimal:
    value = Decimal(number.replace(",", "") + (f".{pence}" if pence else ""))
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    return value.quantize(PENNY)


def _mention(text: str, start: int, end: int, value: Decimal) -> AmountMention:
    per_annum = _PER_ANNUM.match(text, end)
    if per_annum:
        end = per_annum.end()
    before = text[max(0, start - 30):start]
    qualifier = next((name for name, pattern in _QUALIFIERS if pattern.search(before)), "")
    return AmountMention(start, end, value, bool(per_annum), qualifier)


def find_amounts(text: str) -> list[AmountMention]:
    """Every amount written with "£" or "GBP", in order."""
    return [_mention(text, m.start(), m.end(), parse_amount(m["n"], m["p"], m["mult"])) for m in _AMOUNT.finditer(text)]


def bare_amount(text: str, start: int, end: int) -> AmountMention | None:
    """The one number in text[start:end] (a table cell under a "£" heading), if there is exactly one."""
    numbers = list(_BARE.finditer(text, start, end))
    if len(numbers) != 1:
        return None
    m = numbers[0]
    return _mention(text, m.start(), m.end(), parse_amount(m["n"], m["p"]))
