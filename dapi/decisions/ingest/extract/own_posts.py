"""The deciding body's own posts and organs beside a sum: "Service Head £25,000", "Cabinet £100,000", "Youth Services
fund".

A scheme of virement or delegation levels lists who inside the body may approve how much ("Service Head £25,000 /
Chief Officers and Section 151 Officer £50,000 / Cabinet £100,000"): a threshold or delegation limit is no payment, and
the post or organ beside it is the deciding body's own, not the other party of a sum. Nor is a fund named after what it
pays for ("the Youth Services fund", "Youth Services Grant 2022-23") a body that receives it. Such a sum keeps its amount,
loses the name and is read as "other".
"""

import re

from .draft import MoneyItem

# One post or organ of a council or authority, and several joined by "and" or commas.
_ONE_POST = (r"(?:(?:Full|the)\s+)?(?:Council|Cabinet|Executive|Service\s+Heads?|Heads?\s+of\s+Service|"
             r"(?:Chief|Statutory|Proper|Monitoring)\s+Officers?|Section\s+151\s+Officers?|S151\s+Officers?|"
             r"Chief\s+Executive|(?:Corporate|Strategic|Executive)\s+Directors?|Directors?|Portfolio\s+Holders?|"
             r"Cabinet\s+Members?)")
_POSTS = re.compile(_ONE_POST + r"(?:\s*(?:,|and|&)\s*" + _ONE_POST + r")*")
_FUND = r"\s+(?:fund|grant|budget|scheme|pot)\b"


def _named_as_fund(text: str, name: str) -> bool:
    """A name of what is paid for ("Youth Services", "Local Welfare Provision"), every mention of which is the name of a
    fund: "the Youth Services fund", "Youth Services Grant 2022-23"."""
    if not re.search(r"\b(?:Services?|Provision)$", name) or re.match(r"(?:Department|Ministry|Office)\b", name):
        return False
    mentions = [m.end() for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    return bool(mentions) and all(re.match(_FUND, text[end:end + 12], re.IGNORECASE) for end in mentions)


def drop_own_posts(text: str, money: list[MoneyItem]) -> None:
    """A sum given one of the deciding body's posts or organs, or a fund's name, as its party loses the name (the
    module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self]:
        if _POSTS.fullmatch(item.counterparty) or _named_as_fund(text, item.counterparty):
            item.warning = "" if item.warning.startswith(item.counterparty + " ") else item.warning
            if item.role in ("grant", "contract", "allocation", "award"):
                item.role = "other"
            item.counterparty, item.counterparty_spans = None, []
