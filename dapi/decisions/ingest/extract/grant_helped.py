"""A grant a news report says helped, or was used by, a named body: "A recent grant of £1,185 helped St Alkelda’s
Church in Giggleswick print 500 guidebooks", "a grant of almost £7,000 is helping Carers of Dunbartonshire to enable
unpaid carers ...", "Facial Palsy UK is using a £2,220 grant to deliver virtual support groups", "Community centre
Bullion Hall in Chester-le-Street, used their £7,000 grant to offer groups for young people".

A report of a fund's grants names a recipient by what its grant did for it. Two ways of writing it are read: "grant
of" (perhaps "almost", "over", "nearly", "around", "more than") and the sum, then "helped", "helps", "is helping" or
"has helped" and a run of capitalised words (with "of", "and", "for" inside it; not a place after it, "in
Giggleswick"); or a run of capitalised words, perhaps its place ("in Chester-le-Street") and a comma, then "used",
"has used", "is using" or "are using" and "a", "an", "their" or "its", the sum, then "grant" (`used_by.py` reads "will
use" and "will spend"). The body is the grant's payee and the sum a grant to it. Only for a sum the other rules left
without a party, never a row of a table; never the record's own body; the name is two words at least, or initials.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = r"(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|for|and|&)){0,6}"
_ROUNDED = r"(?:(?:almost|over|nearly|around|about|more[ \t]+than)[ \t]+)?"
_GRANT_OF = re.compile(r"\bgrant[ \t]+of[ \t]+" + _ROUNDED + r"$", re.IGNORECASE)
_HELPED = re.compile(r"^[ \t]+(?:(?:is|has)[ \t]+)?help(?:s|ed|ing)[ \t]+(?P<n>" + _NAME + r")")
_USING = re.compile(
    r"(?P<n>" + _NAME + r")(?:[ \t]+in[ \t]+(?-i:[A-Z][\w'’-]*)(?:[ \t]+(?-i:[A-Z][\w'’-]*))?)?,?[ \t]+"
    r"(?:(?:has[ \t]+)?used|(?:is|are)[ \t]+using)[ \t]+(?:a|an|their|its)[ \t]+$")
_GRANT_AFTER = re.compile(r"^[ \t]+grant\b", re.IGNORECASE)
_WINDOW = 160


def _helped(text: str, item: MoneyItem) -> tuple[str, int] | None:
    start, end = item.spans[0]
    if not _GRANT_OF.search(text[max(0, start - 40):start]):
        return None
    found = _HELPED.match(text[end:end + _WINDOW])
    if not found:
        return None
    name = re.sub(r"^(?:The|A)[ \t]+", "", found["n"])
    return name, end + found.end("n") - len(name)


def _used(text: str, item: MoneyItem) -> tuple[str, int] | None:
    start, end = item.spans[0]
    if not _GRANT_AFTER.match(text[end:end + 20]):
        return None
    above = max(0, start - _WINDOW)
    found = _USING.search(text[above:start])
    if not found:
        return None
    name = re.sub(r"^(?:The|A)[ \t]+", "", found["n"])
    return name, above + found.end("n") - len(name)


def named_as_helped_by_grant(text: str, money: list[MoneyItem]) -> None:
    """Give a sum left without a party the body its grant helped or was used by (the module docstring), as a grant."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        found = _helped(text, item) or _used(text, item)
        if not found:
            continue
        name, begin = found
        if is_self(name) or not (len(name.split()) >= 2 or name.isupper()):
            continue
        item.role, item.counterparty = "grant", name
        item.counterparty_spans = [(begin, begin + len(name))]
