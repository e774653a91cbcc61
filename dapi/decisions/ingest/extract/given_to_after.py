"""A sum said, at once, to have been given to a named body: "The largest share of this money (£439,327) has been
allocated by the PCC to the St Giles Trust", "£20,000 was awarded to Rising Voices Trust".

A sum (in brackets or not) followed straight away by "has been", "was" or "will be" and "allocated", "awarded",
"granted", "given" or "paid", perhaps "by" its giver, then "to" a body, is that body's: the sum is the grammatical subject
of the giving. The name is a run of capitalised words (with "of", "and", "for" inside it), of two words at least, and
not the record's own body. Only for a sum the other rules left without a party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_GIVEN_TO = re.compile(
    r"\)?[ \t]+(?:has[ \t]+been|have[ \t]+been|was|were|will[ \t]+be|is[ \t]+to[ \t]+be)[ \t]+"
    r"(?:allocated|awarded|granted|given|paid)(?:[ \t]+by[ \t]+(?:the[ \t]+)?" + _NAME + r")?[ \t]+to[ \t]+"
    r"(?:the[ \t]+)?(?P<n>" + _NAME + ")")


def named_as_given_to(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body it was given to, named at once after it (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        found = _GIVEN_TO.match(text, item.spans[0][1])
        if not found:
            continue
        name = re.sub(r"[ \t]+(?:of|and|for|&)$", "", found["n"])
        if len(name.split()) < 2 or is_self(name):
            continue
        start = found.start("n")
        item.counterparty, item.counterparty_spans = name, [(start, start + len(name))]
