"""Sums listed under a line that names the body they are for: "The YMCA DownsLink Group to employ a prevention worker,
funding awarded for this role will be;" and, below it, "- £5,772 in 2022/23", "- £11,899 in 2023/24".

A recommendation may name the body once, in a line ending in a colon or a semicolon that introduces the list, and
give its sums year by year in the items below, each opening with the sum. The items name nobody, so each sum was left
without a party. The lead line must open with a capitalised name ("The" allowed) followed by "to" and a verb or "will",
and end with ":" or ";"; the items must follow it at once, each a bullet opening with "£". The name is never the
deciding body, a programme or a fund, and each sum keeps a warning so a reviewer checks it; a sum whose role said
nothing ("other") is a grant when the lead line speaks of funding, a grant or an award.
"""

import re

from .beside import can_be_party
from .draft import MoneyItem

_LEAD = re.compile(r"^[ \t]*(?:[-•·*▪][ \t]+)?(?:The[ \t]+)?(?P<name>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|"
                   r"for)){0,6})[ \t]+to[ \t]+[a-z]+\b[^\n]*[:;][ \t]*$", re.M)
_ITEM = re.compile(r"[ \t]*[-•·*▪][ \t]+£[\d,.]+[^\n]*(?:\n|$)")
_FUNDED = re.compile(r"\b(?:fund(?:ed|ing)?|grant|award(?:ed)?)\b", re.I)


def named_at_list_lead(text: str, money: list[MoneyItem]) -> None:
    """Give the sums of a list the body its lead line names (the module docstring), with a warning."""
    for lead in _LEAD.finditer(text):
        name = lead["name"]
        if re.search(r"[ \t](?:of|and|&|for)$", name) or not can_be_party(name):
            continue
        end, items = lead.end() + 1, []
        while (item := _ITEM.match(text, end)) and item.end() > end:
            items.append(item.span())
            end = item.end()
        for m in money:
            if m.spans and not m.counterparty and not m.counterparty_is_self and any(
                    s <= m.spans[0][0] < e for s, e in items):
                m.counterparty, m.counterparty_spans = name, [lead.span("name")]
                if m.role == "other" and _FUNDED.search(lead[0]):
                    m.role = "grant"
                m.warning = m.warning or (f"{name} is named in the line leading this sum's list, not beside the sum: "
                                          "check it is the other party")
