"""A sum called a threshold or a limit: "sought to fund West Mercia Wide projects with up to £150k as the upper
threshold limit for these applications".

A sum followed by "as the (upper or lower) threshold", "as the limit" or "is the maximum" sets a bound on what
applicants may ask for; no one is paid it, and a body named nearby is no party to it: the party drafted for it is
taken off, and the sum, a bound rather than a grant or a payment, is `other`.
"""

import re

from .draft import MoneyItem

_BOUND = re.compile(
    r"[ \t]+(?:as|is|was|being)[ \t]+(?:the|a|an)[ \t]+(?:(?:upper|lower|maximum|minimum)[ \t]+)?"
    r"(?:threshold|limit|cap|ceiling|maximum|minimum)\b", re.IGNORECASE)


def drop_threshold_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off the party of a sum the record calls a threshold or a limit (the module docstring)."""
    for item in money:
        if item.counterparty_is_self or item.row or not item.spans:
            continue
        if _BOUND.match(text, item.spans[0][1]):
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
