"""A sum spent on "this service" in a record that names the one body commissioned to provide it: "The PCC ... has
commissioned Victim Support to provide an Independent Domestic Violence Advisor (IDVA) service ... With nearly £100,000
a year invested in this new service, ...".

News of a commissioning names the provider ("has commissioned X to provide", "commissioned X to deliver") and then
speaks of the service's cost in another sentence ("invested in this service", "the cost of this new service"). The sum
is the provider's contract. Only where the record names exactly one body so commissioned, only for a sum the other
rules left without a party (never a row of a table) whose own sentence speaks of "this service" or "the new service";
each line so filled carries a warning, as the name is read from another sentence.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"[A-Z][\w'’&-]*"
_COMMISSIONED = re.compile(
    rf"\bcommissioned[ \t]+(?:the[ \t]+)?(?P<n>{_WORD}(?:[ \t]+(?:{_WORD}|of|and|for|&)){{0,5}}?)"
    r"[ \t]+to[ \t]+(?:provide|deliver|run|operate)\b")
_THIS_SERVICE = re.compile(r"\b(?:this|the)[ \t]+new[ \t]+service\b|\bthis[ \t]+service\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else max(0, start - 300):after.start() if after else len(text)]


def commissioned_service(text: str, money: list[MoneyItem]) -> None:
    """Give a sum spent on "this service" the one provider the record says was commissioned (the module
    docstring)."""
    found = [m for m in _COMMISSIONED.finditer(text) if not is_self(m["n"])]
    if len({m["n"] for m in found}) != 1:
        return
    provider = found[0]
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        if not _THIS_SERVICE.search(_sentence(text, *item.spans[0])):
            continue
        item.role, item.counterparty = "contract", provider["n"]
        item.counterparty_spans = [provider.span("n")]
        item.warning = item.warning or "provider read from the sentence saying who was commissioned; check"
