"""A party that names no body: a row's number, a levy, or a piece of work.

"Lot 1 - £1,172,371": a list of a contract's lots gives each its number, and a party that is no more than digits (or
"Lot" and its number) names nobody; it is always taken off. "match funded by £250,000 from CIL": the Community
Infrastructure Levy (or a section 106 sum) is money the deciding body holds, not a body that pays it; taken off.
"Additional Highways Maintenance Works", "the Libraries Works Programme": a name ending in "Works" after a word for a
kind of work or a public service is the work bought, not the firm that does it; taken off with a warning, so a reviewer
checks it first (a firm's name ends in "Ltd", "Limited" or the like, and keeps its party).
"""

import re

from .draft import MoneyItem

_DIGITS = re.compile(r"(?:Lot\s+)?[\d\s.,()#-]+", re.IGNORECASE)
_LEVY = re.compile(r"(?:the\s+)?(?:CIL|Community\s+Infrastructure\s+Levy|S\.?\s?106|Section\s+106)", re.IGNORECASE)
_WORK = re.compile(
    r"(?:[A-Z][a-z]+\s+){0,3}?(?:Maintenance|Highways?|Roads?|Resurfacing|Repairs?|Improvements?|"
    r"Refurbishment|Drainage|Remedial|Structural|Capital|Building|Libraries|Library|Parks?|Schools?)"
    r"\s+Works"
)


def drop_non_bodies(money: list[MoneyItem]) -> None:
    """Take off a party that is only a number, a levy or a piece of work (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if not name or item.counterparty_is_self:
            continue
        work = _WORK.fullmatch(name)
        if _DIGITS.fullmatch(name) or _LEVY.fullmatch(name) or work:
            item.counterparty, item.counterparty_spans = None, []
        if work:
            item.warning = item.warning or (
                f'"{name}" read as the work bought, not a body, so no party is drafted: check it'
            )
