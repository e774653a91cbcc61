"""A sum a named body is said, just before it, to have been awarded or to have received, in the forms the simpler
"received £X" rule (received_by_name) leaves: "Eastfield Village Hall was awarded a Community Buildings grant of
£7,500", "The 2nd Northbury Scout Group applied for and were awarded £1,200", "Northbury Tennis Club had received
£3,000".

The body is the grammatical subject of the awarding or the receiving, so the sum is its. A run of capitalised words
(with "of", "and", "for", "&" inside it, perhaps opened by an ordinal such as "1st"), of two words at least, perhaps
followed by its initials in brackets, then "had received", "has/have/had been awarded", or "(applied for and) was/were
awarded", perhaps with "a ... grant (award, sum) of" before the sum. Not the record's own body, nor the last of a list
of bodies ("A and B were awarded £500": whose the sum is stays open), and not a sum received "from" a body named after
it (the giver named there is the other party the record means). Only for a sum the other rules left without a party
and without a warning (a party an earlier rule took off, warning why, is not put back), never a row of a table.
"""

import re

from .draft import MoneyItem
from .received_by_name import name_the_subject

_NAME = r"(?<![\w&'’-])(?:\d+(?:st|nd|rd|th)[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_AWARDED = re.compile(
    r"(?P<n>" + _NAME + r")(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?[ \t]+"
    r"(?:had[ \t]+received|(?:has|have|had)[ \t]+been[ \t]+awarded"
    r"|(?:applied[ \t]+for[ \t]+and[ \t]+)?(?:was|were)[ \t]+awarded"
    r"(?:[ \t]+an?[ \t]+(?:(?!\bto\b)[^£.;:\n]){0,60}?\b(?:grant|award|sum)[ \t]+of)?)[ \t]+(?:up[ \t]+to[ \t]+)?$")
_FROM_AFTER = re.compile(r"[^£.;:\n]{0,40}?\bfrom[ \t]+(?:the[ \t]+)?[A-Z]")
_WINDOW = 200


def named_as_awarded(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body said to have been awarded or to have received it (the module docstring)."""
    for item in money:
        if item.counterparty or item.warning or item.row or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        window = max(0, start - _WINDOW)
        found = _AWARDED.search(text[window:start])
        if found and not _FROM_AFTER.match(text, end):
            name_the_subject(item, text, window, found)
