"""A list line's party cut short of the name that heads the line: "Eastriggs Primary School Parent Council, breakfast
club, £2850." drafted to "Parent Council", "Wye Valley AONB (Northshire County Council): £60,000" to "AONB",
"- Rusty Road to Recover CIC £1,984" to "Recover CIC".

Names are read from words a list of organisations knows ("Council", "AONB", "CIC"), so a name whose first words are a
place or a school ("Eastriggs Primary School", "Wye Valley") lost them. Where the party is read from a line that opens
(after a bullet or an item's number) with capitalised words running straight on into the party, and the party is
followed by what ends a list line's head (a comma, a colon, a bracket, a dash, the sum, the end of the line), the
whole head is the name. Small words ("of", "and", "to", "the") may stand inside the head, between capitalised words,
never at its ends. Only a party that ends in a word for a kind of body ("Council", "Club", "Trust", ...) or in
initials ("CIC", "AONB") is widened: a place read alone from a row ("Northbury" of "Youth Diversion Northbury £5,000")
is the row's body as read. Not when the head opens with a word a sentence or a decision opens with ("Approve",
"Allocate", "Funding", "Total", "The", a word ending in "ed") or holds a figure (a ledger's code), nor when the
widened name is the record's own body, nor when the party was read from more than one place.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_BULLET = r"[ \t]*(?:[-•·*▪◦–]|\d{1,2}[.)]|\([a-z0-9]{1,3}\)|[a-z][.)])?[ \t]*"
_WORD = r"[A-Z][\w'’&.-]*"
_SMALL = r"(?:of|and|&|to|the|for|on)"
# The head before the party: capitalised words, small words only between them (the party's first word ends it).
_HEAD = re.compile(r"^" + _BULLET + r"(?P<head>" + _WORD + r"(?:[ \t]+(?:" + _WORD + "|" + _SMALL + r")){0,5})[ \t]+$")
# What may follow the party on its line: the end of a list line's head.
_AFTER = re.compile(r"[ \t]*(?:[,:]|\(|[-–—][ \t]|£|$)", re.M)
# The party as read ends in a word for a kind of body, or in initials ("CIC", "AONB"): what the reader knows a name
# by, and where the words before it were lost. A place or a person read alone ("Northbury") is left as read.
_KIND = re.compile(r"(?:\b(?:Council|Club|Society|Association|Trust|Foundation|Centre|Group|Partners|Partnership|Network"
                   r"|Alliance|Forum|Institute|Federation|Union|Friends|Committee|Limited|Ltd)|\b[A-Z]{2,5})$")
_SENTENCE_WORDS = {"approve", "approved", "approves", "agree", "agreed", "funding", "total", "grant", "grants", "award",
                   "awarded", "allocation", "to", "that", "the", "a", "an", "this", "these", "in", "for", "from", "with",
                   "by", "and", "of", "on", "at", "payment", "paid", "pay", "contribution", "budget", "resolved",
                   "noted", "note", "cabinet", "council", "committee", "members", "mr", "mrs", "ms", "cllr", "dr",
                   # verbs a decision's numbered line opens with ("3. Allocate Northbury Trust £9,000")
                   "allocate", "allocates", "give", "gives", "provide", "provides", "fund", "funds", "support",
                   "supports", "release", "releases", "transfer", "transfers", "accept", "accepts", "receive",
                   "receives", "endorse", "endorses", "delegate", "delegates", "authorise", "authorises", "authorize",
                   "authorizes", "commission", "commissions", "extend", "extends", "increase", "increases", "reduce",
                   "reduces", "vire", "spend", "make", "makes", "offer", "offers", "renew", "renews"}


def _at(text: str, party: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where the party itself stands in the words it was read from: all of them, or their end ("Wye Valley AONB"
    read as "AONB"); None when the words hold it elsewhere or not at all."""
    words = text[span[0]:span[1]]
    if words == party:
        return span
    at = words.find(party)
    return (span[0] + at, span[0] + at + len(party)) if at > 0 else None


def _widened(text: str, party: str, span: tuple[int, int]) -> tuple[str, int] | None:
    """The whole head a party read at `span` is the end of, and where it starts; None when the line has no such head."""
    if (found_at := _at(text, party, span)) is None:
        return None
    start, end = found_at
    line_start = text.rfind("\n", 0, start) + 1
    found = _HEAD.match(text[line_start:start])
    if not found or not _AFTER.match(text, end):
        return None
    head = found["head"]
    if head.split()[0].lower().strip(".") in _SENTENCE_WORDS or head.split()[0].lower().endswith("ed") or re.search(r"\d", head):
        return None
    return head + " " + text[start:end], line_start + found.start("head")


def whole_list_heads(text: str, money: list[MoneyItem]) -> None:
    """Widen a party to the whole name heading its list line (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans and not m.counterparty_is_self]:
        widened = {_widened(text, item.counterparty, span) for span in item.counterparty_spans}
        if len(widened) != 1 or None in widened:
            continue  # read from more than one place, or from one that is no list line's head
        name, start = widened.pop()
        if not _KIND.search(item.counterparty) or is_self(name) or len(name.split()) > 8:
            continue
        item.counterparty, item.counterparty_spans = name, [(start, start + len(name))]
