"""The bodies a sentence that shares a fund out names beside each share: "Wirral Council receives £388,000 with Sefton
Council being awarded £374,000, Knowsley receiving £204,000 and St Helens getting £197,000", "£85,000 goes to Positive
Futures and the Youth Offending Service will receive £100,000".

A sum left without a party is the share of the run of capitalised words right before "receives", "receiving", "will
receive", "is to receive", "being awarded", "getting" or "gets" and the sum (at the start of a sentence or after a
comma, "with", "and", "while" or "the"), or right after the sum's "goes to" ("will go to"): a grant to that body,
the money going out to it. A pronoun or a word that opens a sentence ("It", "This", "Each") is not a name; never the
record's own body, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"(?-i:[A-Z])[\w'’&-]*"
_NAME = rf"(?P<n>{_WORD}(?:[ \t]+(?:(?:of|for|and|&)[ \t]+)?{_WORD}){{0,5}})"
_BEFORE = re.compile(
    rf"(?:^|[.;:,][ \t]+|\b(?:with|and|while|whilst|the)[ \t]+){_NAME}[ \t]+(?:receives|receiving|will[ \t]+receive|"
    r"is[ \t]+to[ \t]+receive|being[ \t]+awarded|getting|gets)[ \t]+(?:a[ \t]+(?:grant|share|sum)[ \t]+of[ \t]+)?$",
    re.IGNORECASE)
_AFTER = re.compile(rf"[ \t]+(?:goes|will[ \t]+go|is[ \t]+to[ \t]+go)[ \t]+to[ \t]+(?:the[ \t]+)?{_NAME}",
                    re.IGNORECASE)
_NOT_NAMES = frozenset(("it", "this", "that", "these", "those", "each", "every", "he", "she", "they", "we", "which",
                        "who", "everyone", "anyone", "all", "both", "one", "none"))


def _name(match: re.Match | None) -> tuple[str, tuple[int, int]] | None:
    if match is None:
        return None
    name = match["n"]
    if name.split()[0].lower() in _NOT_NAMES or is_self(name):
        return None
    return name, match.span("n")


def named_beside_shares(text: str, money: list[MoneyItem]) -> None:
    """Give each share of a fund with no party the body named beside it (the module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        start, end = item.spans[0]
        line_start = text.rfind("\n", 0, start) + 1
        found = _name(_BEFORE.search(text[line_start:start]))
        if found is not None:
            found = found[0], (found[1][0] + line_start, found[1][1] + line_start)
        else:
            found = _name(_AFTER.match(text, end))
        if found is not None:
            item.counterparty, item.counterparty_spans = found[0], [found[1]]
            item.role = "grant"
