"""A body named only as an example of who may apply: "a fund that local organisations such as Parish Councils,
schools and other constituted groups can apply to for a small grant of up to £5000.00".

Names that follow "such as", "for example" or "e.g." are examples of a kind of applicant, not a party to the sum:
nobody has been given it yet. A line whose only party stands right after those words loses it, and where the sum is
one "up to" which applicants may ask for, a bound rather than a grant made, it is `other`.
"""

import re

from .draft import MoneyItem

_EXAMPLE = re.compile(r"\b(?:such[ \t]+as|for[ \t]+example|e\.g\.)[ \t,]*(?:the[ \t]+)?$", re.IGNORECASE)


def drop_example_parties(text: str, money: list[MoneyItem]) -> None:
    """Take off a party that is only named as an example (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.counterparty_spans:
            continue
        if all(_EXAMPLE.search(text, max(0, start - 20), start) for start, _ in item.counterparty_spans):
            item.counterparty, item.counterparty_spans = None, []
            if item.qualifier == "up to" and item.role == "grant":
                item.role = "other"
