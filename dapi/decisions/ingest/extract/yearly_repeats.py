"""The same sum given again for the next financial year, in one run of the sentence: "a two-year funding settlement
be allocated to Links CVS with £8,001 allocated for 2024/25 and £8,001 for 2025/26", "OneYMCA (£172k in 2023/24,
£172k in 2024/25)", "£25,000 in 2019/20 and £25,000 in 2020/21 to deliver National Hate Crime Awareness events".

corpus/README.md: the same sum awarded again for a later period by the same funder is two lines. The readings of one
mention at a time join the two mentions into one line, as a sum said again for the same purpose. Split here, only
where each mention has its own financial year right after it ("in", "for", "allocated for" and the year) and the
two are at most a short run of words apart, joined only by "and", a comma or a semicolon: the later mention becomes
a line of its own with the same party and role, and each line takes the period of its own year. A sum said again for
the same year, or further on, is left as one line; a row of a table is left as read.
"""

import dataclasses
import re
from datetime import date

from .draft import MoneyItem

# "in 2024/25", "for 2025/26", "allocated for 2024/25", "in 2021-22", each right after its sum (perhaps after "k").
_YEAR_AFTER = re.compile(
    r"[ \t]*(?:allocated[ \t]+)?(?:in|for)[ \t]+(?:the[ \t]+(?:financial[ \t]+)?year[ \t]+)?"
    r"(?P<y1>20\d\d)[ \t]?[/–-][ \t]?(?P<y2>20\d\d|\d\d)(?![\d/])")
# What may lie between the first year and the second sum: "and", a comma or a semicolon.
_JOIN = re.compile(r"^[ \t]*(?:[,;][ \t]*)?(?:and[ \t]+)?$")
_LONGEST_GAP = 60


def _year(text: str, end: int) -> int | None:
    found = _YEAR_AFTER.match(text, end, min(len(text), end + 50))
    if not found:
        return None
    first, second = int(found["y1"]), found["y2"]
    if int(second[-2:]) != (first + 1) % 100:
        return None  # not one financial year ("2021-2025" is a run of years)
    return first


def _year_end(text: str, end: int) -> int:
    found = _YEAR_AFTER.match(text, end, min(len(text), end + 50))
    return found.end() if found else end


def _next_year(text: str, first: tuple[int, int], second: tuple[int, int]) -> int | None:
    """The year of `second` when it is the same sum again for the year after `first`'s, a short run of words on."""
    if second[0] - first[1] > _LONGEST_GAP:
        return None
    first_year, second_year = _year(text, first[1]), _year(text, second[1])
    if first_year is None or second_year != first_year + 1:
        return None
    return second_year if _JOIN.match(text[_year_end(text, first[1]):second[0]]) else None


def split_yearly_repeats(text: str, money: list[MoneyItem]) -> None:
    """Give the same sum said again for the next financial year a line of its own (the module docstring)."""
    for index in range(len(money) - 1, -1, -1):
        item = money[index]
        if item.row or len(item.spans) < 2:
            continue
        spans = sorted(item.spans)
        again = []
        for first, second in zip(spans, spans[1:]):
            year = _next_year(text, first, second)
            if year is not None:
                again.append(dataclasses.replace(
                    item, spans=[second], counterparty_spans=list(item.counterparty_spans), date_spans=[],
                    start=date(year, 4, 1), end=date(year + 1, 3, 31)))
        if not again:
            continue
        first_year = _year(text, spans[0][1])
        item.spans = [span for span in item.spans if all(span != line.spans[0] for line in again)]
        if first_year is not None and item.spans == [spans[0]]:
            item.start, item.end = date(first_year, 4, 1), date(first_year + 1, 3, 31)
        money[index + 1:index + 1] = again
