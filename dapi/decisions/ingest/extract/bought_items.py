"""Lines of a record that say what is bought, not who is paid: "- ISD hardware £18.75k", "- Year 2 onwards ISD equipment
maintenance and support £0.5k per annum", "- Year 2 onwards maintenance and support £2.8k per annum".

A request to buy or upgrade a system lists its costs by what they buy: hardware, software, equipment, licences,
maintenance. A name or initials right before such a word ("ISD hardware", "the Airwave devices") name the kind of kit,
a system or a department's make of it, not a supplier paid: the name is left out, and the line flagged so a reviewer
checks whether it does name a supplier. A sum that names nobody and is for such kit is no grant (a grant is paid to a
body to spend): it is "other". A name that is a body by its kind ("Oakdale Systems Ltd") keeps it.
"""

import re

from .draft import MoneyItem

_KIT = r"(?:hardware|software|equipment|licen[cs]es?|maintenance|servers?|devices?|handsets?)"
_KIT_AFTER = re.compile(r"[ \t]+" + _KIT + r"\b")
# A line's words before its sum ending in a word for kit: "ISD hardware £18.75k", "maintenance and support £2.8k".
_KIT_BEFORE = re.compile(r"\b" + _KIT + r"(?:[ \t]+and[ \t]+(?:support|installation))?[ \t]*[-–:]?[ \t]*$", re.IGNORECASE)
_BODY = re.compile(r"\b(?:Ltd|Limited|LLP|plc|PLC|Inc|Group|Company|Corporation)\b")


def _line_before(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1:at]


def drop_bought_items(text: str, money: list[MoneyItem]) -> None:
    """Leave out a name that names the kit a sum buys, and read a sum for kit that names nobody as "other" (the module
    docstring)."""
    for item in money:
        if not item.spans:
            continue
        before = _line_before(text, item.spans[0][0])
        if not _KIT_BEFORE.search(before):
            continue
        if item.counterparty and not _BODY.search(item.counterparty):
            named = re.search(r"(?<![\w-])" + re.escape(item.counterparty) + r"(?=" + _KIT_AFTER.pattern + ")", before)
            if not named:
                continue
            item.warning = item.warning or (f"“{item.counterparty}” names the kit this sum buys, not who is paid: check "
                                            "whether a supplier is named")
            item.counterparty, item.counterparty_spans = None, []
        if not item.counterparty and item.role == "grant":
            item.role = "other"
