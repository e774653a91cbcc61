"""The deciding body's own programme or budget given for a party: "an increase of £10 million to the Climate Change
Environment and Transport 2024/25 capital programme".

A sum added "to the <name> capital programme" (or revenue programme) goes into one of the deciding body's own programmes,
named after the committee, portfolio or service that runs it: the name before "capital programme" or "revenue programme"
is the body's own, not the other party of the sum. Such a sum keeps its amount, loses the name and is read as "other"
(a change to the body's own programme pays nobody). A party whose name ends in "Budget" ("the Mayoral Budget") is a
pot of money, never a body, and is taken off too.
"""

import re

from .draft import MoneyItem

_PROGRAMME_AFTER = re.compile(
    r"\s+(?:(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\s+)?(?:capital|revenue)\s+(?:programme|program)\b",
    re.IGNORECASE,
)
_BUDGET = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}Budget")
_REACH = 300  # how far after a sum its own sentence may name the programme


def drop_own_programmes(text: str, money: list[MoneyItem]) -> None:
    """Take off a party that names the body's own programme or a budget (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if not name or item.counterparty_is_self or not item.spans:
            continue
        if _names_programme(text, name, item.spans[0][0]):
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
        elif _BUDGET.fullmatch(name):
            item.counterparty, item.counterparty_spans = None, []


def _names_programme(text: str, name: str, at: int) -> bool:
    """Whether the name stands before "capital programme" in the sum's own stretch of text."""
    window = text[max(0, at - _REACH) : at + _REACH]
    for found in re.finditer(re.escape(name), window):
        if _PROGRAMME_AFTER.match(window, found.end()):
            return True
    return False
