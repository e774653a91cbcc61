"""A body said to use or spend its sum: "Team Oasis in Dingle will use their £5,000 cash injection to provide inclusive
activities ...", "Oakdale Youth Club will spend its £2,000 grant on ...".

A news report of a fund's grants names a recipient by what it will do with its money: the name, perhaps its place
("in Dingle"), then "will use" or "will spend" and "their", "its" or "the" sum. The name is the sum's payee, and the
sum a grant to it. Only for a sum the other rules left without a party; never the record's own body (the
Commissioner "will use the £1m" is its own spending); the name is a run of capitalised words, at least two of them or
initials, beginning a sentence.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_USED = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][ \t]))(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|for|and|&)){0,6})"
    r"(?:[ \t]+in[ \t]+(?-i:[A-Z][\w'’-]*)(?:[ \t]+(?-i:[A-Z][\w'’-]*))?)?"
    r"[ \t]+will[ \t]+(?:use|spend)[ \t]+(?:their|its|the)[ \t]+(?:(?:grant|award)[ \t]+of[ \t]+)?$", re.MULTILINE)


def named_users(text: str, money: list[MoneyItem]) -> None:
    """Give a sum left without a party the body that will use or spend it (the module docstring), as a grant."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or not item.spans:
            continue
        start = item.spans[0][0]
        found = _USED.search(text, max(0, start - 160), start)
        if not found or found.end() != start:
            continue
        name = re.sub(r"^(?:The|A)[ \t]+", "", found["n"])
        if is_self(name) or not (len(name.split()) >= 2 or name.isupper()):
            continue
        item.role, item.counterparty = "grant", name
        item.counterparty_spans = [(found.end("n") - len(name), found.end("n"))]
