"""The words either side of a money line's sum, on one line: what the role rules read.

A record's line breaks fall anywhere in a sentence ("a total cost of" / "£63,000"), so the words are joined with single
spaces; each side is cut at 250 characters, enough for the clause the sum sits in."""

import re

from .draft import MoneyItem

_WIDTH = 250


def words_around(text: str, item: MoneyItem) -> tuple[str, str]:
    """The words before and after the line's first sum, with every run of spaces and line breaks made one space."""
    start, end = item.spans[0]
    before = re.sub(r"\s+", " ", text[max(0, start - _WIDTH):start])
    after = re.sub(r"\s+", " ", text[end:end + _WIDTH])
    return before, after


def only_dated_payment(item: MoneyItem, money: list[MoneyItem]) -> bool:
    """Whether the line is the one payment line (not `total` nor `other`) with a period: the record's period is read
    from such lines (`document._period`), so a rule that makes it `total` or `other` would take the period away."""
    if not (item.start and item.end) or item.role in ("total", "other"):
        return False
    return not any(m is not item and m.start and m.end and m.role not in ("total", "other") for m in money)
