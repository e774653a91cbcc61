"""A fund's name read as the party to a grant: "NPT Oakdale Church Trust Fund" heading a record of the grants the fund
makes, drafted as grants to "NPT Oakdale Church Trust".

A grant comes out of a fund; it is not given to it. Where every place the record writes the party's name has "Fund"
straight after it, the name is the fund's, the source of the grants, and the line is left with no party rather than
the fund's own name.
"""

import re

from .draft import MoneyItem


def drop_fund_names(text: str, money: list[MoneyItem]) -> None:
    """Drop a grant's party that the record only ever writes as a fund's name (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.role == "grant" and not m.counterparty_is_self]:
        places = list(re.finditer(r"(?<!\w)" + re.escape(item.counterparty) + r"(?!\w)", text))
        if places and all(re.match(r"[ \t]+Fund\b", text[p.end() :]) for p in places):
            item.counterparty, item.counterparty_spans = None, []
