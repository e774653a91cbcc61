"""The bands of a procurement rule: "Below £1,000 Minimum of one quote", "£10,001 - £40,000 – 3 electronic
quotations", "Any single purchase greater than £5,000 would be subject to a competitive process".

A page on how a body buys sets out bands of value, each with the quotes or the tender it needs. A sum that bounds
such a band (after "below", "up to", "over", "greater than", "between" ..., before "and above" or "or more", or either
end of "£X to £Y") on a line that names what the band needs (quotes, a formal tender, a competitive process, standing
orders) is a threshold: no contract is let for it and no one is paid it, so the sum is `other` and a body drafted for
it is taken off. A line that names only a procurement ("a contract of up to £90,000 ... following a procurement") is
not such a band.
"""

import re

from .draft import MoneyItem

_BEFORE = re.compile(
    r"(?:\b(?:below|under|up[ \t]+to|over|above|exceeding|greater[ \t]+than|less[ \t]+than|more[ \t]+than|between"
    r"|in[ \t]+excess[ \t]+of)|£[\d,.]+(?:[ \t]*(?:k|m|million))?[ \t]*(?:to|-|–|and))[ \t]*$", re.IGNORECASE)
_AFTER = re.compile(
    r"[ \t]*(?:(?:to|-|–)[ \t]*£|and[ \t]+£|and[ \t]+(?:above|over|below|under)\b|or[ \t]+(?:more|less|above|over"
    r"|below|under)\b)", re.IGNORECASE)
_BUYING = re.compile(r"\b(?:quot(?:e|es|ation|ations)|(?:formal|competitive)[ \t]+(?:tender|process)\w*"
                     r"|tender[ \t]+process|standing[ \t]+orders)\b", re.IGNORECASE)


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def spending_bands(text: str, money: list[MoneyItem]) -> None:
    """Make a bound of a buying band `other`, with no party (the module docstring)."""
    for item in money:
        if not item.spans:
            continue
        start, end = item.spans[0]
        line_start, line_end = _line(text, start)
        if not _BUYING.search(text, line_start, line_end):
            continue
        if _BEFORE.search(text[line_start:start]) or _AFTER.match(text, end, line_end):
            item.role, item.counterparty, item.counterparty_spans = "other", None, []
