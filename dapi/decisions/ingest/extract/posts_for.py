"""A party written as a post at a body: "Link Worker for the Children's Society", "Youth Worker for the Trust".

A name made of a post ("Worker", "Officer", "Coordinator", "Adviser", "Advisor", "Navigator", "Manager", "Post") and
"for" a body is money for a post the body employs: the party is the body, and the post's words are taken off.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_POST_FOR = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Workers?|Officers?|Co-?ordinators?|Advis[eo]rs?|Navigators?|Managers?|Posts?)"
    r"[ \t]+for[ \t]+(?:the[ \t]+)?(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|for|&))*)")


def bodies_not_their_posts(text: str, money: list[MoneyItem]) -> None:
    """Take a post's words off a party written as a post for a body (the module docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self:
            continue
        found = _POST_FOR.fullmatch(item.counterparty)
        if not found or is_self(found["n"]):
            continue
        cut = found.start("n")
        item.counterparty = found["n"]
        item.counterparty_spans = [(start + cut, end) if end - start == len(found.string) else (start, end)
                                   for start, end in item.counterparty_spans]
