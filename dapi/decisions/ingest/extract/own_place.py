"""A council's place read as a party: "An additional £450,000 has been transferred to West Dunbartonshire’s community
planning partnership budget" in a record of West Dunbartonshire Council, drafted as a grant to "West Dunbartonshire".

A place's name with "’s" and what it owns after it ("West Dunbartonshire’s community planning partnership budget") names
the place's budget or scheme, not a body, and where the record names the place's council ("West Dunbartonshire
Council") the money is that council's own. A party written only so, as a place whose council the record names, is left
off the line rather than drafted as the place.
"""

import re

from .draft import MoneyItem

_COUNCIL = r"[ \t]+(?:(?:County|County[ \t]+Borough|Borough|City|District|Metropolitan[ \t]+Borough)[ \t]+)?Council\b"


def drop_own_places(text: str, money: list[MoneyItem]) -> None:
    """Leave a sum given to a council's place by its possessive with no party (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans and not m.counterparty_is_self]:
        name = re.escape(item.counterparty)
        if not re.search(r"(?<!\w)" + name + _COUNCIL, text):
            continue
        if all(re.match(r"[’']s[ \t]+[a-z]", text[end:]) for _, end in item.counterparty_spans):
            item.counterparty, item.counterparty_spans = None, []
