"""A total cost, spend, balance or reserve is not a total of payments: "the estimated total cost of £140,431", "Total
project costs will be £21.5m", "Total Reserves of £8.1m by 1 April 2026", "with the total balance being £85,088",
"the total loss of income would be £2.9m", "supplementary revenue budgets totalling £187,602", "bad debts totalling
£618,000".

corpus/README.md keeps `total` for a sum that several payments or awards come to; a sum the body spends, holds, owes
or loses is `other`. A line drafted as `total` whose sum comes straight after "total" and a word for what is spent or
held (cost, costs, spend, expenditure, reserves, balance, loss of income, charge, bid value; perhaps "project",
"revenue", "capital", "anticipated", "estimated" or "programme" between them; then "of", "is", "will be", "would be",
"being", "was", "to date", "will not exceed" or "had been in excess of"), or after budgets, virements, debts, reserves
or savings "totalling", is made `other`. Not "a total cost of" ("at a total cost of", "The project has a total cost of") nor
"approval to the total project costs of": the cost of what is being bought or approved, which a record may state as the
sum paid out (labelled either way), so left as read. The line's party is left as read.
"""

import re

from .draft import MoneyItem
from .sum_words import words_around

_ABOUT = r"(?:(?:up to|over|around|about|approximately|circa|more than|just under|nearly|almost)\s+)?"
_TOTAL_COST = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!approval to the )(?<!approve the )\btotal\s+"
    r"(?:(?:project|revenue|capital|anticipated|estimated|programme)\s+)?"
    r"(?:costs?|spend|expenditure|reserves|balance|loss of income|charge|bid value|value exceeds)\s*"
    r"(?:(?:of|would be|will be|being|is|was|to date|will not exceed|had been in excess of)\s+)?" + _ABOUT + "$",
    re.IGNORECASE)
_HELD_TOTALLING = re.compile(r"\b(?:budgets?|virements|debts?|reserves|savings)\s+totalling\s+" + _ABOUT + "$",
                             re.IGNORECASE)


def costs_not_totals(text: str, money: list[MoneyItem]) -> None:
    """Make a total cost, spend, balance or reserve drafted as `total` an `other` line (the module docstring)."""
    for item in money:
        if item.role != "total" or not item.spans:
            continue
        before, _after = words_around(text, item)
        if _TOTAL_COST.search(before) or _HELD_TOTALLING.search(before):
            item.role = "other"
