"""A fund a body launched: "the Ministry of Justice launched a £20 million COVID-19 extraordinary fund".

A sum written straight after "launched a" (or "launched a new") and followed, in the same sentence, by "fund" is the size
of a pot the body set up for others to bid for. The body that launched it neither pays that sum to the deciding body nor
receives it, and the sum goes to no one body: the party drafted for it is taken off.
"""

import re

from .draft import MoneyItem

_LAUNCHED = re.compile(r"\blaunched\s+(?:a|an)\s+(?:new\s+)?$", re.IGNORECASE)
_FUND_AFTER = re.compile(r"^[^.;\n]{0,80}?\bfund\b", re.IGNORECASE)


def drop_launched_fund_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off the party of a fund's total that a body launched (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        if _LAUNCHED.search(text[max(0, start - 40) : start]) and _FUND_AFTER.match(text[end : end + 120]):
            item.counterparty, item.counterparty_spans = None, []
