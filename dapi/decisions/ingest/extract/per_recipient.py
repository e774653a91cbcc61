"""A sum each one of many is given, or may be given at most, names no party: "funding to a further 8 projects up to
the cost of £5,000 each", "up to a maximum of £7500 per charging point", "from £250,000 to a maximum upper limit of
£350,000 per organisation", "can provide up to £1500 to clubs and organisations", "award up to £25 to all council tax
support recipients", "groups in each county can apply for up to £2,500".

A scheme's rate for every applicant, project, place or person is paid to no one body: corpus/README.md gives such a
sum no party. Yet the rules that read a sentence's bodies take the one named nearby (the body that runs the scheme,
the government that funds it, the record's own body) for the party of the sum. So a line drafted with a party is left
with none when its sum is:

- followed by "per" or "for each" and a word that is not a stretch of time ("per organisation", "per charging point",
  "per town"; never "per annum", "per calendar month", "per cent", "for each financial year");
- followed by "each" or "apiece" (not "each year", not "each to the Safer Business Network" or "each from the ward
  allocations", where the body is named), unless the party stands before the sum in its sentence: "the county
  council, the police and the PCT have also agreed to commit £25,000 each" names the bodies that each pay;
- right after "up to", "a maximum of", "maximum (upper) limit of", "less than", "no more than" or "at least", and
  followed by "to" (perhaps "all" or "the") and a kind of many recipients ("clubs", "groups", "organisations",
  "recipients", "residents", "households", "projects", "charities", "applicants");
- or right after "apply for" or "eligible for" with "up to" or "a maximum of" (`extract/bid_limits.py` reads the
  same words earlier; a later rule may have named a party again).

A sum read after one of those limit words ("up to", "apply for up to") is a limit and becomes `other`; "£5,000 each"
and "£25k per town" keep the role they were read with ("Two grant awards ... of up to £1m each" are grants). A row of a
table keeps its party: a row's sum is one body's.
"""

import re

from .draft import MoneyItem

# What a sum may carry after its figure before the words read here: "£380k", "£2.5 million".
_UNIT = r"(?:[ \t]*(?:k|m|bn|million|billion)\b)?"
# A stretch of time or a share: "per annum", "per calendar month", "per cent", "each year".
_TIME = r"(?:annum|year|yr|month|calendar|financial|week|day|hour|quarter|cent|centum|session|term|night)"
# "each" and "apiece" after a sum; not "each to the Safer Business Network" or "each from the ward allocations",
# where the sum's body is named.
_EACH = re.compile(_UNIT + r"[ \t]*,?[ \t]*(?:each|apiece)\b(?![ \t]+(?:(?:to|from)[ \t]+(?:the[ \t]+)?(?-i:[A-Z])|"
                   + _TIME + r"))", re.IGNORECASE)
_PER = re.compile(
    _UNIT + r"[ \t]*,?[ \t]*(?:for[ \t]+each[ \t]+(?!" + _TIME + r")\w"
    r"|per[ \t]+(?!" + _TIME + r"\b)(?:[\w-]+[ \t]+){0,2}?[\w-]+)", re.IGNORECASE)
# The end of a sentence or a line, between a party named before the sum and the sum.
_BREAK = re.compile(r"[.;:!?]\s|\n")
_LIMIT_BEFORE = re.compile(
    r"\b(?:up[ \t]+to|(?:a[ \t]+)?maximum[ \t]+(?:upper[ \t]+)?(?:limit[ \t]+)?of|less[ \t]+than|no[ \t]+more[ \t]+than"
    r"|at[ \t]+least)[ \t]*$", re.IGNORECASE)
_TO_MANY = re.compile(
    _UNIT + r"[ \t]+to[ \t]+(?:all[ \t]+|the[ \t]+)?(?:[\w-]+[ \t]+){0,3}?(?:clubs|groups|organisations|recipients"
    r"|residents|households|projects|charities|applicants)\b", re.IGNORECASE)
_APPLY_BEFORE = re.compile(
    r"\b(?:apply|eligible)[ \t]+for[ \t]+(?:up[ \t]+to|a[ \t]+maximum[ \t]+of)[ \t]*$", re.IGNORECASE)


def _named_before_in_sentence(text: str, item: MoneyItem, start: int) -> bool:
    """The party stands before the sum in its sentence: "the county council, the police and the PCT have also agreed
    to commit £25,000 each" are bodies each paying, and an earlier rule read them."""
    return any(cp_end <= start and not _BREAK.search(text, cp_end, start) for _, cp_end in item.counterparty_spans)


def _for_each_of_many(text: str, item: MoneyItem, start: int, end: int) -> tuple[bool, bool]:
    """Whether the sum is given to each one of many, and whether it is a limit (read after "up to" and the like)."""
    before = text[max(0, start - 60) : start]
    limit = bool(_LIMIT_BEFORE.search(before) or _APPLY_BEFORE.search(before))
    if _PER.match(text, end):
        return True, limit
    if _EACH.match(text, end):
        # "Two grant awards ... of up to £1m each" are grants all the same: the role is left as read.
        return not _named_before_in_sentence(text, item, start), False
    if _LIMIT_BEFORE.search(before) and _TO_MANY.match(text, end):
        return True, True
    return bool(_APPLY_BEFORE.search(before)), True


def drop_per_recipient_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off the party of a sum given to, or open to, each one of many (the module docstring)."""
    for item in money:
        if not item.counterparty or item.row or not item.spans:
            continue
        start, end = item.spans[0]
        each, limit = _for_each_of_many(text, item, start, end)
        if each:
            item.counterparty, item.counterparty_spans, item.counterparty_is_self = None, [], False
            if limit:
                item.role = "other"
