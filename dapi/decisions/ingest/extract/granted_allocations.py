"""A sum the sentence says is granted or awarded to a named body is a grant, whatever "allocation" its sentence also
speaks of: "the allocation of this funding by way of grant of £150,000 to British Transport Police", "the decision to
award a grant of £20,986.88 from the Project Development Fund to Newcastle City Council", "To award Runnymede Borough
Council £4,800 to support a mobile CCTV unit", "Liverpool City Council receives the largest grant of £962,000".

corpus/README.md: a sum paid to one body is a `grant` (`allocation` is kept for sums earmarked in a budget or
allocated or delegated to a partnership). A line drafted as `allocation` (the word "allocation" or "allocated"
elsewhere in its sentence) that has a party is made `grant` when the words just before its sum are "grant of"
(perhaps "up to"), or "To award" and a name in capitals (a resolution's opening words, as a list of awards writes
them; "agrees to award" within a sentence is left as read). Left as read: a row of a table (a table's heading, not
its sentence, says what its rows are), a line with no party, a party that is a partnership, and a body "provided a
grant of" a sum (a grant it received from a funder, not one the deciding body gives). The line's party is left as
read.
"""

import re

from .draft import MoneyItem
from .sum_words import words_around

_NAME = r"(?:the\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z&][\w&’'-]*){0,6}"
_GRANTED = re.compile(
    r"\bgrant\s+of\s+(?:up\s+to\s+)?$"
    r"|\bTo\s+award\s+" + _NAME + r"\s*$")
# "has been provided a grant of": a grant the named body received from a funder, not one the deciding body gives.
_PROVIDED = re.compile(r"\bprovided\s+(?:with\s+)?a\s+grant\s+of\s+(?:up\s+to\s+)?$", re.IGNORECASE)


def granted_allocations(text: str, money: list[MoneyItem]) -> None:
    """Make a sum granted, awarded or received by a named body, drafted as an `allocation`, a `grant` (the module
    docstring)."""
    for item in money:
        if item.role != "allocation" or not item.counterparty or item.row or not item.spans:
            continue
        before, _after = words_around(text, item)
        if "partnership" in item.counterparty.lower():
            continue  # funding given to a partnership is its allocation (corpus/README.md)
        if _GRANTED.search(before) and not _PROVIDED.search(before):
            item.role = "grant"
