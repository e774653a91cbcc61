"""The one provider a record's contract names lends itself to the record's sums left without a body.

A provider is read from "provided by X", "the contract with X", "award the contract to X", "X's contract", or "(buy a
service) from X under this contract", where one word may be the whole name ("from Barnardos under this contract").

"to vary and extend the current contract ..., provided on the Council’s behalf by Solace Women’s Aid", "the variation
to Jerram Falkus Construction’s contract resulting in a revised contract sum of £3,554,999.58": a record about one
contract names its provider once, and its sums (the extension's cost, the revised contract sum) are that provider's
though their own sentences name no one. Only when the record names exactly one such provider and speaks of no other
contract (no "contracts", no lots, no framework); only for contract sums and sums of no role, never a row of a table
nor a threshold ("a contract value under £50,000"), and only in a sentence about the contract's money or right
after the provider's name in brackets ("the balance due to X (£288,379.13)"). Such a sum is the contract's, unless its
sentence speaks of funding or a grant. Each line so filled carries a warning so review checks it first.
"""

import re

from .draft import MoneyItem
from .money import Context
from .organisations import is_self

_WORD = r"[A-Z][\w’'&-]*"
_NAME = r"(?P<{}>" + _WORD + r"(?:[ \t]+(?:" + _WORD + r"|of|and|for|&)){{0,5}})"
# "Services, provided on the Council’s behalf by X", "the contract with X", "award the contract to X", "X’s contract".
_PROVIDER = re.compile(
    r"(?:,[ \t]*|\b[Ss]ervices?[ \t]+)provided\s+(?:on\s+(?:the\s+)?[A-Z]\w*[’']s\s+behalf\s+)?by\s+(?:the\s+)?"
    + _NAME.format("n")
    + r"|\b(?:the|a|its|this|current|existing)\s+(?:[a-z-]+\s+)?(?:contract|agreement)\s+with\s+(?:the\s+)?" + _NAME.format("w")
    + r"|\b(?i:award(?:ed|s)?|let)\s+(?:the|a|this)\s+contract\s+to\s+(?:the\s+)?" + _NAME.format("a")
    + r"|\b" + _NAME.format("p") + r"[’']s\s+contract\b"
    # "purchase two levels of service from Barnardos under this contract": one word may name the provider here
    + r"|\bfrom\s+(?:the\s+)?" + _NAME.format("f") + r"\s+under\s+(?:this|the|that|its|our)\s+(?:[a-z-]+\s+)?contract\b")
_TRAILING = re.compile(r"(?:[ \t]+(?:of|and|for|&))+$")
# A person's office is not a provider: "the Chief Constable’s contract".
_OFFICE = re.compile(r"\b(?:Chief|Constable|Commissioner|Director|Officer|Manager|Head|Executive|Mayor)\b")
# The record lets more than one contract.
_OTHER_CONTRACTS = re.compile(r"\b(?:contracts|lots?\s+\d|framework)\b", re.IGNORECASE)
_ABOUT_CONTRACT = re.compile(r"\b(?:contract|extension|extend|variation|vary|agreement|cost)", re.IGNORECASE)
_ROLES = ("contract", "other")
# A funding agreement's sum is a grant's, not a contract's: its role is left to review.
_FUNDING = re.compile(r"\b(?:fund(?:ing|ed|s)?|grants?)\b", re.IGNORECASE)
_THRESHOLD = re.compile(r"\b(?:under|over|below|above|exceeds?|exceeding|less\s+than|more\s+than)\s+$", re.IGNORECASE)


def _providers(text: str) -> set[str]:
    names = set()
    for m in _PROVIDER.finditer(text):
        name = _TRAILING.sub("", m["n"] or m["w"] or m["a"] or m["p"] or m["f"])
        if (name[0].isupper() and (len(name.split()) >= 2 or m["f"]) and not is_self(name)
                and not _OFFICE.search(name)):
            names.add(name)
    return names


def sole_provider(ctx: Context, money: list[MoneyItem]) -> None:
    """Give the record's one named provider (the module docstring) to its contract sums that name no body."""
    text = ctx.text
    names = _providers(text)
    if len(names) != 1 or _OTHER_CONTRACTS.search(text):
        return
    name = names.pop()
    for item in money:
        if (item.counterparty is not None or item.row or item.counterparty_is_self or item.role not in _ROLES
                or not item.spans or _THRESHOLD.search(text, max(0, item.spans[0][0] - 30), item.spans[0][0])):
            continue
        start, end = ctx.layout.sentence_at(item.spans[0][0])
        if _ABOUT_CONTRACT.search(text, start, end) or text.endswith(name, 0, item.spans[0][0] - 2):
            item.counterparty = name
            if not _FUNDING.search(text, start, end):
                item.role = "contract"
            item.warning = item.warning or (f"{name} taken as the body of this sum: the only provider the record's "
                                            "contract names, its own sentence names none")
