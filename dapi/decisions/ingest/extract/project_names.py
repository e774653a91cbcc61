"""A piece of work named before its grantee in one cell: "Community Hub Project – Oakdale Allotments" or "Drainage and
accessibility - Oakdale Allotments".

A grants table may name each row by its project, a dash, then the body that runs it. The sum goes to the body, not the
project: where the part before the dash ends in "Project", or is written as a description of work (a capitalised first
word and none after it, "Drainage and accessibility"), and the part after the dash starts with a capitalised name of
two or more words, the party is the part after the dash. A place after a body's name ("Oakdale Growing Space -
Llwynhendy, Llanelli") is left alone, as the part before the dash is a name there.
"""

import re

from .draft import MoneyItem

_SPLIT = re.compile(r"^(?P<work>.+?)[ \t]+[–—-][ \t]+(?P<body>[A-Z0-9][\w'’&.-]*(?:[ \t]+[\w'’&().-]+)+)$")
_PROJECT = re.compile(r"\bProject$")
# A description of work: a capitalised first word, then only lower-case words ("Drainage and accessibility").
_DESCRIPTION = re.compile(r"^[A-Z][a-z]+(?:[ \t]+[a-z][a-z'’-]*)+$")
_CAPITALISED = re.compile(r"\b[A-Z0-9]")


def take_body_after_project(text: str, money: list[MoneyItem]) -> None:
    """Take the body after a project's name as the party (the module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self and m.counterparty_spans]:
        start, end = item.counterparty_spans[0]
        match = _SPLIT.match(item.counterparty)
        if text[start:end] != item.counterparty or not match:
            continue
        work, body = match["work"], match["body"]
        if not (_PROJECT.search(work) or _DESCRIPTION.match(work)) or len(_CAPITALISED.findall(body)) < 2:
            continue
        item.counterparty = body
        item.counterparty_spans = [(start + match.start("body"), end)] + item.counterparty_spans[1:]
