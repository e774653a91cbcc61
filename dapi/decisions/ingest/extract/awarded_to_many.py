"""A sum awarded to many bodies at once, with none named: "A police and crime commissioner has awarded £46,000 to
church organisations who look after ...", "the Commissioner has awarded almost £90K to projects taking place over the
summer holidays".

A news report of a fund's round gives the whole sum first, awarded "to" a plural kind of body ("organisations",
"groups", "projects", "charities") rather than to a body by its name: the sum is shared among them, so it is the
round's total, not one award. Only for a grant or an award the other rules left without a party, with "awarded",
"given", "granted" or "distributed" right before the sum (perhaps with "almost", "over", "more than"), and the plural
within four words after "to", "among", "between" or "across".
"""

import re

from .draft import MoneyItem

_AWARDED = re.compile(r"\b(?:award(?:ed|s|ing)?|give[ns]?|gave|grant(?:ed|s)|distribut(?:ed|es?|ing))[ \t]+"
                      r"(?:(?:almost|nearly|over|more[ \t]+than|around|about|some|a[ \t]+total[ \t]+of)[ \t]+)?$",
                      re.IGNORECASE)
_TO_MANY = re.compile(r"[ \t]+(?:to|among|amongst|between|across)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?"
                      r"(?:organisations|organizations|groups|projects|charities|schemes|initiatives|causes|"
                      r"community[ \t]+groups|bodies|partners|tiers)\b", re.IGNORECASE)


def awarded_to_many(text: str, money: list[MoneyItem]) -> None:
    """Read a sum awarded to a plural kind of body, none named, as a total (the module docstring)."""
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            continue
        if item.role not in ("grant", "award"):
            continue
        start, end = item.spans[0]
        if _AWARDED.search(text, max(0, start - 60), start) and _TO_MANY.match(text, end):
            item.role = "total"
