"""The one body a record's funding is made to lends itself to the record's sums of that funding left without a body.

"To make an award of funding to Police Scotland ... That if 50% of the project commences the contribution to the
project total will be £3016.50", "reinstating the funding agreement with Police Scotland ... The £500,000 annual
funding for the two teams ... was withdrawn", "MOPAC is funding the Metropolitan Police Service (MPS) to deliver drug
testing ..., at a total allocation of £470,000": a record about funding one body names it once, where it says whom the
funding is made to, and states the sums in sentences of their own. As sole_provider.py does for a contract's provider:
only when the record's words of funding name exactly one body, neither the deciding body nor a funder; only for a sum
left without a body, never a row of a table, a threshold or a sum the record's own body is said to receive, and only in
a sentence that speaks of the funding, an award or a contribution. The role is left as read; each line so filled
carries a warning, so review checks it first.
"""

import re

from .draft import MoneyItem
from .money import Context
from .organisations import is_funder, is_self

# "an award of funding to X", "award a grant to X", "the funding agreement with X", "is funding X to deliver".
_FUNDED = re.compile(r"\b(?i:award(?:s|ed)?)\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:funding|grant)\s+to\s+(?:the\s+)?"
                     r"|\bfunding\s+agreement\s+with\s+(?:the\s+)?|\b(?:is|are|will\s+be)\s+funding\s+(?:the\s+)?")
_ABOUT_FUNDING = re.compile(r"\b(?:fund(?:ing|ed)?|contribution|award|grant|allocation)\b", re.IGNORECASE)
_THRESHOLD = re.compile(r"\b(?:under|over|below|above|up\s+to|exceeds?|exceeding|less\s+than|more\s+than)\s+$",
                        re.IGNORECASE)
_ROLES = ("other", "total", "contribution")


def _funded(ctx: Context) -> set[str]:
    """The bodies named right after the record's words of funding (the comment on _FUNDED)."""
    names = set()
    for match in _FUNDED.finditer(ctx.text):
        named = next((m for m in ctx.organisations if m.start == match.end()), None)
        if named and not is_self(named.name) and not is_funder(named.name):
            names.add(named.name)
    return names


def funded_body(ctx: Context, money: list[MoneyItem]) -> None:
    """Give the record's one funded body (the module docstring) to its sums of funding that name no body."""
    text = ctx.text
    names = _funded(ctx)
    if len(names) != 1:
        return
    name = names.pop()
    span = next(m.span for m in ctx.organisations if m.name == name)
    for item in money:
        if (item.counterparty is not None or item.row or item.counterparty_is_self or item.role not in _ROLES
                or not item.spans or _THRESHOLD.search(text, max(0, item.spans[0][0] - 30), item.spans[0][0])):
            continue
        start, end = ctx.layout.sentence_at(item.spans[0][0])
        if not _ABOUT_FUNDING.search(text, start, end):
            continue
        item.counterparty, item.counterparty_spans = name, [span]
        item.warning = item.warning or (f"{name} taken as the body of this sum: the only body the record's funding is "
                                        "made to, its own sentence names none")
