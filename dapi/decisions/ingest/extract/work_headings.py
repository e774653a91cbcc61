"""A heading of the work or of the payment drafted as the party.

"Brian Brazington Ltd (Verge Works) (£1,600.00 +VAT) £1,920.00": a finance item names the firm, then in brackets the
work it quoted for. A party read from a bracket that follows a firm's name (one ending in "Ltd", "Limited", "Co",
"plc", "LLP" or "& Sons") is the work's heading, and the firm is the party; the line keeps a warning, so a reviewer
checks it first. A firm paid for its work is paid under a contract, not a grant.

"Insurance £ 434.16", "Interest £ 40.67": a list of payments and receipts heads some rows with what the money is for,
not who is paid. A party that is no more than such a heading (insurance, interest, salary, wages, rent, postage, bank
charges and the like) names nobody and is taken off.
"""

import re

from .draft import MoneyItem

_FIRM_BEFORE = re.compile(r"[ \t]*(?P<firm>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|&|and|of)){0,5}[ \t]+"
                          r"(?:Ltd\.?|Limited|Co\.?|plc|PLC|LLP|&[ \t]+Sons?))[ \t]*\(")
_HEADING_ONLY = re.compile(r"(?:bank\s+)?(?:insurance|interest|salary|salaries|wages|rent|postage|stationery|"
                           r"bank\s+charges|subscriptions?|expenses|mileage|refund)", re.IGNORECASE)


def firms_not_their_work(text: str, money: list[MoneyItem]) -> None:
    """Give the firm, not the bracketed heading of its work, a sum read as the heading's, and take off a party that
    is only a heading of the payment (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self:
            continue
        if _HEADING_ONLY.fullmatch(item.counterparty.strip()):
            item.counterparty, item.counterparty_spans = None, []
            continue
        if not item.counterparty_spans:
            continue
        start = item.counterparty_spans[0][0]
        # the firm opens the line, and the party is the whole bracket after it
        firm = _FIRM_BEFORE.fullmatch(text, text.rfind("\n", 0, start) + 1, start)
        if firm is None or not text.startswith(")", start + len(item.counterparty)):
            continue
        heading = item.counterparty
        item.counterparty, item.counterparty_spans = firm["firm"], [firm.span("firm")]
        if item.role in ("grant", "other"):
            item.role = "contract"  # a firm's price for its work
        item.warning = item.warning or (f"read as {firm['firm']}'s, the firm named before \"({heading})\", the heading "
                                        "of its work: check it")
