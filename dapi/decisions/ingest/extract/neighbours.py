"""Money lines that take their meaning from a neighbouring line: rows labelled only by a period split the
sum stated above them, and the second sum of "from £37,500 to £112,750" is the same kind of line as the first."""

import re

from .draft import MoneyItem


def changed_sums(ctx, items: list[MoneyItem]) -> None:
    """"increased its allocation from £37,500 to £112,750": the sum after a change is the same kind of line."""
    for previous, item in zip(items, items[1:]):
        (start, end), (following, _) = previous.spans[0], item.spans[0]
        if (not item.row and re.search(r"\bfrom\s+$", ctx.text[max(0, start - 8):start])
                and re.fullmatch(r"\s+to\s+", ctx.text[end:following])):
            item.role, item.counterparty = previous.role, previous.counterparty
            item.counterparty_spans = list(previous.counterparty_spans)


def split_by_period(ctx, items: list[MoneyItem]) -> None:
    """Rows labelled only by a period ("1st April 2023 – 31st March 2024: £1,888,259") split the sum stated
    just above them: each takes that sum's role and counterparty, not its own label as a name."""
    for index, item in enumerate(items):
        if not item.row or not item.counterparty:
            continue
        label = item.counterparty_spans[0] if item.counterparty_spans else None
        dates = [d for d in ctx.dates if label and label[0] <= d.start < label[1]]
        rest = ctx.text[label[0]:label[1]] if label else ""
        for d in sorted(dates, key=lambda d: -d.start):
            rest = rest[:d.start - label[0]] + rest[d.end - label[0]:]
        if not dates or re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:to|and|until|from)\b", "", rest)):
            continue
        above = [m for m in items[:index] if not m.row and m.spans[0][1] <= item.spans[0][0]
                 and item.spans[0][0] - m.spans[0][1] < 600]
        source = above[-1] if above else None
        item.counterparty = source.counterparty if source else None
        item.counterparty_spans = list(source.counterparty_spans) if source else []
        item.counterparty_is_self = source.counterparty_is_self if source else False
        if source and source.role != "total":
            item.role = source.role
