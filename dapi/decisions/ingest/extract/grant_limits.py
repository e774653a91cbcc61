"""The most or least a grant scheme gives is a limit, not a grant: "groups can apply for grants of up to £5,000",
"Grants will not normally exceed £1,000", "limited to a maximum of £2,000 per application", "grants which range from
£3,000 to £15,000", "higher value grants (£2,000 to £10,000 in value)", "funding of up to £10,000 to third sector
organisations", "The maximum grant an organisation could apply for was £5,000".

corpus/README.md: a threshold is `other`. The sum comes straight after "grants ... of up to" (or "of a maximum of",
"of max"), "apply for" or "bid for" with "up to" or "a maximum of", "limited to" or "capped at", "could apply for
was", "range from" or "ranging from", "not (normally) exceed", "that are not more than"; or it is the upper end of
such a range ("range from £3,000 to", "(£2,000 to"); or "funding of up to" a sum followed by "to" or "for" a kind of
applicant (third sector, community, charities, voluntary, local, eligible, organisations, groups) or a number of
them; or the sum is followed by "per application" or "per applicant". Such a line is made `other` whatever role the
sentence's verb gave it; its party is left as read (an earlier rule, `extract/bid_limits.py`, takes off a party drafted
for the limit after "apply for").
"""

import re

from .draft import MoneyItem
from .sum_words import only_dated_payment, words_around

_MOST = r"(?:(?:up to|up to a maximum of|a maximum of|maximum of|max(?:imum)?|no more than|not more than)\s+)"
_LIMIT = re.compile(
    r"\bgrants\s+(?:\w+\s+){0,4}?of\s+" + _MOST + "$"
    r"|\b(?:apply|bid)\s+for\s+" + _MOST + "$"
    r"|\b(?:limited to|capped at)\s+" + _MOST + "?$"
    r"|\bcould apply for (?:was|is)\s+$"
    r"|\b(?:range|ranging)\s+from\s+$"
    r"|\bnot\s+(?:normally\s+)?exceed\s+$"
    r"|\bthat are not more than\s+$",
    re.IGNORECASE)
_RANGE_TOP = re.compile(r"\b(?:range|ranging)\s+from\s+£[\d,.]+[km]?\s+to\s+$|\(£[\d,.]+[km]?\s+(?:to|-)\s+$",
                        re.IGNORECASE)
_FUNDING_UP_TO = re.compile(r"\bfunding of up to\s+$", re.IGNORECASE)
_TO_APPLICANTS = re.compile(
    r"^\s*(?:to|for)\s+(?:third sector|community|charities|voluntary|local|eligible|organisations|groups|\d+)",
    re.IGNORECASE)
_PER_APPLICATION = re.compile(r"^\s*(?:per|for each|each)\s+(?:successful\s+)?(?:application|applicant)\b",
                              re.IGNORECASE)


def limits_not_grants(text: str, money: list[MoneyItem]) -> None:
    """Make the most or least a grant scheme gives an `other` line (the module docstring)."""
    for item in money:
        if not item.spans or item.role == "other":
            continue
        if only_dated_payment(item, money):
            continue
        before, after = words_around(text, item)
        if (_LIMIT.search(before) or _RANGE_TOP.search(before) or _PER_APPLICATION.search(after)
                or (_FUNDING_UP_TO.search(before) and _TO_APPLICANTS.search(after))):
            item.role = "other"
