"""A sum a body agrees to provide "towards" a cost: "That the BID's agreement to provide £40,000 towards the cost of
upgrading the CCTV for Newcastle's town centre be noted".

A body that agrees or offers to provide, give or pay a sum towards the cost of something the decider pays for makes a
contribution to it; read one mention at a time, the sum was taken for a contract (the work it goes towards) or left
as "other". Only a sum with "agreement", "agreed", "offer", "offered" or "undertaking" and "to provide", "to give",
"to pay" or "to contribute" right before it and "towards" right after it (after "per annum" or "a year").
"""

import re

from .draft import MoneyItem

_AGREED_TO = re.compile(r"\b(?:agreement|agreed|offer(?:ed)?|undertaking|undertook)[ \t]+to[ \t]+"
                        r"(?:provide|give|pay|contribute)[ \t]+(?:up[ \t]+to[ \t]+)?$", re.I)
_TOWARDS = re.compile(r"[ \t]*(?:(?:a|per)[ \t]+(?:year|annum)[ \t]+)?towards\b", re.I)


def contributions_towards(text: str, money: list[MoneyItem]) -> None:
    """Make a sum agreed "towards" a cost a contribution (the module docstring)."""
    for item in money:
        if not item.spans or item.role not in ("contract", "other"):
            continue
        start, end = item.spans[0]
        if _AGREED_TO.search(text, max(0, start - 60), start) and _TOWARDS.match(text, end):
            item.role = "contribution"
