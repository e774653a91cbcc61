"""A body's own contract "with" another: "Wiltshire Police to leave its £700,000 a year contract with the National
Police Air Service (NPAS)".

"Its" or "their" right before a contract's sum makes the body named before it the buyer; the other party is the one
named after "contract with". Read here from the words themselves, so a body no list of organisations holds ("Air
Service") is read too: capitalised words (with "of", "and", "for", "&") after "contract with (the)", up to the first
word that is not one. Only sums read as a contract, only when "contract with" follows the sum at once (after "a year",
"per annum" or "annual"), and each sum so read keeps a warning.
"""

import re

from .beside import can_be_party
from .draft import MoneyItem

_OWNER = re.compile(r"\b(?:its|their)[ \t]+$", re.I)
_WITH = re.compile(r"[ \t]*(?:(?:a|per)[ \t]+(?:year|annum)[ \t]+|annual[ \t]+)?contract[ \t]+with[ \t]+(?:the[ \t]+)?"
                   r"(?P<name>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|for|&))*)")


def contract_with(text: str, money: list[MoneyItem]) -> None:
    """Give a body's own contract's sum the body it is "with" (the module docstring), with a warning."""
    for item in money:
        if not item.spans or item.counterparty_is_self or item.role != "contract":
            continue
        start, end = item.spans[0]
        found = _WITH.match(text, end)
        if not found or not _OWNER.search(text, max(0, start - 8), start):
            continue
        name = re.sub(r"[ \t]+(?:of|and|for|&)$", "", found["name"])
        if not can_be_party(name) or name == item.counterparty:
            continue
        item.counterparty, item.counterparty_spans = name, [(found.start("name"), found.start("name") + len(name))]
        item.warning = item.warning or (f"this sum is its payer's own contract with {name}, named after it: check it "
                                        "is the other party")
