"""A sum a named body is said, just before it, to have received: "In 2019, Rising Voices Trust (RVT) received
£2,975 to provide counselling", "Safer Homes Partnership has received £12,000".

A run of capitalised words (with "of", "and", "for" inside it), of two words at least, perhaps followed by its
initials in brackets, then "received", "has received", "have received" or "was awarded" and straight away the sum, is
the sum's party: the body is the grammatical subject of the receiving. Not the record's own body, nor the last of a
list of bodies ("A (AB) and C have received £60,000 each": whose the sum is stays open), and only for a sum the other
rules left without a party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_RECEIVED = re.compile(
    r"(?P<n>" + _NAME + r")(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?[ \t]+"
    r"(?:(?:has|have)[ \t]+received|received|was[ \t]+awarded|were[ \t]+awarded)[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?$")
_WINDOW = 200


def named_as_receiving(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body said to have received it, named just before it (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start = max(0, item.spans[0][0] - _WINDOW)
        found = _RECEIVED.search(text[start:item.spans[0][0]])
        if found:
            name_the_subject(item, text, start, found)


def name_the_subject(item: MoneyItem, text: str, start: int, found: re.Match) -> None:
    """Give `item` the body `found` names in its group "n" (searched in `text` from `start`, just before the sum), without
    a leading "In", "On", "By", "At" or "The": not the last of a list of bodies ("A and B"), not a single word, not the
    record's own body. Shared by the rules that read a body as the subject of receiving or being awarded a sum."""
    before = text[:start + found.start("n")].rstrip(" \t")
    if before.endswith("&") or re.search(r"\band$", before):
        return
    name = re.sub(r"^(?:In|On|By|At|The)[ \t]+(?=[A-Z\d])", "", found["n"])
    if len(name.split()) < 2 or is_self(name):
        return
    begin = start + found.start("n") + len(found["n"]) - len(name)
    item.counterparty, item.counterparty_spans = name, [(begin, begin + len(name))]
