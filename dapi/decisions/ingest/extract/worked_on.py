"""A building read as a party: "a detailed options appraisal ... at a cost of £139,000" for "the Osmani Centre", of
which the record also says "£3.3millon be earmarked ... for works to the Osmani Centre", drafted as a grant to it.

A sum spent on a building (its appraisal, its repair, its refurbishment) is not paid to the building: whoever is paid
(a surveyor, a builder) is another party. A party whose name ends in a building's word ("Centre", "Hall", "Library",
"Pavilion") and which the record writes as the object of work on it ("works to the Osmani Centre", "refurbishment of
the Town Hall", "options for the Library") is left off the line rather than drafted as the payee.
"""

import re

from .draft import MoneyItem

_BUILDING = re.compile(r"\b(?:Centre|Center|Hall|Building|Library|Pool|Museum|Theatre|Pavilion|Depot|Stadium)$")
_WORK_ON = (
    r"\b(?:works?|repairs?|improvements?|refurbishment|renovation|alterations?|extension|redevelopment"
    r"|demolition|options)[ \t]+(?:to|of|for|at)[ \t]+(?:the[ \t]+)?"
)


def drop_buildings_worked_on(text: str, money: list[MoneyItem]) -> None:
    """Leave a sum spent on a named building with no party (the module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self and not m.row]:
        if _BUILDING.search(item.counterparty) and re.search(
            _WORK_ON + re.escape(item.counterparty) + r"(?![\w’'])", text
        ):
            item.counterparty, item.counterparty_spans = None, []
