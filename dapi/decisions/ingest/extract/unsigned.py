"""A sum written without "£" but said to be money by the words after it: "The use of up to 260,000 of capital to
purchase the vehicles".

A record typed in haste may drop the sign before one figure among its sums. A number with thousands separators
followed by "of capital", "of revenue", "of funding" or "of grant" is a sum of money all the same; it is read, with a
warning, since the text does not say the figure is in pounds. A number without separators ("30 of funding") or before
other words is not read.
"""

import re

from .amounts import AmountMention, parse_amount
from .unsigned_units import with_unit_sums

_UNSIGNED = re.compile(r"(?<![\w£$€.,/-])(?P<n>\d{1,3}(?:,\d{3})+)(?:\.(?P<p>\d{2}))?(?![\d,]|\.\d)"
                       r"(?=[ \t]+of[ \t]+(?:(?:match|grant|capital|revenue)[ \t]+)?(?:capital|revenue|funding|grant)\b)")
_UP_TO = re.compile(r"(?:up[ \t]?to|maximum[ \t]+of|not[ \t]+exceeding)[ \t]*$", re.IGNORECASE)


def with_unsigned_sums(text: str, mentions: list[AmountMention]) -> list[AmountMention]:
    """The amounts found, with each sum written without "£" (the module docstring, and `unsigned_units` for sums in
    thousands or millions: "3.4m funding") added in its place."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for match in _UNSIGNED.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value = parse_amount(match["n"], match["p"])
        qualifier = "up to" if _UP_TO.search(text, max(0, match.start() - 20), match.start()) else ""
        added.append(AmountMention(match.start(), match.end(), value, False, qualifier,
                                   f"“{match.group(0)}” is written without “£”: read as £{value:,.2f} from the words "
                                   "after it; check it is a sum of money"))
    return with_unit_sums(text, sorted(mentions + added, key=lambda m: m.start))
