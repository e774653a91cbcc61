"""A sum to be held by a named body: "a special £5k Domestic Abuse Emergency Refuge Fund to be held by Bedfordshire
Police's Public Protection Unit, for the first time, to help it meet the cost of ...".

A sum set aside as a pot "to be held by", "held by" or "to be managed by" a body, in the same clause, is that body's
allocation: the body holds the money and spends it. The name is a run of capitalised words (with "of", "and", "for" or
a possessive inside it) and ends at the clause. Only for a sum the other rules left without a party, never a row of a
table, and only where no other sum and no sentence end stand between the sum and the words.
"""

import re

from .draft import MoneyItem
from .sum_followers import body_after_sum

_HELD = re.compile(
    r"[^.;£\n]{0,80}?\b(?:to[ \t]+be[ \t]+)?(?:held|managed)[ \t]+by[ \t]+(?:the[ \t]+)?"
    r"(?P<n>[A-Z][\w&-]*(?:['’]s)?(?:[ \t]+(?:[A-Z][\w&-]*(?:['’]s)?|of|and|for|&))*)")


def held_by(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body said to hold it, as its allocation (the module docstring)."""
    for item in money:
        if found := body_after_sum(text, item, _HELD):
            name, span = found
            item.role, item.counterparty, item.counterparty_spans = "allocation", name, [span]
