"""The deciding body's own money named by its possessive: "To approve Cambridgeshire Police and Crime Commissioner’s
capital funding of £82,500 for the purchase of three camera enforcement vehicles".

A sum written as the deciding body's own funding, budget or spend ("<the body>’s [capital|revenue] funding of £N",
"... budget of £N") is money the body spends from its own books: the body is where it comes from, not the other party,
and the sentence names no payee. The body's name drafted for it (read as the deciding body's own) is taken off; a payee
named after the sum is left to the other rules, which read it on their own.
"""

import re

from .draft import MoneyItem

_OWN_MONEY = re.compile(r"^[’']s[ \t]+(?:(?:capital|revenue|one-off|additional|own)[ \t]+)?(?:funding|budget|spend|"
                        r"expenditure|contribution)[ \t]+of[ \t]+(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)


def drop_own_funding_parties(text: str, money: list[MoneyItem]) -> None:
    """Take the deciding body off a sum written as its own funding (the module docstring)."""
    for item in money:
        if not item.counterparty or not item.counterparty_is_self or not item.counterparty_spans or not item.spans:
            continue
        name_end = item.counterparty_spans[0][1]
        if any(_OWN_MONEY.match(text[name_end:start]) for start, _ in item.spans if start > name_end):
            item.counterparty, item.counterparty_spans, item.counterparty_is_self = None, [], False
