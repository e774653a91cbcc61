"""Two sums joined by "and" before one "from": "capital funds to the value of £480,000 and revenue funds to the value
of £167,789 from the Department for Levelling Up, Housing and Communities Single Homelessness Accommodation
Programme".

The "from" closes the whole phrase, so the first sum comes from the same body as the second. Only where the words
between the two sums are "and" and a few words of the second sum's own ending in "of" ("and revenue funds to the
value of"), with no "from", full stop, semicolon or other sum, and the first has no party of its own; it takes the
second's party and role.

A party named as a body of two words or more (a "Department" or "Ministry", or a name ending in "Office",
"Authority", "Council", "Agency", "Government", "Executive", "Board", "Trust" or "Commission") followed by one of its
programmes, schemes or initiatives ("the Department for Levelling Up, Housing and Communities Single Homelessness
Accommodation Programme") is that body, where the record names the body without the programme too; a line that then
says again what another line of the same sum, role and body says is dropped.
"""

import re

from .draft import MoneyItem

# " and revenue funds to the value of ": the second sum's own words, parallel to the first's, never a bare "and".
_BETWEEN = re.compile(r"\s+(?:and|&)\s+(?:(?!from\b)[^.;£\n\s]+\s+){1,8}(?:of|totalling|worth|at)\s+")
_FROM = re.compile(r"\s+(?:received\s+|provided\s+)?from\s+(?:the\s+)?")
# Never a "Fund": many a fund is a body of its own ("the National Lottery Community Fund").
_BODY = re.compile(r"^(?:Department|Ministry)\b|\b(?:Office|Authority|Council|Agency|Government|Executive|Board|Trust"
                   r"|Commission)$")
_PROGRAMME = re.compile(r"(?:\s+[A-Z][\w'’-]*)+\s+(?:Programme|Scheme|Initiative)$")


def _owner(text: str, name: str) -> str | None:
    """The body a "<body> <programme>" name begins with, where the record names the body without the programme too."""
    words = name.split(" ")
    for cut in range(len(words) - 2, 1, -1):
        body = " ".join(words[:cut])
        if (_BODY.search(body) and _PROGRAMME.fullmatch(name[len(body):])
                and text.count(body) > text.count(name)):
            return body
    return None


def _programme_owners(text: str, money: list[MoneyItem]) -> None:
    for item in list(money):
        owner = _owner(text, item.counterparty) if item.counterparty else None
        if not owner or item.row:
            continue
        twin = next((m for m in money if m is not item and not m.row and (m.amount, m.role, m.counterparty) == (
            item.amount, item.role, owner)), None)
        if twin is not None:
            # The same sum said again with the programme's name after its body's: one line, not two.
            twin.spans += item.spans
            money.remove(item)
        else:
            item.counterparty = owner
            item.counterparty_spans = [(s, s + len(owner)) for s, _ in item.counterparty_spans[:1]]


def named_for_paired_sums(text: str, money: list[MoneyItem]) -> None:
    """Give a sum joined to the next by "and" the body the next comes "from" (the module docstring)."""
    _programme_owners(text, money)
    spanned = sorted(((span, m) for m in money if not m.row for span in m.spans), key=lambda pair: pair[0][0])
    for (span, first), (next_span, second) in zip(spanned, spanned[1:]):
        if first.counterparty or first.counterparty_is_self or not second.counterparty:
            continue
        named = _FROM.match(text, next_span[1])
        if (named and text.startswith(second.counterparty, named.end())
                and _BETWEEN.fullmatch(text, span[1], next_span[0])):
            at = named.end()
            first.counterparty, first.counterparty_spans = second.counterparty, [(at, at + len(second.counterparty))]
            first.role = second.role
    _programme_owners(text, money)
