"""A contract's sum whose provider the record names elsewhere, in the direct award it makes: "This report is
requesting approval to proceed with a direct award to Acme Community Healthcare NHS Trust (ACH) for a period of two
years ... The total cost of the two-year contract was £6,920,656", "... by way of a direct award for a 12 month term
with a contract value of £194,454.52 ... The direct award of a further 12-month contract to Acme Solutions."

A record that awards one contract without competition says who to in a sentence of its own ("direct award (of a
further contract) to", even with a clause between: "a direct award, and a waiver from the Procurement Code, to
ACH"), and states the price in another, too far from the name for the nearer readings. When every direct award the
record speaks of is to one provider (its full name, or the initials it is given in brackets right after it), a sum
its own sentence calls a contract's ("contract value of", "the cost of the two-year contract was") and that the other
rules left without a party is that provider's contract. Two providers, or none, leave the sum alone; never a row of a
table, never the record's own body.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"(?-i:[A-Z])[\w'’&-]*"
_DIRECT_AWARD = re.compile(
    r"\bdirect[ \t]+award(?:[ \t]+of[ \t]+(?:a|an|the)[ \t]+(?:further[ \t]+|new[ \t]+)?[\w-]*[ \t]*contract"
    r"|,[^,.;:£\n]{1,80},)?\s+to\s+(?:the\s+)?"
    rf"(?P<n>{_WORD}(?:\s+(?:(?:of|and|&)\s+)?{_WORD})*)(?:\s*\((?P<i>[A-Z]{{2,8}})\))?", re.IGNORECASE)
_CONTRACT_SUM = re.compile(r"\bcontract\b[^.;£]{0,60}$", re.IGNORECASE)


def _one_provider(text: str) -> tuple[str, tuple[int, int]] | None:
    """The one provider every direct award in the text is made to, with where it is first named, or None."""
    names: dict[str, tuple[int, int]] = {}
    initials: dict[str, str] = {}
    for found in _DIRECT_AWARD.finditer(text):
        name = " ".join(found["n"].split())
        if " " not in name and not name.isupper():
            return None  # one ordinary capitalised word ("to Cabinet") is not a provider's name
        names.setdefault(name, found.span("n"))
        if found["i"]:
            initials[found["i"]] = name
    full = {initials.get(name, name) for name in names}
    if len(full) != 1:
        return None
    name = full.pop()
    return None if is_self(name) else (name, names.get(name) or next(iter(names.values())))


def named_by_direct_award_elsewhere(text: str, money: list[MoneyItem]) -> None:
    """Give a contract's sum left without a party the one provider the record makes a direct award to (the module
    docstring)."""
    provider = None
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        start = item.spans[0][0]
        if not _CONTRACT_SUM.search(text, max(0, start - 80), start):
            continue
        provider = provider or _one_provider(text)
        if provider is None:
            return
        item.role, item.counterparty, item.counterparty_spans = "contract", provider[0], [provider[1]]
