"""A sum the other rules left without a counterparty, said right after it to be government funding.

"Cllr Maxwell welcomed the award of over £2m in Government funding", "the receipt and expenditure of £6.66m of
Government funding", "My staff brought in an additional £2.4m in government funding", "the £3,702,823 Household Support
Fund government grant": the funder is the government, named by no department. The rules that read a funder by name
never take "Government" alone (it is too often no payer in a sentence), so these sums were left with nobody.

Only "of" or "in" (or the name of the grant in capitals) may stand between the sum and "government funding" or
"government grant"; a department or body named after it ("of government funding from DLUHC") is left to the rules
that read it, and a share of a national fund ("a share of £60 million Government funding available") or any sum paid to
nobody is left alone. Money from the government is an award to the deciding body; a total or match funding keeps its
role. The line keeps a warning, so a reviewer checks it first (and names the department if the record does elsewhere).
"""

import re

from .draft import MoneyItem
from .funded_from import RECEIVED
from .money import Context
from .national import is_national, paid_to_nobody

_GOVERNMENT = re.compile(r"[ \t]*(?:(?:of|in)[ \t]+(?:new[ \t]+|additional[ \t]+|extra[ \t]+|one-off[ \t]+)?"
                         r"|(?:[A-Z][\w'’-]*[ \t]+){1,5})(?P<g>[Gg]overnment)[ \t]+(?:funding|grants?|money)\b")
# After the words: a department or body named as the giver, which the other rules read.
_NAMED_AFTER = re.compile(r"[ \t]+(?:from|by|via|through)[ \t]+(?:the[ \t]+)?[A-Z]")
_SHARE = re.compile(r"\b(?:a\s+share|part|a\s+portion)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def government_funding(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the government, when the words right after it say it is government funding
    (the module docstring), as an award, with a warning."""
    for item in [m for m in money if m.spans and not m.row and not m.counterparty and not m.counterparty_is_self]:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        before, after = ctx.text[sentence[0]:item.spans[0][0]], ctx.text[item.spans[0][1]:sentence[1]]
        if paid_to_nobody(before, after) or is_national(before, after) or _SHARE.search(before):
            continue
        said = _GOVERNMENT.match(ctx.text, item.spans[0][1], sentence[1])
        if said is None or _NAMED_AFTER.match(ctx.text, said.end()):
            continue
        item.counterparty, item.counterparty_spans = "Government", [said.span("g")]
        item.role = "award" if item.role in RECEIVED else item.role
        item.warning = item.warning or ("this sum is said to be government funding, with no department named beside "
                                        "it: check which department or body pays it")
