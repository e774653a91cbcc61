"""Stated totals checked against what they total: the rows of their table or list (a
"breakdown"), or, for a total that is an award plus added money, those sources. A breakdown that
does not add up to its total is a warning; nothing is adjusted to make it fit."""

import re
from decimal import Decimal
from itertools import combinations

from .draft import MoneyItem, Reconciliation
from .tables import Block
from .text import Layout

SOURCES = ("award", "match", "contribution")


def _gbp(value: Decimal) -> str:
    return f"£{value:,.2f}"


def _index_of(money: list[MoneyItem], span) -> int | None:
    return next((i for i, m in enumerate(money) if span in m.spans), None)


def _nearby_total(money: list[MoneyItem], layout: Layout, block: Block, used: set[int]) -> int | None:
    first = layout.line_index(block.span[0])
    last = layout.line_index(block.span[1])
    lo = layout.lines[max(0, first - 4)][0]
    hi = layout.lines[min(len(layout.lines) - 1, last + 3)][1]
    candidates = [i for i, m in enumerate(money) if m.role == "total" and i not in used and not m.row
                  and any(lo <= s < hi for s, _ in m.spans)]
    if not candidates:
        return None
    return min(candidates, key=lambda i: min(abs(s - block.span[0]) for s, _ in money[i].spans))


def reconcile(money: list[MoneyItem], blocks: list[Block], layout: Layout) -> tuple[list[Reconciliation], list[str]]:
    reconciliations, warnings, used = [], [], set()
    for block in blocks:
        indices = [i for i in (_index_of(money, row.amount.span) for row in block.rows) if i is not None]
        totals = [i for i in indices if money[i].role == "total"]
        parts = [i for i in indices if money[i].role != "total"]
        total = totals[-1] if totals else _nearby_total(money, layout, block, used)
        if total is None or len(parts) < 1:
            continue
        used.add(total)
        label = (block.heading or money[total].label).rstrip(":").replace("\t", " ")
        found = Reconciliation(total, parts, "breakdown", label)
        reconciliations.append(found)
        if not found.reconciles(money):
            stated, computed = found.stated(money), found.computed(money)
            direction = "more" if computed > stated else "less"
            warnings.append(f"The breakdown under “{label}” adds up to {_gbp(computed)}, {_gbp(abs(computed - stated))} "
                            f"{direction} than the stated total of {_gbp(stated)}.")
    for total, item in enumerate(money):
        if item.role != "total":
            continue
        sources = [i for i, m in enumerate(money) if m.role in SOURCES and not m.row and m.amount < item.amount]
        for size in range(2, min(4, len(sources)) + 1):
            match = next((c for c in combinations(sources, size)
                          if sum(money[i].amount for i in c) == item.amount), None)
            if match:
                reconciliations.append(Reconciliation(total, list(match), "sources", item.label))
                break
            if len(sources) > 12:
                break
    return reconciliations, warnings


_PART = r"[^£.;()\n]{1,80}?\(£(?P<%s>\d{1,3}(?:,\d{3})+(?:\.\d\d)?)\)"
# A sum followed in its clause by the two parts it comes from, each figure in brackets after its name: "a budget of up to
# £4,486,400 allocated from Gainshare Revenue (£3,150,260) and Gainshare Capital (£336,140)".
_TWO_PARTS = re.compile(_PART % "a" + r"[ \t]+and" + _PART % "b")


def flag_unequal_parts(text: str, money: list[MoneyItem]) -> None:
    """A sum whose two stated parts add up to another figure carries a warning: one of the figures is wrong, and the
    record does not say which, so none is corrected."""
    for item in money:
        for _start, end in item.spans:
            parts = _TWO_PARTS.match(text, end)
            if not parts or item.warning:
                continue
            computed = sum(Decimal(parts[k].replace(",", "")) for k in "ab")
            if computed != item.amount:
                item.warning = (f"{_gbp(item.amount)} is said to come from £{parts['a']} and £{parts['b']}, which add "
                                f"up to {_gbp(computed)}: check which figure is right.")
