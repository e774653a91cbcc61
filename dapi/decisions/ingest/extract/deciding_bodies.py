"""A board or committee the record says considered the matter and agreed: "On 18 December 2025, the Sandwell Joint
Partnership Board considered the future commissioning arrangements for the service and agreed that recommissioning
should proceed".

Such a body decides; it is not paid the sums it decided on. A party whose name ends in "Board", "Committee", "Panel"
or "Cabinet", and is named in the record only where it "considered", "agreed", "resolved", "approved", "noted" or
"endorsed" something, is taken off its lines; their roles stay.
"""

import re

from .draft import MoneyItem

_DECIDING_BODY = re.compile(r"(?:Board|Committee|Panel|Cabinet)$")
_DECIDED = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:considered|agreed|resolved|approved|noted|endorsed)\b")


def drop_deciding_bodies(text: str, money: list[MoneyItem]) -> None:
    """Take a body that only decided off the lines it was given (the module docstring)."""
    for name in {m.counterparty for m in money if m.counterparty and _DECIDING_BODY.search(m.counterparty)}:
        ends = [found.end() for found in re.finditer(re.escape(name), text)]
        if ends and all(_DECIDED.match(text, end) for end in ends):
            for item in money:
                if item.counterparty == name:
                    item.counterparty, item.counterparty_spans = None, []
