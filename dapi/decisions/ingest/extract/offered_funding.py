"""A funder the record says has offered the deciding body funding, for that funding's sums stated on their own.

"The Secretary of State for the Home Department has offered funding to the PCC to enable the force to carry out ...
Funding of £1.325m is available with indicative grants being £325k in 2020/21, £500k in 2021/22 ...": a record about
accepting a funder's offer names the funder once, where it says who offered the funding, and gives the sums in
sentences of their own. Only when the record names exactly one such funder, offering funding (a grant) to the deciding
body itself ("the PCC", "the Commissioner", "the Council"); only for a grant or an award left without a body, never a
row of a table or a sum the record's own body pays; the line is read as the funder's award and carries a warning, so
a reviewer checks it first.
"""

import re

from .draft import MoneyItem
from .money import Context
from .organisations import is_self

# "The Home Office has offered funding to the Commissioner", "the Secretary of State for the Home Department has
# offered grant funding to the PCC"; the name a run of capitalised words (with "of", "for", "the", "and").
_OFFERED = re.compile(
    r"(?:^|(?<=[.\n])[ \t]*|(?<=\.[ \t]))(?:The[ \t]+)?"
    r"(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|for|the|and|&)){0,8}?)"
    r"[ \t]+(?:has|have|had)[ \t]+(?:offered|awarded|granted)[ \t]+(?:(?:grant[ \t]+)?funding|a[ \t]+grant)[ \t]+to[ \t]+"
    r"(?:the[ \t]+)?(?P<to>PCC|OPCC|Commissioner|Police[ \t]+and[ \t]+Crime[ \t]+Commissioner|Council|Authority)\b",
    re.MULTILINE)


def _offering_funders(text: str) -> dict[str, tuple[int, int]]:
    found = {}
    for match in _OFFERED.finditer(text):
        name = match["n"]
        if not is_self(name) and (len(name.split()) >= 2 or name.isupper()):
            found.setdefault(name, match.span("n"))
    return found


def offered_funding(ctx: Context, money: list[MoneyItem]) -> None:
    """Give the one funder that offered the deciding body funding (the module docstring) to its sums left without a
    body, as its award, with a warning."""
    funders = _offering_funders(ctx.text)
    if len(funders) != 1:
        return
    (name, span), = funders.items()
    for item in money:
        if (item.counterparty is not None or item.row or item.counterparty_is_self or not item.spans
                or item.role not in ("grant", "award")):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", name, [span]
        item.warning = item.warning or (f"{name} taken as the funder of this sum: the one body the record says "
                                        "offered it funding; the sum's own sentence names none")
