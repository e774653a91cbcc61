"""A body's name cut at its first comma, widened to the whole name. Names are read up to punctuation, so "delivered by
Change, Grow, Live (CGL)" and "the contract with Change, Grow, Live Services Limited" named only "Change". Where the
words after the cut are single capitalised words between commas that end in a legal form, or in a bracketed
abbreviation made of their initials, they are one name (a list of bodies has "and" before its last, and nothing
bracketed spells its members' initials).

A name cut before "of", "for" or "in" is widened too: "Rotary Club" of "Rotary Club of Witney –", "Oxford Diocesan
Council" of "Oxford Diocesan Council for Social Work (aka ...)", "Barton Partners" of "Barton Partners in Play £2,500".
Only when the cut name ends in a word bodies end in (Club, Council, Trust, Partners ...), the words after are one to
four capitalised words, none of them a month ("Council in March") nor in capitals ("Northtown Council for CCTV", a
purpose), and the name ends there: at the end of the line, a dash, a bracket, a "£", a comma or a full stop."""

import re

from .commas import name_across_commas
from .dates import MONTHS
from .draft import MoneyItem

# "Change, Grow, Live (CGL)": two or three more single words between commas, then the initials in brackets.
_INITIALLED = re.compile(r"(?P<n>[A-Z][a-z'’-]+(?:,[ \t]+[A-Z][a-z'’-]+){2,3})[ \t]*\((?P<a>[A-Z]{3,4})\)")

_BODY_END = re.compile(r"\b(?:Council|Club|Society|Association|Trust|Foundation|Centre|Group|Partners|Partnership|"
                       r"Network|Alliance|Forum|Institute|Federation|Union|Friends)$")
_OF_NAME = re.compile(r"[ \t]+(?:of|for|in)[ \t]+(?:the[ \t]+)?(?P<w>[A-Z][a-z'’&-][\w'’&-]*(?:[ \t]+[A-Z][a-z'’&-]"
                      r"[\w'’&-]*){0,3})"
                      r"(?=[ \t]*(?:\n|$|[–—(£,.;:]|-[ \t]))")


def _whole(text: str, start: int, end: int) -> tuple[int, int] | None:
    if _BODY_END.search(text, start, end):
        after = _OF_NAME.match(text, end)
        if after and not any(w.lower() in MONTHS for w in after["w"].split()):
            return start, after.end()
    span = name_across_commas(text, start)
    if span:
        return span
    match = _INITIALLED.match(text, start)
    if match and "".join(w.strip()[0] for w in match["n"].split(",")) == match["a"]:
        return match.span("n")
    return None


def whole_names(text: str, money: list[MoneyItem]) -> None:
    """Widen each line's other party cut at a comma to the whole name written from the same place."""
    for item in money:
        if not item.counterparty or not item.counterparty_spans:
            continue
        start, end = item.counterparty_spans[0]
        span = _whole(text, start, end)
        if not span or span[1] <= end or text[start:end] != item.counterparty:
            continue
        name = text[span[0]:span[1]]
        if item.warning.startswith(item.counterparty + " "):
            item.warning = name + item.warning[len(item.counterparty):]
        item.counterparty, item.counterparty_spans[0] = name, span
