"""A sum the deciding body receives, accepts or is asked for, from a body named after "from" in the same clause:
"receipt of £46,000 from the Northbury Policing Office", "receive and spend up to £0.3m from London Councils",
"£500 was received from TAP", "the funding request for £135,000 for 2005/06 from the Citizens Advice Bureau".

The verb says which way the money moves: received or accepted, it comes from the body named; requested, the body named
is the applicant whose request the record decides. Either way that body is the sum's other party. The verb stands just
before the sum ("receipt of", "receive", "accept", "request for") or just after it ("was received", "requested"); the
words between the sum and "from" hold no other sum, no "to" (money passed on), no "budget" (a budget moved between
the body's own departments) and no end of a clause. The name is a
run of capitalised words (with "of", "and", "for", "&" inside it) of two words at least, or one word in capitals
("WAVE"); not the record's own body, and not a fund, budget, reserve, programme or scheme, which is where the money
sits and not who gives it. Only for a sum the other rules left without a party and without a warning (a party an
earlier rule took off, warning why, is not put back), never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_VERB_BEFORE = re.compile(
    r"\b(?:receipt|receive|receiving|received|accept|accepting|acceptance|request|requests|requested)\b"
    r"[^£.;:\n]{0,25}$", re.IGNORECASE)
_FROM = re.compile(
    r"(?P<gap>(?:(?!\bto\b|\bfrom\b|\bbudget\b)[^£.;:\n]){0,50}?)\bfrom[ \t]+(?:the[ \t]+)?(?P<n>" + _NAME + ")")
_VERB_AFTER = re.compile(r"\b(?:is|was|were|been|be)[ \t]+(?:received|requested)\b")
_WHERE_MONEY_SITS = re.compile(
    r"\b(?:Funds?|Budgets?|Reserves?|Programmes?|Schemes?|Accounts?|Grants?|Initiative|Pot|Allocation|Levy|Monies)$")
_TRAILING_WORD = re.compile(r"[ \t]+(?:of|and|for|&)$")
_WINDOW = 60


def _named(name: str) -> bool:
    words = name.split()
    one_in_capitals = len(words) == 1 and len(name) >= 2 and name.isupper()
    return (len(words) >= 2 or one_in_capitals) and not is_self(name) and not _WHERE_MONEY_SITS.search(name)


def named_as_giver_or_asker(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body it is received from or asked for by, named after "from" (the module
    docstring)."""
    for item in money:
        if item.counterparty or item.warning or item.row or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        found = _FROM.match(text, end)
        if not found:
            continue
        if not (_VERB_BEFORE.search(text[max(0, start - _WINDOW):start]) or _VERB_AFTER.search(found["gap"])):
            continue
        name = _TRAILING_WORD.sub("", found["n"])
        if not _named(name):
            continue
        begin = found.start("n")
        item.counterparty, item.counterparty_spans = name, [(begin, begin + len(name))]
