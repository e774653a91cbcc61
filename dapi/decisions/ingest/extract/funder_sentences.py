"""A funder named beside a sum in the words that say whose grant it is, or in the sentence before it.

"approval for MPS application of up to £23,964,846 Home Office (HO) Grip Fund grant": a sum written straight before a
body's name and, within a few capitalised words, "grant" or "funding" is that body's grant to the deciding body (an
award). "the Ministry of Justice (MoJ) informed Police and Crime Commissioners that they would be providing an uplift
to the ... allocation. For Cleveland this was to the value of up to £22,528.57": a sentence that opens with "For" and a
place and gives that place's share ("this was", "this is", "this amounts to") takes the body the sentence before it
says is providing, awarding or allocating the money. Only sums drafted with no party; each keeps a warning.
"""

import re

from .beside import can_be_party
from .draft import MoneyItem
from .money import Context

# After the sum: the body's name (and its acronym in brackets), then up to four capitalised words, then the word.
_GRANT_AFTER = re.compile(r"[ \t]+(?:\([A-Za-z]{2,8}\)[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,4}(?:grant|funding)\b")
# "For Cleveland this was ...", "For the county, this is ...": the sentence gives one place's share.
_FOR_PLACE = re.compile(r"[ \t\n]*For[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*,?[ \t]+(?:this|that|it)[ \t]+"
                        r"(?:was|is|will[ \t]+be|would[ \t]+be|amounts?[ \t]+to|amounted[ \t]+to)\b")
# The sentence before: "<Body> ... would be providing / will provide / is awarding / allocated".
_GIVING = re.compile(r"\b(?:(?:would|will|are|is|were|was)[ \t]+(?:be[ \t]+)?)?(?:providing|provide|provided|awarding|"
                     r"award|awarded|allocating|allocate|allocated|giving|give|given)\b")


def funders_beside(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum with no party the funder its own words or the sentence before name (the module docstring)."""
    text = ctx.text
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        end = item.spans[0][1]
        after = next((o for o in ctx.organisations if 0 < o.start - end <= 2 and not text[end:o.start].strip()), None)
        if after and can_be_party(after.name) and _GRANT_AFTER.match(text, after.end):
            _give(item, after, f"{after.name} is named straight after this sum as the grant's giver: check it")
            continue
        start, _ = ctx.layout.sentence_at(item.spans[0][0])
        if not _FOR_PLACE.match(text, start):
            continue
        before = ctx.layout.sentence_at(max(0, start - 2))
        if before[0] >= start:
            continue
        givers = [o for o in ctx.organisations if before[0] <= o.start and o.end <= before[1] and can_be_party(o.name)
                  and _GIVING.search(text, o.end, before[1])]
        if givers and len({o.name for o in givers}) == 1:
            _give(item, givers[0], f"{givers[0].name} is said in the sentence before to provide this money, and this "
                                   "sum is one place's share of it: check it")


def _give(item: MoneyItem, body, warning: str) -> None:
    item.counterparty, item.counterparty_spans = body.name, [body.span]
    item.role = "award" if item.role in ("other", "total") else item.role
    item.warning = item.warning or warning
