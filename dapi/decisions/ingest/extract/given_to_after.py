"""A sum said, at once, to have been given to a named body: "The largest share of this money (£439,327) has been
allocated by the PCC to the St Giles Trust", "£20,000 was awarded to Rising Voices Trust".

A sum (in brackets or not) followed straight away by "has been", "was" or "will be" and "allocated", "awarded",
"granted", "given" or "paid", perhaps "by" its giver, then "to" a body, is that body's: the sum is the grammatical subject
of the giving. The name is a run of capitalised words (with "of", "and", "for" inside it), of two words at least, and
not the record's own body. Only for a sum the other rules left without a party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .sum_followers import body_after_sum

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_GIVEN_TO = re.compile(
    r"\)?[ \t]+(?:has[ \t]+been|have[ \t]+been|was|were|will[ \t]+be|is[ \t]+to[ \t]+be)[ \t]+"
    r"(?:allocated|awarded|granted|given|paid)(?:[ \t]+by[ \t]+(?:the[ \t]+)?" + _NAME + r")?[ \t]+to[ \t]+"
    r"(?:the[ \t]+)?(?P<n>" + _NAME + ")")


def named_as_given_to(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body it was given to, named at once after it (the module docstring)."""
    for item in money:
        if found := body_after_sum(text, item, _GIVEN_TO):
            name, span = found
            item.counterparty, item.counterparty_spans = name, [span]
