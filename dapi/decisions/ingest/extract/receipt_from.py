"""The funder the record says the deciding body receives its allocation from: "receipt by the GLA from the Department
for Levelling Up, Housing and Communities (DLUHC) of London's capital and revenue funding allocation", then
"London's indicative allocation ... is circa £75.2m of capital and £31.4m of revenue".

A record about receiving a funder's money names the funder once, where it says the money is received from it, and
gives the sums in sentences of their own. Only when the record names exactly one such funder, after "receipt by" the
deciding body "from", or "receipt of ... funding from"; only for an allocation, a grant or an award left without a
body, never a row of a table; the line is read as the funder's award and carries a warning, so a reviewer checks it
first.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_RECEIPT = re.compile(
    r"\breceipt\s+(?:by\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}\s+"
    r"|(?:and\s+expenditure\s+)?of\s+(?:the\s+)?[\w\s,'’-]{0,60}?(?:funding|grant|allocation)\s+)from\s+(?:the\s+)?"
    r"(?P<n>[A-Z][\w'’&-]*(?:,?\s+(?:(?:of|for|the|and|&)\s+)*[A-Z][\w'’&-]*){0,8})(?=\s*[(,.;]|\s+(?:of|to|for|in)\b)")


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def named_by_receipt(text: str, money: list[MoneyItem]) -> None:
    """Give the one funder the deciding body receives its money from to its sums left without a body, as its award
    (the module docstring)."""
    funders = {}
    for found in _RECEIPT.finditer(text):
        name = found["n"].rstrip(",")
        if not is_self(name) and (len(name.split()) >= 2 or name.isupper()):
            funders.setdefault(name, found.span("n"))
    # "the Department for Levelling Up, Housing and Communities (DLUHC)" and "DLUHC" are one funder.
    funders = {n: s for n, s in funders.items() if not any(n != m and n == _initials(m) for m in funders)}
    if len(funders) != 1:
        return
    (name, span), = funders.items()
    for item in money:
        if (item.counterparty is not None or item.row or item.counterparty_is_self or not item.spans
                or item.role not in ("grant", "award", "allocation")):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", name, [span]
        item.warning = item.warning or (f"{name} taken as the funder of this sum: the one body the record says its "
                                        "money is received from; the sum's own sentence names none")
