"""A sum whose own clause goes on to name the body that gave it, after "awarded by", "allocated by", "granted by",
"provided by" or "offered by": "to re-allocate £15m of bus grant funding previously awarded by the Department for
Transport", "to receive up to £4,420,000 2023/24 funding provided by the Home Office", "£1.3m allocated by central
government".

The rule for a funder named just before the sum (awarded_by) and the one for a funder named right after it with the
money's kind (funder_after_sum: "£436,994 from the MOJ's Safer Streets Fund") leave this order unread: the sum, at
most a hundred characters of its own clause (no other sum, no stop, no body), then the verb and "by", then a funder
(never the record's own body). The body after "by" gave the money to the record's body, so it is the sum's party and
the line is an award (if read as a grant, other or an allocation). Left alone: money passed on "to" a body in the
gap, a service, work, support or training "provided by" someone (a provider, not a funder), a rate "for each" or
"per" case, and "funded by" (a budget or a match, as often as a funder). A party an earlier rule drafted gives way only
when the sum is said to be received or accepted just before it ("on behalf of the NPCC, to receive up to £X ...
provided by the Home Office": the body on whose behalf money is received did not give it) and is not itself a funder;
such a line, read as a contract, becomes an award.
"""

import re

from .draft import MoneyItem
from .funded_from import RECEIVED
from .organisations import find_organisations, is_funder, is_self

_AFTER = re.compile(r"(?P<gap>[^£.;:\n|]{0,100}?)\b(?:awarded|allocated|granted|provided|offered)[ \t]+by[ \t]+"
                    r"(?:the[ \t]+)?")
# Words in between that make the body after "by" not the sum's giver.
_NOT_GIVEN = re.compile(r"\b(?:to[ \t]+(?:the[ \t]+)?[A-Z]|services?|work|support|training|for[ \t]+each|per)\b")
_RECEIVE = re.compile(r"\b(?:receive|accept)[ \t]+(?:up[ \t]*to[ \t]+)?$", re.IGNORECASE)


def funder_named_by_after_sum(text: str, money: list[MoneyItem]) -> None:
    """Give a sum the funder named after "awarded by" (or "allocated", "granted", "provided", "offered" by) later in
    its own clause (the module docstring)."""
    mentions = None
    for item in money:
        if item.counterparty_is_self or item.row or item.warning or not item.spans:
            continue
        taken = _RECEIVE.search(text, max(0, item.spans[0][0] - 40), item.spans[0][0])
        if item.counterparty and (not taken or is_funder(item.counterparty)):
            continue
        found = _AFTER.match(text, item.spans[0][1])
        if not found or _NOT_GIVEN.search(found["gap"]):
            continue
        mentions = find_organisations(text) if mentions is None else mentions
        if any(item.spans[0][1] <= m.start < found.end() for m in mentions):
            continue
        named = [m for m in mentions if m.start == found.end() and is_funder(m.name) and not is_self(m.name)]
        if not named:
            continue
        mention = max(named, key=lambda m: m.end)
        item.counterparty, item.counterparty_spans = mention.name, [mention.span]
        item.role = "award" if item.role in RECEIVED or taken and item.role == "contract" else item.role
