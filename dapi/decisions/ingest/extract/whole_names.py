"""A body's name cut at its first comma, widened to the whole name. Names are read up to punctuation, so "delivered by
Change, Grow, Live (CGL)" and "the contract with Change, Grow, Live Services Limited" named only "Change". Where the
words after the cut are single capitalised words between commas that end in a legal form, or in a bracketed
abbreviation made of their initials, they are one name (a list of bodies has "and" before its last, and nothing
bracketed spells its members' initials).

A name cut before "of", "for" or "in" is widened too: "Rotary Club" of "Rotary Club of Witney –", "Oxford Diocesan
Council" of "Oxford Diocesan Council for Social Work (aka ...)", "Barton Partners" of "Barton Partners in Play £2,500".
Only when the cut name ends in a word bodies end in (Club, Council, Trust, Partners ...), the words after are one to
four capitalised words, none of them a month ("Council in March") nor in capitals ("Northtown Council for CCTV", a
purpose), and the name ends there: at the end of the line, a dash, a bracket, a "£", a comma or a full stop.

A group numbered in its place keeps its number: "17th Reigate Scout Group", "1st Witney Brownies" (a name read from its
first capitalised word lost the ordinal before it). Not when the name opens with a month ("21st March ...", a date)."""

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


# An ordinal written just before the name, on its own line or after a break: "17th " of "17th Reigate Scout Group".
_ORDINAL = re.compile(r"(?:^|(?<=[\n(]))[ \t]*(?P<o>\d{1,3}(?:st|nd|rd|th))[ \t]+$")


def _numbered(text: str, start: int) -> int | None:
    """Where a name numbered in its place begins, when an ordinal stands before it (the module docstring)."""
    ordinal = _ORDINAL.search(text, max(0, start - 12), start)
    first = text[start:start + 12].split(maxsplit=1)[0].lower() if text[start:start + 12].split() else ""
    return ordinal.start("o") if ordinal and first not in MONTHS else None


def whole_names(text: str, money: list[MoneyItem]) -> None:
    """Widen each line's other party cut at a comma to the whole name written from the same place."""
    for item in money:
        if not item.counterparty or not item.counterparty_spans:
            continue
        start, end = item.counterparty_spans[0]
        span = _whole(text, start, end)
        numbered = _numbered(text, start) if text[start:end] == item.counterparty else None
        if numbered is not None:
            span = (numbered, max(end, span[1] if span and span[0] == start else end))
        if not span or (span[1] <= end and span[0] >= start) or text[start:end] != item.counterparty:
            continue
        name = text[span[0]:span[1]]
        if item.warning.startswith(item.counterparty + " "):
            item.warning = name + item.warning[len(item.counterparty):]
        item.counterparty, item.counterparty_spans[0] = name, span
