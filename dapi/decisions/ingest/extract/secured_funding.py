"""A list of funding the record's body secured, after a sentence naming who offered it: "During 2022/2023 several
additional funding streams were offered by the Government ... Overall, I and my team were successful in securing
additional funding of: / a) £1.7m for victim services; / b) £1.4m for Safer Streets; ...".

An annual report or a finance page tells what its body won from a funder's offers: one sentence names the body that
offered, made available or provided the funding ("were offered by the Government", "was made available by the Home
Office"), and a list led by "securing (additional) funding of:" gives the sums, each with what it is for and no body.
The sums of that list are the funder's awards. Only when the record names exactly one such funder, and only for the
sums on the lines of the list (lettered, numbered or bulleted) that the other rules left without a party; each line so
read carries a warning, so a reviewer checks it first.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

# "funding streams were offered by the Government", "grant funding has been made available by the Home Office".
_OFFERED_BY = re.compile(
    r"\b(?:funding(?:[ \t]+streams?)?|grants?|grant[ \t]+funding)[ \t]+(?:were|was|have[ \t]+been|has[ \t]+been)[ \t]+"
    r"(?:offered|made[ \t]+available|provided)[ \t]+by[ \t]+(?:the[ \t]+)?"
    r"(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|for|and|&)){0,6})", re.IGNORECASE)
# "Overall, I and my team were successful in securing additional funding of:", "we secured funding of:".
_LEAD = re.compile(r"^[^\n]*\bsecur(?:ing|ed|e)\b[^\n]{0,60}\bfunding\b[^\n]{0,30}:[ \t]*\n", re.IGNORECASE | re.MULTILINE)
_LIST_LINE = re.compile(r"[ \t]*(?:[a-z][).]|\d{1,2}[).]|[-•*–])[ \t]+[^\n]*(?:\n|$)")


def _funder(text: str) -> tuple[str, tuple[int, int]] | None:
    found = {}
    for match in _OFFERED_BY.finditer(text):
        name = re.sub(r"(?:[ \t]+(?:of|for|and|&))+$", "", match["n"])
        if not is_self(name):
            found.setdefault(name, (match.start("n"), match.start("n") + len(name)))
    return next(iter(found.items())) if len(found) == 1 else None


def _listed(text: str) -> list[tuple[int, int]]:
    """Where the lines of each list led by "securing funding of:" stand."""
    spans = []
    for lead in _LEAD.finditer(text):
        at = lead.end()
        while (line := _LIST_LINE.match(text, at)) and line.end() > at:
            spans.append(line.span())
            at = line.end()
    return spans


def secured_funding(text: str, money: list[MoneyItem]) -> None:
    """Give the one body that offered funding the sums of the list of funding secured (the module docstring), as its
    awards, with a warning."""
    funder = _funder(text)
    lines = _listed(text) if funder else []
    if not lines:
        return
    name, span = funder
    for item in money:
        if item.counterparty or item.counterparty_is_self or not item.spans or item.role == "total":
            continue
        if not any(a <= item.spans[0][0] < b for a, b in lines):
            continue
        item.role, item.counterparty, item.counterparty_spans = "award", name, [span]
        item.warning = item.warning or (f"{name} taken as the funder of this sum: the one body the record says offered "
                                        "the funding it lists as secured; the sum's own line names none")
