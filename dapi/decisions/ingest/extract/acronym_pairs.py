"""A body named by its initials alone in a pair of sums "for" two bodies: "funding of £170,000 for the BTP and £70,000
for the City of London Police".

The other rules read a name only when they know it, and a bare set of initials ("BTP") is none they know; but when the
sum beside it in the same run ("£X for the A and £Y for the B") goes to the body written after its own "for", the
initials after the first "for" name a body as surely. The sum is given the initials as written, with a warning, so a
reviewer can spell them out; a sum read with no role of its own takes its partner's, as the pair shares one verb.
Only two to six capitals (a plural "s" allowed) straight after "for" or "for the", only
when the other sum of the pair was drafted with the name written after its "for".
"""

import re

from .draft import MoneyItem
from .money import Context

_SUM = r"£[ \t]?[\d,.]+(?:[ \t]?(?:m|k|million|bn|billion)\b)?"
_PAIR = re.compile(r"(?P<s1>" + _SUM + r")[ \t]+for[ \t]+(?:the[ \t]+)?(?P<n1>[A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,6})"
                   r"(?:[ \t]*,)?[ \t]+and[ \t]+(?P<s2>" + _SUM + r")[ \t]+for[ \t]+(?:the[ \t]+)?"
                   r"(?P<n2>[A-Z][\w'’&.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’&.-]*){0,6})")
_INITIALS = re.compile(r"[A-Z]{2,6}s?")


def named_by_initials_in_pairs(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum in such a pair the initials written after its "for" (the module docstring)."""
    text = ctx.text
    for pair in _PAIR.finditer(text):
        for mine, other in (("1", "2"), ("2", "1")):
            if not _INITIALS.fullmatch(pair["n" + mine]):
                continue
            item = _at(money, pair.start("s" + mine))
            partner = _at(money, pair.start("s" + other))
            if (item is None or item.counterparty or item.counterparty_is_self or partner is None
                    or not partner.counterparty or not pair["n" + other].startswith(partner.counterparty)):
                continue
            item.counterparty, item.counterparty_spans = pair["n" + mine], [pair.span("n" + mine)]
            item.role = partner.role if item.role == "other" else item.role
            item.warning = item.warning or (f"{pair['n' + mine]} is given by its initials alone, in a pair of sums "
                                            "each for a body: check the body and spell it out")


def _at(money: list[MoneyItem], position: int) -> MoneyItem | None:
    return next((m for m in money if not m.row and any(s[0] == position for s in m.spans)), None)
