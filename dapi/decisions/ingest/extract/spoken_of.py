"""A sum whose payee the sentence names in passing: "The Sutcliffe quote for swings only £13,009.12", "Members gave
consideration to the application from South Kintyre Development Trust ... agreed to award the group £6,000.00".

A quote, quotation, tender or estimate named after a firm ("the Sutcliffe quote") is that firm's price: every sum the
sentence gives for it is the firm's. A paragraph that considers "the application from" one named body and then awards
"the group" (or the applicant, organisation, club or charity) a sum awards it to that body. Only a sum left without a
counterparty is given the name, never the deciding body's own word ("the Council"), and the line keeps a warning, so a
reviewer checks it first.

So too a donation "towards this year's River Festival": a sentence that speaks of donating and gives one name after
"towards" gives that name to each of its sums left without one ("donating £1500 towards this year's River Festival, as
... our historic donation of £60 per annum").
"""

import re

from .draft import MoneyItem
from .money import Context

_NAME = r"[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|for)){0,6}"
# "The Sutcliffe quote", "the Acme Play Ltd quotation": a firm's price by the firm's name.
_QUOTE = re.compile(r"\b[Tt]he[ \t]+(?P<name>[A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,3})[ \t]+"
                    r"(?:quote|quotation|tender|estimate)s?\b")
# "the application from South Kintyre Development Trust", then "award the group £6,000".
_APPLICATION = re.compile(r"\bapplication\s+(?:from|by)\s+(?:the\s+)?(?P<name>" + _NAME + r")")
_AWARD_THE_GROUP = re.compile(r"\baward(?:s|ed)?\s+(?:to\s+)?the\s+(?:group|applicant|organisation|club|charity)\s+$",
                              re.IGNORECASE)
# "towards this year's River Festival", "towards the Oakdale Gala".
_TOWARDS = re.compile(r"\btowards\s+(?:the\s+|this\s+year['’]s\s+|next\s+year['’]s\s+)?(?P<name>" + _NAME + r")")
# The deciding body by its own word, and words that open a sentence with a capital but name no firm.
_NO_FIRM = re.compile(r"(?:Council|Authority|Parish|Committee|Board|Revised|Original|Lowest|Cheapest|First|Second|"
                      r"Latest|New|Current|Previous|Same|Above|Following)(?:\s|$)")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, at - 300, 0)


def _paragraph(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _quoted_by(text: str, at: int) -> re.Match | None:
    quotes = list(_QUOTE.finditer(text, _sentence_start(text, at), at))
    if len({q["name"] for q in quotes}) != 1 or _NO_FIRM.match(quotes[0]["name"]):
        return None
    return quotes[0]


def _applied(text: str, at: int) -> tuple[str, tuple[int, int]] | None:
    if not _AWARD_THE_GROUP.search(text[max(0, at - 60):at]):
        return None
    start, end = _paragraph(text, at)
    applications = list(_APPLICATION.finditer(text, start, end))
    # a name ends at a full stop ("... Development Trust. The Trustees noted"), and not on "of", "and" or "for"
    names = {re.sub(r"\s+(?:of|and|&|for)$", "", re.split(r"\.\s", a["name"])[0]) for a in applications}
    if len(names) != 1:
        return None
    name = names.pop()
    if _NO_FIRM.match(name) or re.fullmatch(r"(?:the\s+)?(?:Council|Authority)", name):
        return None
    return name, (applications[0].start("name"), applications[0].start("name") + len(name))


def _donated_towards(text: str, at: int) -> re.Match | None:
    start = _sentence_start(text, at)
    end = min([e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0] or [len(text)])
    if not re.search(r"\bdonat(?:e|es|ed|ing|ion)\b", text[start:end], re.IGNORECASE):
        return None
    towards = list(_TOWARDS.finditer(text, start, end))
    if len({t["name"] for t in towards}) != 1 or _NO_FIRM.match(towards[0]["name"]):
        return None
    return towards[0]


def named_in_passing(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the firm its sentence's quote is named after, or the one body whose
    application its paragraph considers when it awards "the group" (the module docstring), with a warning."""
    text = ctx.text
    for item in [m for m in money if m.spans and not m.counterparty and not m.counterparty_is_self]:
        at = item.spans[0][0]
        quote = _quoted_by(text, at)
        if quote:
            item.counterparty, item.counterparty_spans = quote["name"], [quote.span("name")]
            item.warning = item.warning or (f"read as {quote['name']}'s, the firm the sentence's quote is named after: "
                                            "check it")
            continue
        # a sum merged from several mentions: any of them may award "the group"
        applied = next((a for a in (_applied(text, span[0]) for span in item.spans) if a), None)
        if applied:
            item.counterparty, item.counterparty_spans = applied[0], [applied[1]]
            item.warning = item.warning or (f"read as awarded to {applied[0]}, whose application the paragraph "
                                            "considers: check it")
            continue
        named = _donated_towards(text, at)
        if named:
            item.counterparty, item.counterparty_spans = named["name"], [named.span("name")]
            item.warning = item.warning or (f"read as {named['name']}'s, named after \"towards\" in its "
                                            "donating sentence: check it")
