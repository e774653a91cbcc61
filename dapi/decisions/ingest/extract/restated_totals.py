"""A sum said again as a total, with nobody named beside it: "awards £4,500 to the Harbour Mediation Company", then
"awards the sum requested to the above organisation totalling £4,500"; "a Capital Grant of £80,000 to the Northside
Community Association", then "the total cost of the project is £80,000".

The reading of one mention at a time drafts the second mention as a total of its own, with no party, beside the line
of the same sum paid to or by a named body; the merging of mentions keeps a total apart from a grant, since a total of
a list is often the same figure as one of its parts. Where the total names no body, carries no warning, and exactly one
other line of the record has the same amount and a party, and is no total itself, the two are one sum said twice: the
total's mentions are added to that line and the total is taken off.

Left alone: a named line whose sentence speaks of funding "available" (a pot shared among projects, whose body beside
it is often only its sponsor: the total is then the line), and a named line whose body is also named with another sum
("a grant of £40,000 to the Advice Centre and £85,000 in small grants to local groups": the body is the first sum's,
and the total of the second is its own line).
"""

import re

from .draft import MoneyItem

_AVAILABLE = re.compile(r"\bavailable\b", re.I)


def join_restated_totals(money: list[MoneyItem]) -> None:
    """Add each party-less total that restates one named line's sum to that line (the module docstring)."""
    for total in [m for m in money if m.role == "total" and not m.counterparty and not m.counterparty_is_self
                  and not m.warning]:
        same = [m for m in money if m is not total and m.amount == total.amount]
        if len(same) != 1 or same[0].role == "total" or not same[0].counterparty or _AVAILABLE.search(same[0].label):
            continue
        if any(m.counterparty == same[0].counterparty and m.amount != total.amount for m in money):
            continue
        same[0].spans = sorted(set(same[0].spans + total.spans))
        money.remove(total)
