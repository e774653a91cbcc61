"""A grant of a sum from a named funder to the deciding body's own force or itself: "Approve a grant of up to £0.240m
per year from National Health Service (NHS) England to the MPS to contribute towards ...".

"A grant of £X (per year) from A to B", where B is the deciding body or the police force it oversees ("the MPS", "the
Force", "<area> Police"), says A pays the deciding side: A is the sum's funder and the sum its award. A's name is a run
of capitalised words, and may hold its own initials in brackets ("National Health Service (NHS) England"). Where B is
another body the grant passes between two others and nothing is read. Only for a sum the other rules left without a
party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_GRANT_OF = re.compile(r"\bgrant\s+of\s+(?:up\s+to\s+|approximately\s+|about\s+)?$", re.IGNORECASE)
_WORD = r"[A-Z][\w'’&-]*"
_FROM_TO = re.compile(
    r"(?:[ \t]+(?:per|a|each)[ \t]+(?:year|annum))?[ \t]+from[ \t]+(?:the[ \t]+)?"
    rf"(?P<n>{_WORD}(?:[ \t]+(?:{_WORD}|\([A-Z][A-Za-z]{{1,7}}\)|of|for|and|&)){{0,7}}?)"
    r"[ \t]+to[ \t]+(?:the[ \t]+)?(?P<to>[A-Z][\w'’ \t-]{0,40}?)(?=[ \t]+[a-z]|[.,;:\n]|$)")
_FORCE = re.compile(r"(?:MPS|Force|Constabulary|(?:[A-Z][\w'’-]*[ \t]+)+(?:Police|Police Service|Constabulary))")


def grant_between(text: str, money: list[MoneyItem]) -> None:
    """Give a grant with no party the funder it comes from, when it goes to the deciding side (the module
    docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        found = _FROM_TO.match(text, end) if _GRANT_OF.search(text, max(0, start - 40), start) else None
        if not found or is_self(found["n"]):
            continue
        if not (is_self(found["to"]) or _FORCE.fullmatch(found["to"])):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", found["n"], [found.span("n")]
