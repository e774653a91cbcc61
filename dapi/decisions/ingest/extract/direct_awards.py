"""A contract's sum on the line that makes a direct award to a named provider: "(a) a direct award is made to Acme
Health to deliver NHS Health Checks for a period of up to two years ... with a maximum contract value of £461,700;",
"(c) direct award is made to CareSoft system to support this delivery ... with a maximum contract value of £24,000
(£6,000 per annum)".

A record that awards a contract without competition names the provider after "direct award (is) made to" and puts the
service, its term and its start before the sum, too far from the name for the nearer readings. On the same line, with
no other sum before it, the sum right after "value of" is the provider's contract; a sum that restates it in brackets
right after it ("(£6,000 per annum)") is the same provider's. The provider is the run of capitalised words after "to"
(a word after them, "system", "Ltd"'s lower-case neighbours, is not part of it); a one-word name counts only with a
capital inside it ("ToHealth") or in capitals. Only for a sum the other rules left without a party, never a row of a
table and never the record's own body.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_WORD = r"(?-i:[A-Z])[\w'’&-]*"
_DIRECT_AWARD = re.compile(
    r"\bdirect(?:ly)?[ \t]+award(?:ed)?[ \t]+(?:(?:is|be|was|will[ \t]+be|has[ \t]+been|being)[ \t]+)?(?:made[ \t]+)?"
    rf"to[ \t]+(?:the[ \t]+)?(?P<n>{_WORD}(?:[ \t]+(?:(?:of|and|&)[ \t]+)?{_WORD})*)", re.IGNORECASE)
_VALUE_OF = re.compile(r"\bvalue[ \t]+of[ \t]+(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)
_BRACKETED_AFTER = re.compile(r"[ \t]*\([ \t]*$")


def _provider(line: str) -> re.Match | None:
    """The one provider the line directly awards a contract to, or None."""
    found = list(_DIRECT_AWARD.finditer(line))
    if len({m["n"] for m in found}) != 1:
        return None
    name = found[0]["n"]
    one = " " not in name and "\t" not in name and not (name.isupper() or re.search(r"[a-z][A-Z]", name))
    return None if one or is_self(name) else found[0]


def named_by_direct_award(text: str, money: list[MoneyItem]) -> None:
    """Give a contract's sum left without a party the provider its line makes a direct award to (the module
    docstring)."""
    named: MoneyItem | None = None
    for item in money:
        if item.counterparty or item.counterparty_is_self or item.row or not item.spans:
            named = None
            continue
        start = item.spans[0][0]
        if named is not None and _BRACKETED_AFTER.fullmatch(text, named.spans[0][1], start):
            # "£24,000 (£6,000 per annum)": the bracketed sum restates the contract just named.
            item.role, item.counterparty = named.role, named.counterparty
            item.counterparty_spans = list(named.counterparty_spans)
            named = None
            continue
        named = None
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if "£" in before or not _VALUE_OF.search(before):
            continue  # another sum first, or a sum not said to be the contract's value
        match = _provider(before)
        if match is None:
            continue
        a, b = match.span("n")
        item.role, item.counterparty = "contract", match["n"]
        item.counterparty_spans = [(line_start + a, line_start + b)]
        named = item
