"""A grant's balance or instalment named for its grantee: "why the £89,000 balance for the Oakdale Housing Project had
been revoked", "the final £2,500 instalment for Riverside Youth Club".

What is left of a grant, or one part of it, is written as the sum, "balance" (or "remainder", "instalment", "tranche")
and "for" the body it was granted to. A sum drafted with no party there is given the capitalised name after "for" (read
as written, up to the first word in lower case, so "Project" or "Club" stays part of it: "Oakdale Housing Project"),
paid out: a grant or contract by what the record commissions (unless read as an allocation already). A name of one word
is left alone (it may be a place or a year's name).
"""

import re

from .draft import MoneyItem
from .money import Context, outgoing_kind

_BALANCE_FOR = re.compile(r"[ \t]+(?:(?:unpaid|remaining|outstanding|final|first|second|last)[ \t]+)?"
                          r"(?:balance|remainder|instalment|tranche)[ \t]+for[ \t]+(?:the[ \t]+)?"
                          r"(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&)){1,6})")


def named_after_balance(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a grant's balance or instalment the body it is for (the module docstring)."""
    for item in [m for m in money if not m.counterparty and not m.row and m.spans]:
        found = _BALANCE_FOR.match(ctx.text, item.spans[0][1])
        if found is None:
            continue
        name = re.sub(r"(?:[ \t]+(?:of|and|&))+$", "", found["n"])
        if " " not in name:
            continue
        start = found.start("n")
        item.counterparty, item.counterparty_spans = name, [(start, start + len(name))]
        item.role = item.role if item.role in ("grant", "contract", "allocation") else outgoing_kind(ctx)
