"""A sum a minister or the government announced for the whole country: "the Home Secretary's announcement of £40m to
combat County Lines", "the Chancellor announced £2.5bn for ...".

Such a sum is a national programme's size, not what the deciding body is paid (corpus/README.md: the size of a
national fund is "other"): the department named nearby, which may well fund the body some share of it, is not its
party. Only a sum right after the announcement's words, with a minister, a secretary of state or the government as the
one who announced it; the sum is read as "other" with no party.
"""

import re

from .draft import MoneyItem

_ANNOUNCER = (r"(?:Home|Foreign|Health|Justice|Education|Culture|Transport|Communities)\s+Secretary|Chancellor"
              r"|Prime\s+Minister|Minister(?:\s+for\s+[A-Z][\w,]*(?:\s+(?:and\s+)?[A-Z][\w]*){0,4})?"
              r"|Secretary\s+of\s+State(?:\s+for\s+(?:the\s+)?[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*){0,4})?"
              r"|(?:UK\s+|Welsh\s+|Scottish\s+)?[Gg]overnment|Treasury")
# "the Home Secretary's announcement of", "the Government's recent announcement of an additional", "the Chancellor
# announced a further", "the Minister has announced".
_ANNOUNCED = re.compile(r"\b(?:" + _ANNOUNCER + r")(?:['’]s\s+(?:recent\s+|latest\s+|budget\s+)?announcement\s+of"
                        r"|\s+(?:has\s+|had\s+|have\s+)?(?:recently\s+)?announced)"
                        r"\s+(?:an?\s+|the\s+)?(?:additional\s+|further\s+|extra\s+|new\s+)?(?:sum\s+of\s+)?$")


def drop_announced_parties(text: str, money: list[MoneyItem]) -> None:
    """Read a sum a minister or the government announced as a national sum with no party (the module docstring)."""
    for item in money:
        if item.row or item.counterparty_is_self or not item.spans:
            continue
        start = item.spans[0][0]
        if _ANNOUNCED.search(text, max(0, start - 120), start):
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
