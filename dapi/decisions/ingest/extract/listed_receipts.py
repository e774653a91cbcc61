"""A list of grants told one recipient a sentence, in news reports and minutes: "Dove House Community Trust in
Northbury received £4,700 to ...", "In Eastvale, Race Equality First has received £10,000 to ...", "Heart of Westport
Boxing Club received over £10,000 to ...", "Westvale-based Street Reach has received £2,136 towards ...".

Such a report names the fund that pays all of the grants once, and an earlier rule may give every sum that funder;
or the sum is left without a party because a word of estimate ("over", "almost", "nearly") or the recipient's place
("in Northbury") stands between the body and the sum, where the reader of "X received £N" (`received_by_name`) wants
them side by side. The body that is the subject of "received", "has received" or "was awarded" in the sum's own
sentence is the sum's party: a run of capitalised words of two words at least (with "of", "and", "for" inside it),
perhaps followed by its initials in brackets and "in" a place, and a lead "<Place>-based" taken off.

Only a line with no party, or the funder's, or the same body with its place ("-based" before it, "in" a place after
it) is mended; never the funder's sum received "from" someone in the same sentence, nor a council or a force
receiving (the record's own body), nor a funder named in the sum's own paragraph (there it is likelier the giver of
this one sum to the place said to receive it: "The Ministry announced an uplift ... Greater Northbury received
£285,000"). Never a row of a table, nor the record's own body, nor a list of bodies ("A and B received £6,000": whose
the sum is stays open).
"""

import re

from .draft import MoneyItem
from .organisations import is_funder, is_public_body, is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_PLACE = r"[A-Z][\w/'’-]*(?:[ \t]+[A-Z][\w/'’-]*)*"
_RECEIVED = re.compile(
    r"(?P<n>" + _NAME + r")(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?(?:[ \t]+in[ \t]+" + _PLACE + r")?[ \t]+"
    r"(?:(?:has|have)[ \t]+received|received|was[ \t]+awarded)[ \t]+"
    r"(?:almost|nearly|over|just[ \t]+over|more[ \t]+than|around|about)?[ \t]*$")
_BASED = re.compile(r"^[A-Z][\w'’-]*-based[ \t]+(?=[A-Z])")
_LEAD = re.compile(r"^(?:In|On|By|At|The|And)[ \t]+(?=[A-Z])")
# The sentence the sum stands in: from the last full stop, line end or semicolon before it.
_SENTENCE_START = re.compile(r"(?:[.;!?][ \t]+|\n)(?=[^\n]*$)")
_FROM_AFTER = re.compile(r"^[^.;\n]{0,80}?\bfrom\b")
_WINDOW = 200


def _sentence(text: str, start: int) -> tuple[int, str]:
    left = max(0, start - _WINDOW)
    window = text[left:start]
    cuts = [cut.end() for cut in _SENTENCE_START.finditer(window)]
    begin = left + (cuts[-1] if cuts else 0)
    return begin, text[begin:start]


def _recipient(text: str, item: MoneyItem) -> tuple[str, tuple[int, int]] | None:
    begin, before = _sentence(text, item.spans[0][0])
    found = _RECEIVED.search(before)
    if not found:
        return None
    lead = before[:found.start("n")].rstrip(" \t")
    if lead.endswith("&") or re.search(r"\band$", lead):
        return None
    name = _LEAD.sub("", found["n"])
    name = _BASED.sub("", name)
    if len(name.split()) < 2 or is_self(name) or re.search(r"[ \t](?:and|&)[ \t]", name):
        return None
    start = begin + found.end("n") - len(name)
    return name, (start, start + len(name))


def _mendable(text: str, item: MoneyItem, name: str) -> bool:
    party = item.counterparty
    if party is None:
        return True
    # The same body drafted with its place, before or after ("Westvale-based X", "X in Eastmoor").
    if re.fullmatch(r"[A-Z][\w'’-]*-based[ \t]+" + re.escape(name) + r"|" + re.escape(name) + r"[ \t]+in[ \t]+[A-Z].*",
                    party):
        return True
    if not is_funder(party) or is_public_body(name) or _FROM_AFTER.match(text, item.spans[0][1]):
        return False
    # A funder named in the sum's own paragraph is likelier the giver of this sum to the record's own area ("The
    # Ministry announced an uplift ... Greater Northbury received £285,000"); one named only elsewhere is the fund of
    # the whole report.
    left = text.rfind("\n", 0, item.spans[0][0]) + 1
    right = text.find("\n", item.spans[0][1])
    return party.lower() not in text[left:right if right >= 0 else len(text)].lower()


def named_in_receipt_lists(text: str, money: list[MoneyItem]) -> None:
    """Give a sum the body its own sentence says received it, over no party or the funder of all the grants (the
    module docstring)."""
    for item in money:
        if item.row or item.counterparty_is_self or not item.spans:
            continue
        found = _recipient(text, item)
        if found and _mendable(text, item, found[0]):
            item.counterparty, item.counterparty_spans = found[0], [found[1]]
