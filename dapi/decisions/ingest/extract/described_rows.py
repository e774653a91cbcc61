"""Rows of a table of what is paid for: "Description | Amount | Note |" then "Strategic Comms | £30k | To provide
strategic advice ... |"; and a contribution's form in a party's place: "Match (Cash) £4,000".

Under a "Description" (or "Item", "Purpose") column the first cell of each row says what a sum pays for (a post, a
service, a piece of work), not who is paid: a name read from there is left out, and a grant, contract, allocation or
award so read is "other". A cell that names a body by its kind ("Oakdale Trust", "Oakdale Paving Ltd") keeps it. The
line is flagged, so a reviewer checks whether the row did name a payee. A piece of work read as a name ("Replacement of
2 Camera Enforcement Vehicles - £59,000") is what is bought, not who sells it: the name is left out. "Cash" and "in
kind" say how a contribution is made, never who makes it: such a name is left out.
"""

import re

from .draft import MoneyItem

_HEADER = re.compile(r"^[ \t]*(?:Description|Item|Purpose|Expenditure)[ \t]*\|[ \t]*(?:Amount|Cost|Value|Budget|Total|£)"
                     r"[^\n]*$", re.IGNORECASE | re.MULTILINE)
_ROW = re.compile(r"[^\n|]*\|[^\n]*(?:\n|$)")
_BODY = re.compile(r"\b(?:Ltd|Limited|LLP|plc|PLC|CIC|Trust|Council|Association|Charity|Foundation|Society|Club|"
                   r"Partnership|Police|Constabulary|Authority|University|College|School|Group|Network|Centre|Project)$")
_FORM = re.compile(r"(?:[Cc]ash|[Ii]n[ -][Kk]ind)")
_WORK = re.compile(r"(?:Replacement|Purchase|Provision|Refurbishment|Installation|Upgrade|Renewal|Repair|Repairs|"
                   r"Maintenance|Resurfacing|Procurement)[ \t]+of[ \t]")


def _first_cells(text: str) -> list[tuple[int, int, int]]:
    """Where the first cell of each row under a "Description" header stands, and where its row ends."""
    cells = []
    for header in _HEADER.finditer(text):
        at = header.end() + 1
        while (row := _ROW.match(text, at)) and row.end() > at:
            cells.append((at, text.index("|", at), row.end()))
            at = row.end()
    return cells


def drop_descriptions(text: str, money: list[MoneyItem]) -> None:
    """A name read from a row's description, or a contribution's form read as a name, is left out (the module
    docstring)."""
    cells = _first_cells(text)
    for item in [m for m in money if m.counterparty]:
        if _FORM.fullmatch(item.counterparty) or _WORK.match(item.counterparty):
            if item.warning.startswith((f"“{item.counterparty}”", item.counterparty + " ")):
                item.warning = ""  # a warning about the name it loses
            item.counterparty, item.counterparty_spans = None, []
            continue
        if not item.counterparty_spans or _BODY.search(item.counterparty):
            continue
        start = item.counterparty_spans[0][0]
        if not any(a <= start < b and any(b < s < end for s, _ in item.spans) for a, b, end in cells):
            continue
        item.warning = (f"“{item.counterparty}” heads this row under a “Description” column: read as what the sum "
                        "pays for, not who is paid; check whether it names a payee")
        item.counterparty, item.counterparty_spans, item.counterparty_is_self = None, [], False
        if item.role in ("grant", "contract", "allocation", "award"):
            item.role = "other"
