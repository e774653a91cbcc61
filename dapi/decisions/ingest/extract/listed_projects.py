"""A funded project listed by its name and sum, the body that runs it opening the next line.

"The schemes which have received funding to date are:" / "Hertfordshire Community Rent Deposit Scheme (£30,000)" /
"St. Mungo’s Community Housing Association will seek to ...": a news page lists what a fund paid for, each item a line of
no more than the project's name and its sum in brackets, with a paragraph under it whose first words name the body
that runs the project. The sum is that body's, an award (unless another rule gave it a role); the project's own name
("... Scheme") is no party.

Only under a lead line ending in a colon that speaks of funding, grants or awards, among the lines above; only when the
next line opens with a body's name (the words before a name the reader knows, on that line, are taken with it: "St.").
Each line so filled keeps a warning.
"""

import re

from .beside import can_be_party
from .draft import MoneyItem
from .money import Context

_ITEM = re.compile(r"[ \t]*(?:[-•*·][ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+[\w'’&.-]+){0,8}[ \t]*\([ \t]*£[\d,.]+(?:[ \t]?(?:m|k|"
                   r"million))?[ \t]*\)[ \t]*")
_LEAD = re.compile(r"\b(?:fund(?:s|ed|ing)?|grants?|award(?:s|ed)?|received)\b[^\n]*:[ \t]*$", re.IGNORECASE)
_OPENING_WORDS = re.compile(r"(?:(?:The[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){0,2})")
_LEAD_LINES = 30


def named_under_listed_projects(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a listed project's sum the body opening the next line (the module docstring)."""
    text, layout = ctx.text, ctx.layout
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()]
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        index = next((i for i, ln in enumerate(lines) if ln[0] <= item.spans[0][0] < ln[1]), None)
        if index is None or index + 1 >= len(lines) or not _ITEM.fullmatch(text, *lines[index]):
            continue
        if not any(_LEAD.search(text, *ln) for ln in lines[max(0, index - _LEAD_LINES):index]):
            continue
        start, end = lines[index + 1]
        body = next((o for o in ctx.organisations if start <= o.start < end and can_be_party(o.name)
                     and _OPENING_WORDS.fullmatch(text, start, o.start)), None)
        if body is None:
            continue
        name = text[start:body.end]
        name = re.sub(r"^The[ \t]+", "", name)
        item.counterparty, item.counterparty_spans = name, [(body.end - len(name), body.end)]
        item.role = "award" if item.role == "other" else item.role
        item.warning = item.warning or (f"{name} opens the paragraph under this listed project and its sum: check it "
                                        "runs the project")
