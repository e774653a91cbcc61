"""A sum the other rules left without a counterparty, its funder named after "by" in the words just before it.

"The Council had been awarded a Homelessness Prevention Grant 2023/24 by the Department of Levelling Up, Housing and
Communities (DLUHC) totalling £165,612": the body after "by" is a funder, never the deciding body, and only the
sum's own word ("totalling", "of", "worth", "amounting to") stands between it and the sum. Money from a funder is an
award to the deciding body; a total or match funding keeps its role. The line keeps a warning, so a reviewer checks it
first.
"""

import re

from .draft import MoneyItem
from .funded_from import RECEIVED
from .money import Context
from .organisations import is_funder

_AWARDED = re.compile(r"\b(?:awarded|allocated|granted|offered)\b[^£.;:\n]{0,80}?\bby\s+(?:the\s+)?", re.IGNORECASE)
_TO_SUM = re.compile(r"\s*(?:\([A-Z]{2,8}\)\s*)?,?\s*(?:totalling|of|worth|amounting\s+to)\s+(?:up\s+to\s+)?")


def awarded_by(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the funder it is said to be awarded "by" right before it, as an award, with a
    warning (the module docstring)."""
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        at = item.spans[0][0]
        for lead in _AWARDED.finditer(ctx.text, sentence[0], at):
            names = [m for m in ctx.organisations if m.start == lead.end() and is_funder(m.name)]
            mention = max(names, key=lambda m: m.end, default=None)
            if mention is None or not _TO_SUM.fullmatch(ctx.text, mention.end, at):
                continue
            item.counterparty, item.counterparty_spans = mention.name, [mention.span]
            item.role = "award" if item.role in RECEIVED else item.role
            item.warning = item.warning or (f"{mention.name} is named after “by” just before this sum, not as its "
                                            "funder in words the other rules read: check it is the other party")
            break
