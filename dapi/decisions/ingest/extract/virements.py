"""A virement read as a payment to the body that asked for it.

"To approve Cambridgeshire Constabulary to vire £380k from the 2014/15 revenue budget underspend to the capital budget
to fund vehicle replacements (£300k)": a virement moves money between the deciding body's own budgets, so no one
outside is paid or funded by it. A sum each of whose sentences speaks of a virement ("vire", "vired", "virement") is
drafted with no party.
"""

import re

from .draft import MoneyItem
from .money import Context

_VIRE = re.compile(r"\b(?:vire|vired|viring|virements?)\b", re.IGNORECASE)


def drop_virement_parties(ctx: Context, money: list[MoneyItem]) -> None:
    """Leave a sum moved between budgets by a virement with no party (the module docstring)."""
    for item in [m for m in money if m.spans and m.counterparty and not m.row]:
        sentences = {ctx.layout.sentence_at(start) for start, _ in item.spans}
        if all(_VIRE.search(ctx.text, *sentence) for sentence in sentences):
            item.counterparty, item.counterparty_spans = None, []
