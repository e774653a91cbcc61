"""A sum a named body is said, just before it, to be due to receive, or to have received by now or more than: "Nuthall
Parish Council is set to receive £10,000 to remove an old skate park", "Victim Support has now received £400,000 to
help support victims of domestic abuse", "Lucky Ewe, a registered charity based across Fife, is to receive over
£21,000".

`received_by_name.py` reads "X received £N" and "X has received £N", the sum straight after the verb. A news report of
a fund's grants as often writes the receiving still to come ("is set to receive", "is to receive", "is due to
receive", "will receive"), with "now" inside it ("has now received"), or the sum rounded ("received more than",
"over", "almost", "nearly", "around"). The body so named is the grammatical subject of the receiving: a run of
capitalised words (with "of", "and", "for" inside it), of two words at least, perhaps its initials in brackets, perhaps
a short description after a comma that begins "a" or "an" and ends with a comma, and the verb singular ("is", "has";
"are set to receive" speaks of several bodies). Not the record's own body, nor the last of a list of bodies, nor a sum
"each" ("A and B will receive £5,000 each": whose the sum is stays open), and only for a sum the other rules left
without a party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .received_by_name import name_the_subject

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_ROUNDED = r"(?:over|more[ \t]+than|almost|nearly|around|about)"
_RECEIVE = re.compile(
    r"(?P<n>" + _NAME + r")(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?(?:,[ \t]+an?[ \t]+[^,.;:\n£]{1,60},)?[ \t]+"
    r"(?:(?:has[ \t]+now[ \t]+received|is[ \t]+(?:set[ \t]+|due[ \t]+)?to[ \t]+receive|will[ \t]+receive)"
    r"(?:[ \t]+" + _ROUNDED + r")?|(?:has[ \t]+)?received[ \t]+" + _ROUNDED + r")[ \t]+$")
# "... will receive £6,500 each": the sum is each of several bodies', whose it is stays open.
_EACH = re.compile(r"^[ \t]+each\b")
_WINDOW = 200


def named_as_to_receive(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body said, just before it, to be due to receive it, to have now received it or to
    have received more than it (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        start = max(0, item.spans[0][0] - _WINDOW)
        found = _RECEIVE.search(text[start:item.spans[0][0]])
        if found and not _EACH.match(text[item.spans[0][1]:item.spans[0][1] + 10]):
            name_the_subject(item, text, start, found)
