"""A sum the other rules left without a counterparty, the body it comes "from" named right after it.

"£75,902,277 grant funds devolved to the council from the West Midlands Combined Authority", "the grant of
£4,376,408 from OHID be accepted": only a few words in lower case (or "Council") stand between the sum and "from",
and the body after it is a funder or a public body, never the deciding body, never a budget, programme or fund named
after a body ("from the Oakdale Trust programme budget", "from the Council's reserves"). Money from a funder or a
public body is an award to the deciding body; a contribution, match funding or a total keeps its role. The line keeps a
warning, so a reviewer checks it first.
"""

import re

from .beside import OWNED, can_be_party
from .draft import MoneyItem
from .money import Context
from .national import paid_to_nobody
from .organisations import is_funder, is_public_body

# Between the sum and "from": a few words in lower case, a year, "the Council"; no other figure, name or stop.
_FROM = re.compile(r"[ \t\n]+(?:(?:[a-z][\w'’-]*|Council|(?:19|20)\d\d[/–-]\d{2,4})[ \t\n]+){0,8}?from[ \t\n]+(?:the[ \t\n]+)?")
# A name a hard-wrapped record breaks over two lines, which no organisation mention holds: "the West Midlands
# Combined\nAuthority (WMCA)".
_WRAPPED = re.compile(r"[A-Z][\w'’&-]*(?:[ \t]*\n?[ \t]*(?:[A-Z][\w'’&-]*|of|and|&|for)){1,7}")
_COMBINED = re.compile(r"\bCombined\s+Authority$")
_COUNCIL = re.compile(r"\b[Tt]he\s+[Cc]ouncil\b")
_DECIDER = re.compile(r"\b(?:O?PF?CCs?|Commissioner|Mayor|Mayoral)\b")
_MORE = re.compile(r"\s*(?:,|and\b|&)\s*(?:the\s+)?[A-Z]")
_ITS = re.compile(r"[’']s\b|[ \t]+(?:\w+[ \t]+){0,3}?(?:allocations?|monies|reserves?)\b")
RECEIVED = {"grant", "other", "allocation"}


def _named(ctx: Context, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    names = [m for m in ctx.organisations if m.start == start and m.end <= end]
    mention = max(names, key=lambda m: m.end, default=None)
    if mention:
        name, span = mention.name, mention.span
    elif wrapped := _WRAPPED.match(ctx.text, start, end):
        if "\n" not in wrapped.group(0):
            return None
        words = re.sub(r"\s+(?:of|and|&|for)$", "", wrapped.group(0))
        name, span = " ".join(words.split()), (start, start + len(words))
    else:
        return None
    # A combined authority is read as the deciding body, but a council's own record ("the Council" decides, no
    # mayor or commissioner named) takes money from one: "devolved to the council from the ... Combined Authority".
    outside = _COMBINED.search(name) and _COUNCIL.search(ctx.text) and not _DECIDER.search(ctx.text)
    if not outside and (not can_be_party(name) or not (is_funder(name) or is_public_body(name))):
        return None
    # "from the Northmoor Police and Oakdale Police": one of several, the first named is no more its funder.
    # "from the Ministry of Justice’s victims allocation to ...": the body's money, paid out to another.
    owned = OWNED.match(ctx.text, span[1]) or _ITS.match(ctx.text, span[1])
    return None if owned or _MORE.match(ctx.text, span[1]) else (name, span)


def funded_from(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the one funder or public body it is said to come "from" right after it, as
    an award, with a warning (the module docstring)."""
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        before, after = ctx.text[sentence[0]:item.spans[0][0]], ctx.text[item.spans[0][1]:sentence[1]]
        if paid_to_nobody(before, after):
            continue
        lead = _FROM.match(ctx.text, item.spans[0][1], sentence[1])
        if not lead:
            continue
        found = _named(ctx, lead.end(), sentence[1])
        if found is None:
            continue
        name, span = found
        item.counterparty, item.counterparty_spans = name, [span]
        item.role = "award" if item.role in RECEIVED else item.role
        item.warning = item.warning or (f"{name} is named after “from” beside this sum, not as its funder in "
                                        "words the other rules read: check it is the other party")
