"""A sum in a block of a grant schedule, a decision log or a delegated decision form whose body is named in a labelled
field a few lines above it rather than in a sentence: "Applicant: Eastbrook Rowing Club" ... "Project description:
..." ... "Decision: Award grant of £4,500 (90%)", or "Applicant: Hillside Town Council" / "Project Name: ..." / "Grant
requested: £12,000".

Such records set out one application to a block: a field line "Applicant:" (or "Organisation:", "Recipient:",
"Grantee:", "Grant recipient:", "Awarded to:", "Name of applicant:", "Name of organisation:") opening a line, its value
the rest of that line, then at most a few field lines (a project name, a description) and the sum. The value up to its
first comma is the body ("Applicant: Valley Arts, RHONDDA" names Valley Arts; the words after the comma are its
place). The field must be the nearest of its kind above the sum, at most eight lines and 1,500 characters above it, with
no other sum between (the sum of the block before would belong to that block's field). Not the record's own body,
not a value that is only a kind of body ("the Council") or no name ("n/a", "various"), and only for a sum the other
rules left without a party and without a warning, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_FIELD = re.compile(r"^[ \t]*(?:applicant|organi[sz]ation|recipient|grantee|grant[ \t]+recipient|awarded[ \t]+to"
                    r"|name[ \t]+of[ \t]+(?:the[ \t]+)?(?:applicant|organi[sz]ation|recipient|group))[ \t]*:[ \t]*"
                    r"(?P<v>[^\n]*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_SUM = re.compile(r"£[ \t]*\d")
# A value that is only a kind of body, naming one the record named before, or no name at all.
_KIND_ONLY = re.compile(r"^(?:the[ \t]+)?(?:council|trust|charity|group|club|project|applicant|organi[sz]ation|n/?a|none"
                        r"|tbc|various)?$", re.IGNORECASE)
_LINES = 8
_WINDOW = 1500


def _named(text: str, item: MoneyItem) -> tuple[str, tuple[int, int]] | None:
    start = item.spans[0][0]
    line_start = text.rfind("\n", 0, start) + 1
    above = max(0, start - _WINDOW)
    fields = list(_FIELD.finditer(text, above, line_start))
    if not fields:
        return None
    field = fields[-1]
    between = text[field.end():start]
    if len([line for line in between.split("\n") if line.strip()]) > _LINES or _SUM.search(between):
        return None
    value = field["v"]
    name = value.split(",")[0].strip().rstrip(".;")
    if len(name) < 2 or _KIND_ONLY.match(name) or is_self(name) or _SUM.search(name):
        return None
    first = field.start("v")
    return name, (first, first + len(name))


def named_in_a_labelled_field(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body named in the labelled field of its block (the module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or item.warning or not item.spans:
            continue
        if found := _named(text, item):
            item.counterparty, item.counterparty_spans = found[0], [found[1]]
