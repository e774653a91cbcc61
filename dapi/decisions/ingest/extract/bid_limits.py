"""A limit on what others may bid for: "invited to apply for funding of up to £5,000", "apply for between £1,000 and
£5,000 via a straightforward process run by the Cornwall Community Foundation".

A sum written after "apply for" (with "funding of", "grants of" or the like, then "up to" or "between ... and") is the
least or most an applicant may ask for. No one applicant is named for it, and a body named nearby (one that runs the
process for the funder) neither pays nor receives it: the party drafted for it is taken off.
"""

import re

from .draft import MoneyItem

_APPLY = re.compile(
    r"\bapply\s+for\s+(?:(?:funding|grants?|awards?)\s+of\s+)?"
    r"(?:up\s+to\s+|between\s+(?:£\s?[\d,.]+(?:\s*(?:k|m|million))?\s+and\s+)?)$",
    re.IGNORECASE,
)


def drop_bid_limit_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off the party of a sum an applicant may apply for at most or at least (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.spans:
            continue
        start = item.spans[0][0]
        if _APPLY.search(text[max(0, start - 80) : start]):
            item.counterparty, item.counterparty_spans = None, []
