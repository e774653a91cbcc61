"""A contract's sum at the end of the line that awards it to a named body: "2. Award of a contract to LGC for a 7 year
term (with potential extensions for a further 36 months) for the supply of traditional forensics in the sum of
£139.2m;".

A recommendation that awards a contract names the supplier after "contract to" and may put its term, its extensions
and what it supplies before the sum, too far from the name for the nearer readings. On the same line (an item of a
list or a sentence of its own), before the sum and after no other sum, "award of a contract to <name>" names the
sum's supplier. Only for a contract the other rules left without a party, and only when the line names one such
supplier; never the record's own body.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_CONTRACT_TO = re.compile(
    r"\b(?:award(?:ed|ing)?|let|letting)[ \t]+(?:of[ \t]+)?(?:a|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?contract[ \t]+to[ \t]+"
    r"(?:the[ \t]+)?(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|and|&))*?)"
    r"(?=[ \t]+(?:for|to|in|on|at|with|from)\b|[ \t]*[,;(]|$)", re.IGNORECASE | re.MULTILINE)


def named_after_contract_to(text: str, money: list[MoneyItem]) -> None:
    """Give a contract's sum left without a party the one supplier its line awards a contract to (the module
    docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or not item.spans or item.role != "contract":
            continue
        start = item.spans[0][0]
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if "£" in before:
            continue  # another sum first: the name may be that sum's
        found = {m["n"]: m.span("n") for m in _CONTRACT_TO.finditer(before)}
        if len(found) != 1:
            continue
        (name, (a, b)), = found.items()
        if is_self(name) or not (len(name.split()) >= 2 or name.isupper()):
            continue
        item.counterparty, item.counterparty_spans = name, [(line_start + a, line_start + b)]
