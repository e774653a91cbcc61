"""The one body a record says is given funding, for the sums it states without a body: "The Police, Fire and Crime
Commissioner funded an 18-month pilot programme ... to provide funding to the Northamptonshire Business Crime
Partnership (NBCP) ... / 2. Provision of £41,500 in 2023/24 for two part time roles.", or "A North Staffordshire project
... has been awarded £13,466 from the Commissioner's Fund. Sporting Communities has been given funding to continue ...".

A record about funding one body names it where it says who is given the funding, often in a sentence with no sum,
and states the sums elsewhere: in a list of what the decision commits, or in a sentence naming a project, not its
body. Where the record names exactly one body so ("to provide funding to <body>", "<body> has been given funding",
"<body> has been granted funding"), never the record's own body, the grants, awards and other sums the other rules left
without a party are that body's, as grants. Never a total, a match or a sum the record's own body receives from a
funder it names; each line so read carries a warning, so a reviewer checks it first.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = (r"(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|for|and|&)){0,7})"
         r"(?:[ \t]+\((?P<a>(?-i:[A-Z]{2,8}))\))?")
_GIVEN = (
    # "to provide funding to the Northamptonshire Business Crime Partnership (NBCP)", "to give grant funding to ..."
    re.compile(r"\b(?:provide|provides|providing|give|gives|giving)[ \t]+(?:grant[ \t]+)?funding[ \t]+to[ \t]+"
               r"(?:the[ \t]+)?" + _NAME, re.IGNORECASE),
    # "Sporting Communities has been given funding to continue ...", "The Trust has been granted funding"
    re.compile(r"(?:^|(?<=[.\n])[ \t]*|(?<=\.[ \t]))(?:The[ \t]+)?" + _NAME +
               r"[ \t]+(?:has|have)[ \t]+been[ \t]+(?:given|granted)[ \t]+(?:grant[ \t]+)?funding\b", re.MULTILINE),
)


def _recipient(text: str) -> tuple[str, tuple[int, int]] | None:
    names, initials = {}, set()
    for pattern in _GIVEN:
        for match in pattern.finditer(text):
            name = re.sub(r"(?:[ \t]+(?:of|for|and|&))+$", "", match["n"])
            if is_self(name) or not (len(name.split()) >= 2 or name.isupper()):
                continue
            names.setdefault(name, (match.start("n"), match.start("n") + len(name)))
            initials.add(match["a"])
    names = {name: span for name, span in names.items() if name not in initials}  # its initials, named again
    return next(iter(names.items())) if len(names) == 1 else None


def given_funding(text: str, money: list[MoneyItem]) -> None:
    """Give the one body the record says is given funding its sums stated without a body (the module docstring), as
    grants, with a warning."""
    recipient = _recipient(text)
    if not recipient:
        return
    name, span = recipient
    for item in money:
        if (item.counterparty or item.counterparty_is_self or not item.spans
                or item.role not in ("grant", "award", "other")):
            continue
        item.role, item.counterparty, item.counterparty_spans = "grant", name, [span]
        item.warning = item.warning or (f"{name} taken as the body paid this sum: the one body the record says is given "
                                        "funding; the sum's own sentence names none")
