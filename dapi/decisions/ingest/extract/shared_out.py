"""A national sum shared out among many bodies, given the funder for a party: "the Welsh Government had also indicated
an additional £20m would be made available to local authorities", "the Home Office made £5m available for distribution
across police forces", "a slice of the government's £35m Serious Violence Fund".

Such a sum is the size of a pot many bodies bid for or share (corpus/README.md: the size of a national fund is
"other"); the funder that set it up neither pays it to the deciding body nor receives it, so the sum has no party. The
words around the sum say so as the role rules read them (`national.is_national`, and a sum a body gets "a slice" or "a
share" of, `national.is_shared_fund`).
"""

from .draft import MoneyItem
from .money import Context
from .national import is_national, is_shared_fund


def drop_shared_out_parties(ctx: Context, money: list[MoneyItem]) -> None:
    """Take off the party of a national sum shared out among many bodies (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or item.row or item.role != "other" or not item.spans:
            continue
        start, end = item.spans[0]
        sentence = ctx.layout.sentence_at(start)
        following = [s for s, _ in (m.spans[0] for m in money if m.spans) if end <= s < sentence[1]]
        before, after = ctx.text[sentence[0] : start], ctx.text[end : min(following + [sentence[1]])]
        if is_national(before, after) or is_shared_fund(before, after):
            item.counterparty, item.counterparty_spans = None, []
