"""A sum restated with one digit different: "approval to accept and spend funding of up to £2,726,075" in the report
and "approve receipt of ... up to a total of £2,726,025" in the resolution; "funding of £372,818 per annum" twice and
"The cost of £373,818 per annum" in the financial comments; "the £40,945,591 grant" and "expenditure of up to
£40,945,59 of grant-funding".

A record that states one sum in its summary, its resolution and its financial comments often mistypes one of them. Two
whole figures of the record, each with at least five significant digits, that differ in one digit other than the first
and the units (or the one the other with a digit lost, one of them written with its separators misplaced), are no two
sums of the decision: one of them is a misprint, and which cannot be told from the text, so the line is flagged rather than read
as a sum of its own. Where one figure is written more often than the other, only the rarer is flagged (the record
most likely says the right one more often); where both are written as often, both are.

Two figures that differ by a sum the record states ("from £1,767,757 ... by £300,000 ... to £1,467,757", or "£1,892,893
of which £1,700,000 and £192,893") are a change or a breakdown, not a restatement, and are left alone; so are figures
one pound apart (the rounding of a total of parts), round figures ("£150,000" and "£160,000" are two sums) and figures
apart in their first digit ("£29,999" and "£49,999", the tops of two bands).
"""

import re
from decimal import Decimal

from .draft import MoneyItem

_MISPLACED = re.compile(r"\d,\d{1,2}(?!\d)|\d,\d{4}")


def _digits(amount: Decimal) -> str:
    return str(int(amount))


def _significant(amount: Decimal) -> int:
    return len(_digits(amount).rstrip("0"))


def _one_changed(a: str, b: str) -> bool:
    diff = [i for i in range(len(a)) if a[i] != b[i]] if len(a) == len(b) else []
    return len(diff) == 1 and 0 < diff[0] < len(a) - 1


def _one_lost(short: str, full: str) -> bool:
    return len(full) == len(short) + 1 and any(full[:i] + full[i + 1:] == short for i in range(len(full)))


def _written(text: str, item: MoneyItem) -> list[str]:
    return [text[s:e] for s, e in item.spans]


def _misplaced(text: str, item: MoneyItem) -> bool:
    return any(_MISPLACED.search(w) for w in _written(text, item))


def _restated(text: str, a: MoneyItem, b: MoneyItem) -> bool:
    da, db = _digits(a.amount), _digits(b.amount)
    if _one_changed(da, db):
        return not a.warning and not b.warning
    short, full = sorted((a, b), key=lambda m: len(_digits(m.amount)))
    return (_one_lost(_digits(short.amount), _digits(full.amount)) and _significant(full.amount) >= 6
            and (_misplaced(text, short) or _misplaced(text, full)))


def _times(money: list[MoneyItem], amount: Decimal) -> int:
    return len({span for m in money if m.amount == amount for span in m.spans})


def flag_restated_sums(text: str, money: list[MoneyItem]) -> None:
    """Flag each sum that restates another with one digit different (the module docstring)."""
    figures = [m for m in money if m.spans and m.amount == int(m.amount) and _significant(m.amount) >= 5]
    stated = {m.amount for m in money}
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            if a.amount == b.amount or abs(a.amount - b.amount) < 2 or abs(a.amount - b.amount) in stated:
                continue
            if not _restated(text, a, b):
                continue
            times_a, times_b = _times(money, a.amount), _times(money, b.amount)
            for item, other, rarer in ((a, b, times_a <= times_b), (b, a, times_b <= times_a)):
                if rarer and not item.warning:
                    item.warning = (f"£{item.amount:,.0f} differs by one digit from £{other.amount:,.0f}, stated "
                                    "elsewhere in the record: one of them may be a misprint; check the amount")
