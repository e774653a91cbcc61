"""A sum an unnamed applicant asks for, given the one body the record pays.

"This report presents an application from a local organisation requesting £2500.00 towards travel ... County
Councillor John Potter considered and approved a Local Member Grant of £625 to Crusaders Morris Dancers": the record
speaks of its applicant by what it is where it states the sum asked for, and names it only where it states the sum
granted. The sum asked for is the same body's.

Only a sum left without a counterparty, in a sentence that speaks of "an application from a (local) organisation,
group, club or charity" (or "the applicant ... requesting"), and only when every other line of the record that has a
counterparty has the same one, neither the deciding body nor a funder. The role is left as read; the line keeps a
warning, so a reviewer checks it first.
"""

import re

from .draft import MoneyItem
from .money import Context
from .organisations import is_funder, is_self

_UNNAMED = re.compile(r"\bapplication\s+(?:from|by)\s+an?\s+(?:local\s+|community\s+|voluntary\s+)?(?:organisation|group|"
                      r"club|charity)\b|\bthe\s+applicant\s+(?:is\s+)?request(?:s|ing|ed)\b", re.IGNORECASE)


def unnamed_applicant(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum an unnamed applicant asks for the one body the record's other lines pay (the module docstring), with
    a warning."""
    named = [m for m in money if m.counterparty]
    parties = {m.counterparty for m in named}
    if len(parties) != 1:
        return
    name = parties.pop()
    if is_self(name) or is_funder(name) or any(m.counterparty_is_self for m in named):
        return
    spans = next((m.counterparty_spans for m in named if m.counterparty_spans), [])
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        at = item.spans[0][0]
        # The words before the sum, back to a full stop or a blank line (a page's lines may break a sentence).
        start = max(ctx.text.rfind(". ", 0, at), ctx.text.rfind("\n\n", 0, at), at - 200, 0)
        if not _UNNAMED.search(ctx.text, start, at):
            continue
        item.counterparty, item.counterparty_spans = name, list(spans[:1])
        item.warning = item.warning or (f"the sentence of this sum speaks of an applicant it does not name; read as "
                                        f"{name}, the one body the record pays: check it")
