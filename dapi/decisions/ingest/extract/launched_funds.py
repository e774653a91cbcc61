"""A fund a body launched or set up: "the Ministry of Justice launched a £20 million COVID-19 extraordinary fund", "the
Welsh Government had initially provided a £10m hardship fund", "the MOJ who are providing an additional £12m pot of
funding".

A sum written straight after "launched a" (or "set up", "established", "created", "introduced", "provided a", with
"new", "additional" or "further" between) and followed, in the same sentence, by "fund" or "pot" is the size of a pot
the body set up for others to bid for or claim from. The body that launched it neither pays that sum to the deciding
body nor receives it, and the sum goes to no one body: the party drafted for it is taken off."""

import re

from .draft import MoneyItem

_LAUNCHED = re.compile(r"\b(?:launched|(?:set|setting)\s+up|established|created|introduced|provided|providing)\s+"
                       r"(?:a|an)\s+(?:new\s+|additional\s+|further\s+)?$", re.IGNORECASE)
_FUND_AFTER = re.compile(r"^[^.;\n]{0,80}?\b(?:fund|pot)\b", re.IGNORECASE)


def drop_launched_fund_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off the party of a fund's total that a body launched (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        if _LAUNCHED.search(text[max(0, start - 40) : start]) and _FUND_AFTER.match(text[end : end + 120]):
            item.counterparty, item.counterparty_spans = None, []
