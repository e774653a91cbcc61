"""A sum a named body is said, just before it, to ask for or to be going to receive: "Eastbrook Club has applied for
£12,500 towards its boathouse", "The Hall Committee has requested a grant of £5,000", "New Paths will receive core
funding of £189,794".

A run of capitalised words (with "of", "and", "for", "&" inside it), perhaps its initials in brackets after it, then
"applied for", "has applied for", "have applied for", "has requested", "have requested", "will receive", "is to receive"
or "would receive", at most "a grant of", "funding of", "core funding of" (or the like: one or two words then "of")
between, and straight away the sum: the body is the grammatical subject of the asking or receiving, so the sum is that
body's. The name is two words at least, or one word the record never writes in small letters (a body's name, not a
word of the sentence); not the record's own body, not "The Trust" or "The Council" (a body named before, whose name
here is only its kind), nor the last of a list of bodies ("A and B will receive £10,000 each": whose the sum is stays
open). Only for a sum the other rules left without a party and without a warning, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_public_body, is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_ASKED_OR_RECEIVING = re.compile(
    r"(?<![\w&'’-])(?P<n>" + _NAME + r")(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?(?:,[ \t]+which)?[ \t]+"
    r"(?:(?:has|have)[ \t]+applied[ \t]+for|applied[ \t]+for|(?:has|have)[ \t]+requested"
    r"|(?P<r>(?:will|would|is[ \t]+to|are[ \t]+to)[ \t]+receive|has[ \t]+been[ \t]+(?:awarded|given|offered)))[ \t]+"
    r"(?:(?:an?[ \t]+)?(?:[a-z-]+[ \t]+){0,2}(?:grant|funding|award|sum|contribution)[ \t]+of[ \t]+)?$")
# A name that is only a kind of body, naming one the record named before ("The Trust - which will receive").
_KIND_ONLY = re.compile(r"^(?:This|That|Each|Every|Our|Its|Their)\b|^(?:Council|Trust|Charity|Group|Club|Project|Members?"
                        r"|Committee|Partnership|Association|Society|Centre|Organisation|Applicant|Fund|Scheme)$")
_WINDOW = 200


def _named(text: str, item: MoneyItem) -> tuple[str, tuple[int, int]] | None:
    start = item.spans[0][0]
    found = _ASKED_OR_RECEIVING.search(text, max(0, start - _WINDOW), start)
    if not found:
        return None
    name = re.sub(r"[ \t]+(?:of|and|for|&)$", "", found["n"])
    cut = len(re.match(r"(?:The[ \t]+)?", name)[0])
    name = name[cut:]
    # A council or a force receiving is most often the record's own body, given a funder's money named elsewhere.
    if _KIND_ONLY.search(name) or is_self(name) or (found["r"] and is_public_body(name)):
        return None
    # The last of a list of bodies ("Teens Matter, Hillside Counselling and Nelson House will each receive").
    if re.search(r"(?:,|\band)[ \t]*$", text[max(0, found.start("n") - 30):found.start("n")]) or " and " in name:
        return None
    if len(name.split()) < 2 and (len(name) < 4 or re.search(r"\b" + re.escape(name.lower()) + r"\b", text)):
        return None
    return name, (found.start("n") + cut, found.start("n") + cut + len(name))


def named_as_applicant_or_recipient(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body said just before it to ask for it or to be going to receive it (the module
    docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or item.warning or not item.spans:
            continue
        if found := _named(text, item):
            item.counterparty, item.counterparty_spans = found[0], [found[1]]
