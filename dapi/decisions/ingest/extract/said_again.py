"""A sum said again, rounded, with "the" before it: "the announcement of £345,319 in new government funding for the
Lancashire Police and Crime Commissioner", then "The £345,000 awarded to Lancashire will go towards ...".

"The" before a figure points back to a sum the text has already given: the rounded figure is the same award said
again, so it is paid by and to the same parties and has the same role. The readings of one mention at a time leave it
without a party and call it "other". Only a figure rounded to at most three significant digits, with "the" right
before it, that is less than 1% below an exact figure given earlier whose line has a party; it keeps its own line (the
record says it twice) and a warning, so a reviewer checks it is the same sum.
"""

import re
from decimal import Decimal

from .draft import MoneyItem

_THE = re.compile(r"\b[Tt]he[ \t]+$")
_CLOSE = Decimal("0.01")


def _rounded(amount: Decimal) -> bool:
    digits = str(int(amount)).rstrip("0")
    return amount == int(amount) and 0 < len(digits) <= 3 and amount >= 1000


def _earlier_exact(money: list[MoneyItem], said: MoneyItem) -> MoneyItem | None:
    for m in money:
        if (m is not said and m.counterparty and m.spans and m.spans[0][0] < said.spans[0][0]
                and not _rounded(m.amount) and 0 < (m.amount - said.amount) / m.amount < _CLOSE):
            return m
    return None


def sums_said_again(text: str, money: list[MoneyItem]) -> None:
    """Give a rounded sum said again with "the" the parties and role of the exact sum (the module docstring)."""
    for item in money:
        if (not item.spans or item.counterparty or item.counterparty_is_self or item.role != "other"
                or not _rounded(item.amount) or not _THE.search(text, max(0, item.spans[0][0] - 8), item.spans[0][0])):
            continue
        exact = _earlier_exact(money, item)
        if exact is None:
            continue
        item.counterparty, item.counterparty_spans, item.role = exact.counterparty, list(exact.counterparty_spans), exact.role
        item.warning = item.warning or (f"this sum looks like the £{exact.amount:,} given earlier, said again rounded: "
                                        "check it is the same sum and not a second one")
