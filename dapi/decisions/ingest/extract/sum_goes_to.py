"""A sum whose own next words say which body it goes to, over a party a neighbouring sum or sentence lent it: "up to
£30,321 by way of a grant to Groundswell for ...", "a £56,244 payment to Hafan Cymru in Swansea", "£27,000 will go to
Cymdeithas Cwm Arain's community links projects", "£166,941 to Cheltenham Borough Homes' Housing Options Service",
"£41,668 for StreetLink, to Homeless Link by grant".

Where the words straight after a sum are "to" a body (perhaps after "p.a." or "per annum", and "by way of a grant",
"by grant", "payment", "will go", "is offered"), or "for" a short purpose, a comma and "to" a body "by grant", the sum
is that body's: the sentence says so of this sum and no other. An earlier rule reading a list or a sentence around it
can have given the line the party of the sum beside it, or of the body that pays it; this rule mends a line that has
a party already and a different one is named so, but not one an earlier rule cut before "for", "and" or "of"
("Oakdale Food Bank" of "to Oakdale Food Bank for Band D"), nor a funder's where the body named is a council or a
force (the record's own body receiving: "the Department has awarded a grant of £250,000 to Northbury City Council").
The name is a run of capitalised words (with "of", "and", "for" inside it, a possessive "'s" taken off), not the
record's own body; a name of one word only when that word is never written in small letters in the record (a body's
name, "Groundswell", not a word of the sentence, "Council"). Never a row of a table, nor a line the record itself pays
or receives.
"""

import re

from .draft import MoneyItem
from .organisations import is_funder, is_public_body, is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_YEARLY = r"(?:[ \t]*(?:p\.a\.|per[ \t]+annum(?:[ \t]+plus[ \t]+inflation)?))?"
_HOW = r"(?:[ \t]+(?:by[ \t]+way[ \t]+of[ \t]+(?:a[ \t]+)?grant|by[ \t]+grant|payment|will[ \t]+go|is[ \t]+offered))?"
# The whole run of the name, never a shorter one, and not one cut at a "/" ("Insch/Leslie Men's Shed").
_END = r"(?![/\w])"
_GOES_TO = re.compile(
    _YEARLY + _HOW + r"[ \t]+to[ \t]+(?:the[ \t]+)?(?P<n>(?>" + _NAME + "))" + _END +
    r"|[ \t]+for[ \t]+[^,;.\n£]{1,60},[ \t]+to[ \t]+(?:the[ \t]+)?(?P<m>" + _NAME + r")[ \t]+by[ \t]+grant")
_TRAILING = re.compile(r"[ \t]+(?:of|and|for|&)$")
# A possessive before a thing of the body's ("Cwm Arain's community links projects"), not a name that ends in "'s"
# ("St Mungo's for the hub").
_POSSESSIVE = re.compile(r"['’]s$")
_THING = re.compile(r"[ \t]+(?!(?:for|to|in|by|of|and|from|with|as|at|on|under|over|until|during)\b)[a-z]")
_NOT_NAMES = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
                        r"|Cabinet|Committee|Members?|Appendix|Annex|Table|Section|Paragraph)\b")


def _same(one: str, other: str) -> bool:
    def plain(name):
        return " ".join(re.sub(r"[^\w ]+", " ", re.sub(r"^the\s+|['’]s$", "", name.lower())).split())
    return plain(one) == plain(other)


def _named(text: str, item: MoneyItem) -> tuple[str, tuple[int, int]] | None:
    found = _GOES_TO.match(text, item.spans[0][1])
    if not found:
        return None
    group = "n" if found["n"] else "m"
    name = _TRAILING.sub("", found[group])
    if _POSSESSIVE.search(name) and _THING.match(text, found.end(group)):
        name = _POSSESSIVE.sub("", name)
    if _NOT_NAMES.match(name) or is_self(name):
        return None
    if len(name.split()) < 2 and (len(name) < 4 or re.search(r"\b" + re.escape(name.lower()) + r"\b", text)):
        return None
    start = found.start(group)
    return name, (start, start + len(name))


def sums_going_to(text: str, money: list[MoneyItem]) -> None:
    """Give a line the body its sum's own next words say it goes to, where a different party was drafted (the module
    docstring)."""
    for item in money:
        if not item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        if found := _named(text, item):
            name, span = found
            # A funder's sum "to" a council or a force is the record's own body receiving it, not another party.
            if is_funder(item.counterparty) and is_public_body(name):
                continue
            # An earlier rule's party cut before "for" or "and" ("Oakdale Food Bank" of "... Food Bank for Band D") was
            # cut on purpose: the words after it are a purpose or another body.
            if re.match(re.escape(item.counterparty) + r"[ \t]+(?:for|and|&|of)[ \t]", name):
                continue
            if not _same(name, item.counterparty):
                item.counterparty, item.counterparty_spans = name, [span]
