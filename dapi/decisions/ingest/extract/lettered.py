"""A sum in a lettered list of requests left without a counterparty, its item opening with the body asking.

"TO CONSIDER GRANT APPLICATIONS FROM THE FOLLOWING ORGANISATIONS." above "b) Red Cross (International Aid
Organisation). Request for £1,000." and "e) Twinning Association. Annual grant normally £500. Increase to £800
requested.": a list of grant applications or donation requests names the body asking at the head of each item, before
a full stop, a bracket or a dash. The bulleted-list rule (list_leads.py) reads the head only when another item of the
list already has its body read; a parish's list of small requests often has none.

The head is taken only when the item is one of at least three lettered items in a row (whatever the others open
with) (blank lines allowed between),
when the line above the list speaks of grants, donations, applications or requests, when every word of the head is
capitalised and the head is never the deciding body, a programme or a fund. A sum read this way keeps a warning, so a
reviewer checks it first.
"""

import re
from dataclasses import replace

from .beside import OWNED, can_be_party
from .draft import MoneyItem
from .list_leads import neighbouring_items
from .money import Context

_ITEM = re.compile(r"[ \t]*\(?(?P<letter>[a-z])\)[ \t]+(?P<name>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&|for|"
                   r"the)){0,6})[ \t]*(?:\.|\(|[–—-][ \t])")
_MARKER = re.compile(r"[ \t]*\(?[a-z]\)[ \t]+\S")
_ASKED = re.compile(r"\b(?:grants?|donations?|applications?|requests?)\b", re.IGNORECASE)
_NO_BODY = re.compile(r"(?:The[ \t]+)?(?:Council|Parish|Town|Committee|Authority|Board|Clerk|Chairman|Mayor)\b")


def _item(ctx: Context, line: tuple[int, int]) -> re.Match | None:
    found = _ITEM.match(ctx.text, line[0], line[1])
    if found is None or re.search(r"[ \t](?:of|and|&|for|the)$", found["name"]):
        return None
    return found


def _list_around(ctx: Context, index: int) -> tuple[int, int]:
    """The first line of the lettered list around line `index` and how many items it has (blank lines allowed)."""
    others = neighbouring_items(ctx, index, lambda line: _MARKER.match(ctx.text, *line) is not None)
    return min([index, *others]), 1 + len(others)


def _heading(ctx: Context, first: int) -> str:
    lines, text = ctx.layout.lines, ctx.text
    for i in range(first - 1, -1, -1):
        line = text[slice(*lines[i])].strip()
        if line:
            return line
    return ""


def _head_of(ctx: Context, at: int) -> re.Match | None:
    """The name heading the lettered request item that holds position `at`, when the list is one (the docstring)."""
    index = ctx.layout.line_index(at)
    head = _item(ctx, ctx.layout.lines[index])
    if head is None or head.end("name") > at:
        return None
    name = head["name"]
    if not can_be_party(name) or _NO_BODY.match(name) or OWNED.match(ctx.text, head.end("name")):
        return None
    first, count = _list_around(ctx, index)
    return head if count >= 3 and _ASKED.search(_heading(ctx, first)) else None


def _give(item: MoneyItem, head: re.Match) -> None:
    name = head["name"]
    item.counterparty, item.counterparty_spans = name, [head.span("name")]
    item.warning = item.warning or f"read as {name}'s, the body heading its item in a list of requests: check it"


def named_in_lettered_requests(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the body heading its item in a lettered list of grant applications or
    requests (the module docstring), with a warning. The same sum asked for in several items ("b) Red Cross ...
    Request for £1,000", "f) Tributes ... £1000 annual grant") is one line for each body."""
    for item in [m for m in money if m.spans and not m.counterparty and not m.counterparty_is_self]:
        heads = [_head_of(ctx, span[0]) for span in item.spans]
        if heads[0] is None:
            continue
        by_name: dict[str, list] = {}
        for span, head in zip(item.spans, heads):
            by_name.setdefault((head or heads[0])["name"], []).append((span, head or heads[0]))
        groups = list(by_name.values())
        item.spans = [span for span, _ in groups[0]]
        _give(item, groups[0][0][1])
        for group in groups[1:]:
            other = replace(item, spans=[span for span, _ in group], counterparty_spans=[], warning="")
            _give(other, group[0][1])
            money.insert(money.index(item) + 1, other)
