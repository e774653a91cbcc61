"""A sum given as the size of a body's programme named with the body's initials first: "Noted the submission of an
expression of interest for the MCHLG Changing Futures funding programme of up to £4.5m over two years."

A national programme is often named with its department's initials before it ("the DfE Holiday Activities and Food
programme", "the MHCLG Changing Futures funding programme"); the sum right after "programme of" ("fund of", "grant of",
"up to") such a name, left without a party, is what that body awards: the initials are the funder and the sum an
award. The initials are two to six capitals standing right after "the" or "for", then one to six capitalised words,
then "programme", "fund" or "grant" (after "funding" if written); never the record's own body's initials, never a row
of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_PROGRAMME_OF = re.compile(
    r"\b(?:the|for|from)[ \t]+(?P<n>(?-i:[A-Z]{2,6}))[ \t]+(?:(?-i:[A-Z])[\w'’&-]*[ \t]+){1,6}(?:funding[ \t]+)?"
    r"(?:programme|fund|grant)[ \t]+of[ \t]+(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)


def named_by_programme_initials(text: str, money: list[MoneyItem]) -> None:
    """Give a programme's sum with no party the body whose initials name the programme (the module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        start = item.spans[0][0]
        found = _PROGRAMME_OF.search(text, max(0, start - 160), start)
        if not found or is_self(found["n"]):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", found["n"], [found.span("n")]
