"""A sector's short name read as a party: "the Council had provided £150,000 in support to the Voluntary and Community
Sector (VCS)", then "a grant of £2,000 to VCS groups", drafted as grants to "VCS".

A sector (the voluntary and community sector, the third sector, the private sector) is a kind of body, not a body: no
one can be paid as "the sector". A party whose name the record gives in brackets as the short form of a phrase ending
"sector", or whose name itself ends "Sector", is left off the line rather than drafted as the payee.
"""

import re

from .draft import MoneyItem


def drop_sector_parties(text: str, money: list[MoneyItem]) -> None:
    """Leave a sum given to a sector, by its name or its short form, with no party (the module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self]:
        name = re.escape(item.counterparty)
        short_for_sector = re.search(r"\b[Ss]ector[ \t]*\([ \t]*(?:the[ \t]+)?" + name + r"[ \t]*\)", text)
        if short_for_sector or re.search(r"[ \t]Sector$", item.counterparty):
            item.counterparty, item.counterparty_spans = None, []
