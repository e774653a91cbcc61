"""A grant the deciding body accepts is money it receives: an award, not a grant it pays out.

"(vii) Accepted £582,522 capital grant funds for ...", "Accepted from WMCA £1,860,000 revenue grant funds", "the
2024/25 Inpatient Detoxification grant of £111,364 be accepted": the verb that accepts stands right before the sum (only
the funder "from" whom between), or "be accepted" right after the grant's sum. A grant said to go "to" a named body in
its clause is paid out, whatever accepts it, and keeps its role.
"""

import re

from .draft import MoneyItem
from .money import Context

_ACCEPTED_BEFORE = re.compile(r"\baccept(?:s|ed)?\s+(?:the\s+)?(?:from\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)"
                              r"{0,5}\s+)?$", re.IGNORECASE)
_GRANT_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){0,2}grant\b")
_GRANT_BEFORE = re.compile(r"\bgrant\s+(?:of\s+)?$")
_BE_ACCEPTED = re.compile(r"[ \t]+(?:[\w/-]+[ \t]+){0,3}?(?:be|is|are|was|were|been)[ \t]+accepted\b")
_TO_BODY = re.compile(r"[^£;]{0,60}?\bto\s+(?:the\s+)?[A-Z]")


def accepted_grants(ctx: Context, money: list[MoneyItem]) -> None:
    """Make a grant the deciding body accepts (the module docstring) an award."""
    text = ctx.text
    for item in [m for m in money if m.spans and not m.row and m.role == "grant"]:
        start, end = item.spans[0]
        sentence = ctx.layout.sentence_at(start)
        accepted = (_ACCEPTED_BEFORE.search(text, max(0, start - 80), start)
                    and _GRANT_AFTER.match(text, end, sentence[1])
                    or _GRANT_BEFORE.search(text, max(sentence[0], start - 12), start)
                    and _BE_ACCEPTED.match(text, end, sentence[1]))
        if accepted and not _TO_BODY.match(text, end, sentence[1]):
            item.role = "award"
