"""A sum that is a budget some body holds, not a payment: "Each Ward Alliance has a budget of £10,000", "The Fells and
Solway Community Panel had a budget of £65,259 to invest in local community projects", "the forecast total budget for
Humberside Police in 2025/26 is £255.7m", "there is still £65,000 left in the pot for this financial year".

A budget a body "has" or "had", a budget "for" a body that "is" or "was" the sum, or a sum "left in the pot", is money
that body holds to spend: nobody pays it that sum and it pays nobody that sum in the sentence, so the name beside it is
the holder, no party to the sum. A line whose party is named right before "has/had/have a (total, annual ...) budget
of" the sum, or right after "budget for" with "is" or "was" just before the sum, or whose sum is followed by "(still)
left in the pot", is left with no party and as "other" (a budget is neither a grant nor a contract), with a warning
naming the holder, so a reviewer checks it. "The total budget for this programme is £368,579" or a fund "which has a
total budget of" names no body before the words and is left to the other rules.
"""

import re

from .draft import MoneyItem

# The holder by name, then the words up to the sum: "{name} has a budget of", "budget for {name} in 2025/26 is".
_HAS = r"{name}[ \t]+(?:has|had|have)[ \t]+an?[ \t]+(?:[\w-]+[ \t]+){{0,2}}budget[ \t]+of[ \t]+$"
_FOR = r"\bbudget[ \t]+for[ \t]+(?:the[ \t]+)?{name}\b[^.;:\n£]{{0,30}}?[ \t]+(?:is|was)[ \t]+$"
_AFTER = re.compile(r"[ \t]+(?:still[ \t]+)?left[ \t]+in[ \t]+the[ \t]+pot\b", re.IGNORECASE)


def _held_by_name(name: str) -> re.Pattern:
    return re.compile(f"(?:{_HAS.format(name=re.escape(name))})|(?:{_FOR.format(name=re.escape(name))})", re.IGNORECASE)


def drop_held_budget_parties(text: str, money: list[MoneyItem]) -> None:
    """Take the party off a sum that is a budget a body holds (the module docstring)."""
    for item in money:
        if not item.counterparty or item.row or not item.spans:
            continue
        start, end = item.spans[0]
        if _held_by_name(item.counterparty).search(text, max(0, start - 120), start) or _AFTER.match(text, end):
            name = item.counterparty
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
            item.warning = item.warning or (f"read as a budget {name} holds, not a sum paid to or by it: "
                                            f"check the party")
