"""The body named in the words straight after a sum: what the rules share that read a party from a pattern matched
where the sum ends ("has been allocated by the PCC to the St Giles Trust", "to be held by Bedfordshire Police's Public
Protection Unit"). Each rule gives its own pattern, with the body's name in its group "n"."""

import re

from .draft import MoneyItem
from .organisations import is_self

_TRAILING_WORD = re.compile(r"[ \t]+(?:of|and|for|&)$")


def body_after_sum(text: str, item: MoneyItem, pattern: re.Pattern) -> tuple[str, tuple[int, int]] | None:
    """The name `pattern`, matched where `item`'s first sum ends, gives in its group "n", and where it stands; None
    where the line has a party already, is a row of a table, or the name is one word or the record's own body."""
    if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
        return None
    found = pattern.match(text, item.spans[0][1])
    if not found:
        return None
    name = _TRAILING_WORD.sub("", found["n"])
    if len(name.split()) < 2 or is_self(name):
        return None
    start = found.start("n")
    return name, (start, start + len(name))
