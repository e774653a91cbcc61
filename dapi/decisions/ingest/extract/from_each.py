"""A package listed sum by sum, each with the body it comes "from": "The funding package comprises of £838,000 from
Devon County Council, £43,400 from the PCT, £40,000 from Devon and Cornwall Police and £40,000 from Devon's district
councils".

Read one sum at a time, the name nearest a sum is often the one before it, which belongs to the sum before. When two or
more sums in one run each have "from" and a name right after them, each sum's party is the body named after its own
"from", and it is that body's contribution to the package. A sum whose "from" is followed by no name the record
otherwise reads as a body loses the name it was given and is flagged. A run of sums from funds, programmes or budgets
("£764,535 from the BEIS Growth Hub funding and £1,700,878 from the ESIF funding") is left to the other rules.
"""

import re

from .draft import MoneyItem
from .money import Context

_FROM = re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+)?")
# Between one sum's "from" and the next sum: the name, then a comma or "and".
_NEXT = re.compile(r"[^.;:\n£]{1,80}?(?:,|[ \t]and)[ \t]+$")
_GIVEN = {"grant", "award", "allocation", "other"}
# What a sum comes from when it is no body: "from the Next Steps Accommodation Programme", "from the ESIF funding".
_SOURCE = re.compile(r"[^.,;\n]*?\b(?:[Ff]unds?|[Ff]unding|[Pp]rogramme|[Bb]udgets?|[Gg]rants?|[Rr]eserves?|[Ss]cheme|"
                     r"[Pp]ot|[Aa]llocation|[Aa]ccount|[Ll]evy|[Pp]recept)\b")


def _run(text: str, items: list[MoneyItem]) -> list[list[tuple[MoneyItem, int]]]:
    """Runs of two or more sums, each with "from" right after it and only a name and a comma or "and" before the next."""
    runs: list[list[tuple[MoneyItem, int]]] = []
    for item in sorted(items, key=lambda m: m.spans[0][0]):
        end = item.spans[0][1]
        after = _FROM.match(text, end)
        if not after:
            continue
        last = runs[-1][-1] if runs else None
        if last and _NEXT.fullmatch(text, last[1], item.spans[0][0]):
            runs[-1].append((item, after.end()))
        else:
            runs.append([(item, after.end())])
    return [run for run in runs if len(run) >= 2 and not any(_SOURCE.match(text, at) for _, at in run)]


def named_after_each_from(ctx: Context, money: list[MoneyItem]) -> None:
    """Give each sum of a run of sums "from" a body the body after its own "from" (the module docstring)."""
    text = ctx.text
    items = [m for m in money if m.spans and not m.row and not m.counterparty_is_self]
    for run in _run(text, items):
        for item, at in run:
            named = [o for o in ctx.organisations if o.start == at]
            if item.counterparty and item.warning.startswith(item.counterparty + " "):
                item.warning = ""  # a warning about the name it loses
            if named:
                item.counterparty, item.counterparty_spans = named[0].name, [named[0].span]
            elif item.counterparty:
                item.counterparty, item.counterparty_spans = None, []
                item.warning = item.warning or ("this sum is listed with the body it comes from named after “from”, "
                                                "which was not read as a body: check who gives it")
            if item.role in _GIVEN:
                item.role = "contribution"
