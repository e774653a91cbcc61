"""A sum the deciding body receives under a funding agreement it enters into with a named body: "enter into a funding
agreement with Greenway Trust and receive a grant of £120,000". The record names no funder beside the sum, but the
body the agreement is with is the one the grant comes from."""

import re

from .draft import MoneyItem
from .organisations import BODY_NAME, is_self

_AGREEMENT_WITH = re.compile(r"\b(?:funding|grant)\s+agreement\s+with\s+(?:the\s+)?" + BODY_NAME)
_RECEIVE = re.compile(r"\b(?:receive|receives|received|receiving|accept|accepts|accepting)\b", re.I)


def received_under_agreement(ctx, items: list[MoneyItem]) -> None:
    """A sum received (an award) naming no funder, whose sentence says before it that a funding agreement is entered
    into with one body, and says the money is received, comes from that body."""
    for item in items:
        if item.row or item.counterparty or item.role != "award":
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        agreements = list(_AGREEMENT_WITH.finditer(ctx.text, sentence[0], item.spans[0][0]))
        names = {re.sub(r"\s+(?:and|of|&)$", "", a["n"]) for a in agreements}
        if len(names) != 1 or not _RECEIVE.search(ctx.text, agreements[-1].end(), item.spans[0][0]):
            continue
        name = names.pop()
        if is_self(name):
            continue
        item.counterparty, item.counterparty_spans = name, [(agreements[-1].start("n"), agreements[-1].start("n") + len(name))]
