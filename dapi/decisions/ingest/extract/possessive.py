"""A party's name read with its possessive: "a donation of £20,000 to Save The Children’s emergency appeal".

The sum goes to the body, and "’s" with the thing it owns after it ("emergency appeal", "work") is no part of the
body's name: it is taken off. A few names do end in "’s" (a shop, a charity named after its founder), so unless the
name without it is also written elsewhere in the record the line carries a warning to check it.
"""

import re

from .draft import MoneyItem

_POSSESSIVE = re.compile(r"[’']s$")
# What follows a possessive: a word it owns, not a word that goes on with the sentence.
_OWNED = re.compile(r"\s+(?!(?:for|to|of|in|on|at|and|or|by|from|with|towards|which|who|that|is|was|are|were|has|"
                    r"had|will|would)\b)[a-z]")


def take_off_possessives(text: str, money: list[MoneyItem]) -> None:
    """Take a possessive off the end of a party's name (the module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self]:
        if not _POSSESSIVE.search(item.counterparty) or not item.counterparty_spans:
            continue
        start, end = item.counterparty_spans[0]
        if text[start:end] != item.counterparty or not _OWNED.match(text, end):
            continue
        name = item.counterparty[:-2]
        item.counterparty = name
        item.counterparty_spans = [(start, end - 2)] + item.counterparty_spans[1:]
        if not re.search(r"\b" + re.escape(name) + r"(?![’']s\b|\w)", text):
            item.warning = item.warning or (f"“{name}” was read from “{name}{text[end - 2:end]}”, taken as a "
                                            "possessive: if the “’s” is part of the name, put it back")
