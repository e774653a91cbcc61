"""A sum in a bulleted list left without a counterparty, its item opening with a name as the list's other items do.

"· Futures Housing Group – hostel accommodation - £46,641.96" and, below it, "· Home Group – hostel accommodation -
£58,938.63"; "o Keystage Housing (£134k in 2023/24, ...)" and "o OneYMCA (£172k in 2023/24, ...)": a list that
names the body paid at the head of each item, before a dash or a bracket (a colon more often heads a place or a
scheme: "Rochdale: Littleborough Streets for All Scheme: £0.27m"). The other rules read the head
only when it is a name a list of organisations holds ("Group", "Housing"); a name no such list holds ("Home Group",
"Cross Keys Homes", "OneYMCA") was left out.

The head is taken only when another item of the same list (the same bullet, with no other line between) has its body
read from its own head, when every word of the head is capitalised (so "Rough sleeper outreach service" is no name),
and when the head is never the deciding body, a programme or a fund. A sum read this way keeps a warning, so a
reviewer checks it first; a sum whose role said nothing ("other") takes the role of the list's named items.
"""

import re

from .beside import OWNED, can_be_party
from .draft import MoneyItem
from .money import Context

# A bullet, the name heading the item, then what ends it: a dash, a bracket or a colon.
_ITEM = re.compile(r"[ \t]*(?P<bullet>[·•▪◦*o–-])[ \t]+(?P<name>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|for|"
                   r"the)){0,6})[ \t]*(?:[–—-][ \t]|\()")
_ROW_LABEL_WARNING = "the row's label"


def _item(ctx: Context, line: tuple[int, int]) -> re.Match | None:
    found = _ITEM.match(ctx.text, line[0], line[1])
    if found and re.search(r"[ \t](?:of|and|&|for|the)$", found["name"]):
        return None
    return found


def neighbouring_items(ctx: Context, index: int, is_item) -> list[int]:
    """The lines either side of line `index` that `is_item` takes, up to the first that it does not: blank lines are
    allowed between items."""
    lines, text, found = ctx.layout.lines, ctx.text, []
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(lines):
            if not text[slice(*lines[i])].strip():
                i += step
                continue
            if not is_item(lines[i]):
                break
            found.append(i)
            i += step
    return found


def _list_lines(ctx: Context, index: int, bullet: str) -> list[int]:
    """The lines of the list around line `index`: items with the same bullet, blank lines allowed between them."""
    return neighbouring_items(ctx, index, lambda line: (item := _item(ctx, line)) is not None and item["bullet"] == bullet)


def _named_at_head(ctx: Context, money: list[MoneyItem], line: tuple[int, int]) -> MoneyItem | None:
    """An item of the list whose sum's body is the name at its head."""
    item = _item(ctx, line)
    for m in money:
        if (m.spans and line[0] <= m.spans[0][0] < line[1] and m.counterparty
                and (m.counterparty.lower() == item["name"].rstrip(".").lower()
                     or any(s == item.start("name") for s, _ in m.counterparty_spans))):
            return m
    return None


def named_at_list_head(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the name heading its list item, when another item of the list is read the
    same way (the module docstring), with a warning."""
    for item in [m for m in money if m.spans and not m.counterparty and not m.counterparty_is_self]:
        index = ctx.layout.line_index(item.spans[0][0])
        line = ctx.layout.lines[index]
        head = _item(ctx, line)
        if head is None or any(head.end("name") <= a.start < item.spans[0][0] for a in ctx.amounts):
            continue  # only the item's first sum: a later one is a part, a rate or another year ("(6 days @ £400 per day)")
        if head.end("name") > item.spans[0][0]:
            continue
        name = head["name"].rstrip(".")
        if not can_be_party(name) or OWNED.match(ctx.text, head.start("name") + len(name)):
            continue
        named = [m for i in _list_lines(ctx, index, head["bullet"])
                 if (m := _named_at_head(ctx, money, ctx.layout.lines[i]))]
        if not named:
            continue
        item.counterparty, item.counterparty_spans = name, [(head.start("name"), head.start("name") + len(name))]
        if item.role == "other":
            item.role = named[0].role
        warning = (f"{name} heads this sum's list item, as a body heads the list's other items, but is no name the "
                   "reader knows: check it is the other party")
        item.warning = warning if not item.warning or item.warning.startswith(_ROW_LABEL_WARNING) else item.warning
