"""A sum written in pence for each week, month, year or item: "an additional 15p per week", "equated to approximately
27p per week", "£4.95 a year, or 9p a week", "the equivalent of 4 pence per week", "claim 5p per sheet".

What a rise in a precept costs a household each week, or a rate a meeting agrees for each copy or mile, is often put in
pence alone, with no "£" before it, so the reading of sums in pounds never sees it. A whole number of pence (one to
three digits) written "15p" or "15 pence" and followed by "per" or "a" and a unit of time or of things is read as a sum
of £0.15. A figure with "p" before other words ("the 4P approach", "page 15p") is not a sum, nor a part of a written sum
in pounds ("£1.15p").
"""

import re
from decimal import Decimal

from .amounts import AmountMention

_PENCE = re.compile(r"(?<![\w£$€.,/-])(?P<n>\d{1,3})(?:p|[ \t]pence)(?=[ \t]+(?:per|a|an|each)[ \t]+"
                    r"(?:week|month|year|annum|day|night|hour|household|head|person|property|sheet|page|copy|mile|"
                    r"item|unit|letter)s?\b)")
_APPROXIMATELY = re.compile(r"\b(?:approximately|around|about|roughly|some)[ \t]+$", re.IGNORECASE)


def with_pence_sums(text: str, mentions: list[AmountMention]) -> list[AmountMention]:
    """The amounts found, with each sum written in pence for a week or an item (the module docstring) added in its
    place."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for match in _PENCE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        qualifier = "approximately" if _APPROXIMATELY.search(text, max(0, match.start() - 20), match.start()) else ""
        added.append(AmountMention(match.start(), match.end(), Decimal(match["n"]) / 100, False, qualifier))
    return sorted(mentions + added, key=lambda m: m.start)


def unit_charges(text: str, money) -> None:
    """A sum in pence for each week or item (the module docstring) is a rate, not a payment: it names no party, and
    its role is "other" whatever the sentence around it would make of a sum in pounds ("the Panel will raise the precept
    by £4.95 a year, or 9p a week")."""
    for item in money:
        if item.spans and _PENCE.match(text, item.spans[0][0]) and item.amount < 1:
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
