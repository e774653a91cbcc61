"""A sum a devolved government gives, said to be received by the body that opens its sentence: "Perth-based charity
PKVAS received £93,000 from the fund", "Boomerang has received an award of almost £6,000", "Hywel Dda Health Board,
which covers Carmarthenshire, Pembrokeshire and Ceredigion, will receive £13m".

A report of the Scottish or the Welsh Government's funding names the government as the funder, and the rules that
read a sum as an award to the deciding body give such a line the government as its party. But when the sentence opens
with a named body (perhaps after "Perth-based charity", perhaps with a "which ..." clause set in commas) that
"received", "has received", "will receive" or "is to receive" the sum (perhaps "an award of", "a grant of", "almost",
"just over") straight before it, the government gives and the named body receives: the line is a `grant` to that body
(corpus/README.md: the counterparty is the body on the other side of the deciding body).

Only a line whose party is the Scottish or Welsh Government (or Welsh Assembly Government, Scottish Executive), never
a row of a table, and only a subject that is not the record's own body, a council or a police body (a council's or a
force's record says it receives the government's money itself: "Cardiff Council will receive £2m"), nor a pronoun or
"The organisation" (whom it means is said elsewhere).
"""

import re

from .draft import MoneyItem
from .organisations import is_self
from .sum_words import words_around

_DEVOLVED = re.compile(r"(?:the\s+)?(?:Scottish|Welsh)\s+(?:Assembly\s+)?(?:Government|Executive)", re.IGNORECASE)
# The subject opens its sentence; a word like "Perth-based charity" may stand before the name.
_RECEIVER = re.compile(
    r"(?:^|[.!?:]\s+)(?:[A-Z][\w'’-]*-based\s+(?:charity|organisation|group|project|community\s+centre)\s+)?"
    r"(?!(?:The|This|That|It|They|He|She|We|Each|Both|All)\b)"
    r"(?P<n>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|and|for|&)){0,6})"
    r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?(?:,\s+(?:which|who)\s+[^.;:£]{1,120}?,)?"
    r"\s+(?:(?:has|have|will|is\s+to|are\s+to)\s+)?(?:received?|be\s+receiving)\s+"
    r"(?:an?\s+(?:award|grant)\s+of\s+)?(?:(?:almost|nearly|around|about|over|just\s+(?:over|under))\s+)?$")
_NOT_RECEIVER = re.compile(r"\b(?:Council|Police|Constabulary|Commissioner|Government|Executive)\b")


def named_as_devolved_recipient(text: str, money: list[MoneyItem]) -> None:
    """Give a line whose party is a devolved government the body its sentence says received the sum, as a `grant` (the
    module docstring)."""
    for item in money:
        if not item.counterparty or item.row or not item.spans or not _DEVOLVED.fullmatch(item.counterparty):
            continue
        before, _after = words_around(text, item)
        found = _RECEIVER.search(before)
        if not found or _NOT_RECEIVER.search(found["n"]) or is_self(found["n"]):
            continue
        start = text.rfind(found["n"], max(0, item.spans[0][0] - 400), item.spans[0][0])
        item.counterparty = found["n"]
        item.counterparty_spans = [(start, start + len(found["n"]))] if start >= 0 else []
        item.counterparty_is_self = False
        item.role = "grant"
