"""A sum that is money the deciding body holds unspent: "showed an underspend against budget of £71,000", "the ADP
under spend for 2010 – 2011 is £65279", "The opening balance of the Trinity Arts Centre reserve was £11,900", "they
were currently sat on POCA funds circa £310,000", "£42,628 current unallocated funding".

An underspend, a reserve's balance, funds held, carried forward or not yet allocated are what is left in the deciding
body's own books: no one is paid it and no one pays it, whatever name stands next to it (the fund's or reserve's own,
the partnership's whose budget it is, a project the reserve was kept for). A line whose sum follows, in its clause and
within a few words with no other sum between, "underspend" (or "under spend"), "unallocated", "opening balance", a
reserve that "was" or "is" the sum, or funds "circa" the sum, or is followed by "(current) unallocated" or "carry
forward", is left with no party and as "other" (a balance is neither a grant nor a contract), with a warning. "£650k of
unallocated developer funding" to a named body is a grant, not a balance, and is not read here.
"""

import re

from .draft import MoneyItem

_BEFORE = re.compile(r"\b(?:under[ \t]?spends?|unallocated|opening[ \t]+balance|reserves?[ \t]+(?:was|is|stands[ \t]+at)|"
                     r"funds?[ \t]+circa)\b[^.;:\n£]{0,30}$", re.IGNORECASE)
_AFTER = re.compile(r"[ \t]+(?:current[ \t]+)?(?:unallocated|carry[ \t-]forward)\b", re.IGNORECASE)


def drop_held_balance_parties(text: str, money: list[MoneyItem]) -> None:
    """Take the party off a sum the deciding body holds unspent (the module docstring)."""
    for item in money:
        if not item.counterparty or item.row or not item.spans:
            continue
        start, end = item.spans[0]
        if _BEFORE.search(text, max(0, start - 80), start) or _AFTER.match(text, end):
            name = item.counterparty
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
            item.warning = item.warning or (f"read as money the deciding body holds unspent, not a sum paid to or by "
                                            f"{name}: check the party")
