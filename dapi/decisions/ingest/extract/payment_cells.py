"""A table cell that says whom its payment went through: "2021-2022 | Knife Angel | Payment made via the Community
Safety Partnership £10,000 |".

A cell holding a sum and the words "payment made via", "paid via" or "paid through" a body says the money went to that
body (which passes it on to the project named in the row): the body is the sum's party, whatever other rules drew from
the row's other cells. Only the sum's own cell is read, and only a name of capitalised words.
"""

import re

from .draft import MoneyItem

_VIA = re.compile(
    r"\b(?:[Pp]ayment[ \t]+(?:was[ \t]+)?made|[Pp]aid)[ \t]+(?:via|through)[ \t]+(?:the[ \t]+)?"
    r"(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|for|&))*)")


def _cell(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind("|", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find("|", end), text.find("\n", end)) if i >= 0]
    return left, min(ends) if ends else len(text)


def named_in_payment_cells(text: str, money: list[MoneyItem]) -> None:
    """Give a sum in a table cell the body its payment went through (the module docstring)."""
    for item in money:
        if not item.row or item.counterparty_is_self or not item.spans:
            continue
        left, right = _cell(text, *item.spans[0])
        found = _VIA.search(text, left, right)
        if not found:
            continue
        name = re.sub(r"[ \t]+(?:of|and|for|&)$", "", found["n"])
        start = found.start("n")
        item.counterparty, item.counterparty_spans = name, [(start, start + len(name))]
