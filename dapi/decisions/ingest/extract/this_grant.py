"""A sum "this grant came to", in a paragraph that says whom the grant is received from: "Each year I receive from the
Ministry of Justice (MoJ) a sum of money to commission services ... Last year this core grant came to £1.8m."

A paragraph that opens with what the deciding body "receives from" a body, and then gives the sum as "this (core,
annual) grant" or "this funding" that "came to", "was", "totalled" or "amounted to" it, speaks of one grant: the body
is the sum's funder and the sum its award. Only where the paragraph names exactly one body so, only for a sum the
other rules left without a party (never a row of a table); each line so filled carries a warning, as the name is read
from another sentence.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"[A-Z][\w'’&-]*"
_RECEIVE_FROM = re.compile(
    r"\breceive[sd]?[ \t]+(?:each[ \t]+year[ \t]+|annually[ \t]+)?from[ \t]+(?:the[ \t]+)?"
    rf"(?P<n>{_WORD}(?:[ \t]+(?:{_WORD}|of|for|and|&)){{0,5}}?)(?=[ \t]+(?:\(|(?!(?:of|for|and)\b)[a-z])|[.,;:\n])")
_THIS_GRANT = re.compile(
    r"\bth(?:is|at)[ \t]+(?:(?:core|annual|main)[ \t]+)?(?:grant|funding|allocation)[ \t]+"
    r"(?:came[ \t]+to|was|totalled|amounted[ \t]+to)[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+)?$", re.IGNORECASE)


def named_by_earlier_receipt(text: str, money: list[MoneyItem]) -> None:
    """Give "this grant"'s sum the one body its paragraph says the grant is received from (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start = item.spans[0][0]
        if not _THIS_GRANT.search(text, max(0, start - 60), start):
            continue
        para = text.rfind("\n\n", 0, start) + 1
        found = [m for m in _RECEIVE_FROM.finditer(text, para, start) if not is_self(m["n"])]
        if len({m["n"] for m in found}) != 1:
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", found[0]["n"], [found[0].span("n")]
        item.warning = item.warning or "funder read from the sentence saying the grant is received from it; check"
