"""A sum that a further term brings a contract to: "The financial value of a two-month contract would be £48,750, and
if required, a further two months would take the total to £97,500."

The total is the same contract's value with its extension, so it has the same party and role as the contract's sum
stated just before it. Only a sum right after "take(s) the total to" or "bring(s|ing) the total to", with no party of its
own, and a line before it in the same paragraph that has a party and is a contract or a grant.
"""

import re

from .draft import MoneyItem

_TOTAL_TO = re.compile(r"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+the\s+(?:contract\s+)?"
                       r"(?:total|value|sum)\s+(?:value\s+)?to\s+(?:a\s+total\s+of\s+)?$")


def named_for_running_totals(text: str, money: list[MoneyItem]) -> None:
    """Give a total a further term brings a contract to the contract's party and role (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start = item.spans[0][0]
        if not _TOTAL_TO.search(text, max(0, start - 60), start):
            continue
        paragraph = text.rfind("\n", 0, start) + 1
        before = [m for m in money if m.counterparty and m.role in ("contract", "grant") and m.spans
                  and paragraph <= m.spans[0][0] < start]
        if before:
            last = max(before, key=lambda m: m.spans[0][0])
            item.counterparty, item.counterparty_spans = last.counterparty, list(last.counterparty_spans)
            item.role = last.role
