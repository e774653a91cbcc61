"""Bulleted costs in a record whose purpose is funding for one named body: "To allocate additional funding as
detailed within this notice to Safer Roads Partnership for the projects outlined ...", then bullets "To provide
funding for an officer at a cost of £40,000".

When the record says, in one sentence, that it allocates, provides, awards or grants funding to a body, and every
such sentence (not itself a bullet, which would be one of the items) names the same body, the sums on its bulleted
lines that no other rule gave a party are that body's: the bullets break the funding down. A name is a run of
capitalised words (with "of", "and", "for" inside it), perhaps ending in a lower-case "police", "council", "service"
or "trust" as records write "Warwick police", of two words at least, and not the record's own body. Two bodies so
named and nothing is read.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = (r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
         r"(?:[ \t]+(?:police|council|service|trust))?")
_FUNDING_TO = re.compile(
    r"\b(?:[Aa]llocate|[Pp]rovide|[Aa]ward|[Gg]rant)[^.\n:]{0,80}?\bfunding\b[^.\n:]{0,80}?\bto[ \t]+(?:the[ \t]+)?"
    r"(?P<n>" + _NAME + ")")
_BULLET = re.compile(r"[ \t]*[•▪◦*-][ \t]")


def _body_funded(text: str) -> tuple[str, int] | None:
    names: dict[str, tuple[str, int]] = {}
    for found in _FUNDING_TO.finditer(text):
        if _BULLET.match(text, text.rfind("\n", 0, found.start()) + 1):
            continue
        name = re.sub(r"[ \t]+(?:of|and|for|&)$", "", found["n"])
        if len(name.split()) < 2 or is_self(name):
            continue
        names.setdefault(name.casefold(), (name, found.start("n")))
    return next(iter(names.values())) if len(names) == 1 else None


def bullets_of_one_body(text: str, money: list[MoneyItem]) -> None:
    """Give unparted sums on bulleted lines the one body the record funds (the module docstring)."""
    waiting = [item for item in money
               if not (item.counterparty or item.row or item.counterparty_is_self or not item.spans)
               and _BULLET.match(text, text.rfind("\n", 0, item.spans[0][0]) + 1)]
    if not waiting:
        return
    body = _body_funded(text)
    if body is None:
        return
    name, start = body
    for item in waiting:
        item.counterparty, item.counterparty_spans = name, [(start, start + len(name))]
