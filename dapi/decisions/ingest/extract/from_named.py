"""A sum whose payer or payee is named after "from" in the words round it: "the total contribution from the Policing
Board was £383,000", "The payment of the invoice for £58.75, from Mazars for audit fees was noted".

A contribution (funding, a grant) "from" a body that "was" or "is" a sum is that body's contribution to the deciding
body; an invoice "for" a sum "from" a firm is the firm's bill, paid to it for its work. Only a sum the other rules
left without a party is given one.
"""

import re

from .draft import MoneyItem
from .money import Context

# "contribution from the Policing Board was £383,000": the name ends right before the verb.
_GIVEN_BEFORE = re.compile(r"\b(?P<kind>contribution|funding|grant)\s+from\s+(?:the\s+)?(?P<n>[A-Z][^.;:\n£]{1,80}?)"
                           r"\s+(?:was|is|will\s+be|totalled|amounted\s+to|of)\s+(?:approximately\s+|about\s+)?$")
_INVOICE = re.compile(r"\b(?:invoices?|bills?)\s+(?:for|of)\s+$", re.IGNORECASE)
# After the sum of an invoice: ", from Mazars for audit fees".
_FROM_FIRM = re.compile(r",?[ \t]+from[ \t]+(?:the[ \t]+)?(?P<n>[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|&|and|of)){0,4}?)"
                        r"(?=[ \t]+[a-z]|[.,;:)\n]|$)")


def _mention(ctx: Context, start: int, end: int):
    return next((o for o in ctx.organisations if o.start == start and o.end == end), None)


def named_after_from(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body named after "from" as its contributor, or the firm whose invoice it is (the
    module docstring)."""
    text = ctx.text
    for item in [m for m in money if not m.counterparty and m.spans]:
        start, end = item.spans[0]
        given = _GIVEN_BEFORE.search(text, max(0, start - 140), start)
        if given and _mention(ctx, *given.span("n")):
            item.counterparty, item.counterparty_spans = given["n"], [given.span("n")]
            if given["kind"] == "contribution" and item.role in ("total", "other", "grant", "award", "allocation"):
                item.role = "contribution"
            continue
        firm = _FROM_FIRM.match(text, end) if _INVOICE.search(text, max(0, start - 30), start) else None
        if firm and firm["n"] not in ("Council", "Parish", "Town"):
            item.counterparty, item.counterparty_spans = firm["n"], [firm.span("n")]
            item.role = "contract" if item.role in ("other", "grant") else item.role
