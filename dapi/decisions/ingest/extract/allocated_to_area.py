"""A fund's sum stated after the body that gave it and the area it went to: "The total fund allocated by Government to
Suffolk for 2013/14 is £572,000", "the grant awarded by the Home Office to the county for 2021/22 was £1.2m".

"Allocated (awarded, granted) by <body> to <area> (for <year>) is (was, will be, totals, of) <sum>": the body is
the funder of the sum, an award to the record's body,
where the other rules left it without a party. The body is a run of capitalised words (one word,
"Government", counts); the area a run of capitalised words or "the" and one lower-case word; the year digits and
strokes. Never the record's own body, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"(?-i:[A-Z])[\w'’&-]*"
_GIVEN = re.compile(
    rf"\b(?:allocated|awarded|granted)[ \t]+by[ \t]+(?:the[ \t]+)?(?P<n>{_WORD}(?:[ \t]+(?:(?:of|for|and|&)[ \t]+)?"
    rf"{_WORD}){{0,5}})[ \t]+to[ \t]+(?:the[ \t]+\w+|{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?:[ \t]+(?:for|in)[ \t]+"
    r"(?:the[ \t]+year[ \t]+)?[\d/–-]+)?[ \t]*,?[ \t]+(?:is|was|will[ \t]+be|totals|totalled|totalling|of|amounts[ \t]+"
    r"to|amounted[ \t]+to)[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)


def funder_of_area_sum(text: str, money: list[MoneyItem]) -> None:
    """Give the sum a body is said to have allocated to an area its funder (the module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        start = item.spans[0][0]
        begin = max(0, start - 200)
        match = _GIVEN.search(text, begin, start)
        if match is None or is_self(match["n"]):
            continue
        item.counterparty, item.counterparty_spans = match["n"], [match.span("n")]
        item.role = "award"
