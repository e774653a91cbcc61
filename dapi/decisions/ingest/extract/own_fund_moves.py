"""A sum moved within the body's own funds is not a payment: "to allocate £154,000 from the Feasibility Reserve",
"Re-allocate £130k back to the General Reserve", "There is a balance of £475,385 remaining in the Fund", "the addition
of £2m to the Capital Programme", "a forecast underspend on Police Officer Pensions of £28.3m", "other income of
£3.3m".

corpus/README.md: a sum paid to or received from one body is an `award`, `grant` or `allocation`; a budget is
`other`. A line with no party, drafted as an `allocation`, `grant` or `award` from the verb of its sentence
("allocate", "grant funding"), whose clause speaks within 80 characters either side of the sum of the body's own
money (reserve, underspend, overspend, balance, income, capital programme, revenue budget), is made `other`. Left as
read: a sum allocated "to" a named scheme or "to deliver" work ("AGREED to allocate £225,000 from the approved capital
budget to deliver 30 charging bays": a sum given to a purpose, labelled `allocation`; but "to the General Reserve"
is the body's own fund again), "the remaining balance of
available funds" shared out, a sum named a grant, funding or allocation just before it ("affordable housing grant of
£1.9m", "Pothole Action allocation of £1.2m": money received), unless as "additional (grant) funding of" or "other
income of" in a budget's changes, a sum whose next words name an award or a grant ("the Revenue Budget be amended by
£71,835 ... to reflect the above award of grant funding": the grant received) and a sum "match funded" by the body
(its `match`).
"""

import re

from .draft import MoneyItem
from .sum_words import only_dated_payment, words_around

_OWN_MONEY = re.compile(r"\b(?:reserves?|underspends?|overspend|balance|income|capital programme|revenue budget)\b",
                        re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])|;\s|:\s")
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)])\.(?:\s|$)|;\s")
_ALLOCATED = re.compile(r"\ballocat\w*\s+(?:of\s+)?(?:up to\s+)?$", re.IGNORECASE)
_TO_WORK = re.compile(r"\bto (?:a |the )?[A-Z](?![\w ]*\bReserve\b)|\bto deliver")
_SHARED_OUT = re.compile(r"\bbalance of available|remaining balance", re.IGNORECASE)
_NAMED_RECEIPT = re.compile(r"\b(?:grant|funding|allocation)\b[^£.]{0,40}$", re.IGNORECASE)
_BUDGET_CHANGE = re.compile(r"\b(?:additional|other)\s+(?:grant\s+)?(?:funding|income)\s+of\s+$", re.IGNORECASE)
_MATCHED = re.compile(r"\bmatch\s+fund", re.IGNORECASE)
_GRANT_AFTER = re.compile(r"\b(?:award|grant)", re.IGNORECASE)


def own_fund_moves(text: str, money: list[MoneyItem]) -> None:
    """Make a sum moved within the body's own funds, drafted as a payment with no party, `other` (the module
    docstring)."""
    for item in money:
        if item.counterparty or item.role not in ("allocation", "grant", "award") or not item.spans:
            continue
        if only_dated_payment(item, money):
            continue
        before, after = words_around(text, item)
        before, after = _CLAUSE_START.split(before)[-1], _CLAUSE_END.split(after)[0]
        if not _OWN_MONEY.search(before[-80:] + " £ " + after[:80]):
            continue
        if _ALLOCATED.search(before) and _TO_WORK.search(after):
            continue
        if _SHARED_OUT.search(before[-80:] + " £ " + after[:80]):
            continue
        if _NAMED_RECEIPT.search(before) and not _BUDGET_CHANGE.search(before):
            continue
        if _MATCHED.search(after[:40]) or _GRANT_AFTER.search(after[:80]):
            continue
        item.role = "other"
