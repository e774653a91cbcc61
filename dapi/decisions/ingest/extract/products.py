"""Sums that break down a contract or grant paid to a named body, written as products: "a contract with Oakdale
Support up to the value of £60,000 ... (£12,000 x3 = £36,000; £8,000 x3 = £24,000)", or "... up to the value of
£300,000 to include:" followed by a paragraph "Outreach (£50,000 x4 = £200,000) and Training (£25,000 x4 =
£100,000)". The parts go the same way as the whole when they make it: the totals of the products and any plain
sums add up to the whole (a unit "£12,000 x3" counts through its product, not by itself)."""

import re

from .draft import MoneyItem

# "£12,000 x3 =", "£8,000 × 4 =": a unit before its count and product.
_UNIT = re.compile(r"\s*[x×]\s*\d+\s*=", re.I)
# The whole's sentence or paragraph ends by announcing what it includes: "... over 2 + 2 years to include:".
_INCLUDES = re.compile(r"[^£]*?\b(?:to\s+include|including|comprising|made\s+up\s+of)\s*:\s*$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t\xa0]*\n)+")


def _makes(ctx, parts: list[MoneyItem], whole: MoneyItem) -> bool:
    units = [m for m in parts if _UNIT.match(ctx.text, m.spans[0][1])]
    counted = sum(m.amount for m in parts if m not in units)
    return bool(units) and counted == whole.amount or not units and len(parts) > 1 and counted == whole.amount


def _in_bracket_later(ctx, items: list[MoneyItem], index: int) -> tuple[list[MoneyItem], int]:
    """The sums after the whole in its own sentence, when they all sit in one bracket that holds products."""
    whole = items[index]
    sentence = ctx.layout.sentence_at(whole.spans[0][0])
    opened = ctx.text.find("(", whole.spans[0][1], sentence[1])
    close = ctx.text.find(")", opened) if opened >= 0 else -1
    if opened < 0 or "£" in ctx.text[whole.spans[0][1]:opened]:
        return [], 0
    close = close if 0 <= close <= sentence[1] + 1 else sentence[1]
    parts = [m for m in items[index + 1:] if whole.spans[0][1] <= m.spans[0][0] < sentence[1]]
    if not parts or any(not opened < m.spans[0][0] < close for m in parts):
        return [], 0
    if not any(_UNIT.match(ctx.text, m.spans[0][1]) for m in parts):
        return [], 0
    return parts, opened


def _in_paragraph_below(ctx, items: list[MoneyItem], index: int) -> tuple[list[MoneyItem], int]:
    """The sums of the paragraph that follows a whole whose own paragraph ends "to include:"."""
    whole = items[index]
    ends = _PARAGRAPH_BREAK.search(ctx.text, whole.spans[0][1])
    if not ends or not _INCLUDES.match(ctx.text[:ends.start()], whole.spans[0][1]):
        return [], 0
    following = _PARAGRAPH_BREAK.search(ctx.text, ends.end())
    stop = following.start() if following else len(ctx.text)
    parts = [m for m in items[index + 1:] if ends.end() <= m.spans[0][0] < stop]
    return parts, ends.end()


def parts_as_products(ctx, items: list[MoneyItem]) -> None:
    """Each part that names no body of its own (none, or one read from before the parts) goes the same way as the
    whole, when the parts make it (the module's docstring)."""
    for index, whole in enumerate(items):
        if whole.row or not whole.counterparty or whole.role in ("other", "total"):
            continue
        for find in (_in_bracket_later, _in_paragraph_below):
            parts, begins = find(ctx, items, index)
            if parts and not any(m.row for m in parts) and _makes(ctx, parts, whole):
                break
        else:
            continue
        for part in parts:
            if part.counterparty and any(start >= begins for start, _ in part.counterparty_spans):
                continue  # named in the breakdown itself
            part.role, part.counterparty = whole.role, whole.counterparty
            part.counterparty_spans = list(whole.counterparty_spans)
            part.counterparty_is_self = whole.counterparty_is_self


def whole_of_parts_in_brackets(ctx, items: list[MoneyItem]) -> None:
    """"award grant funding totalling up to £223,609 (£205,737 in 2022-23 and £17,872 in 2023-24) to Oakdale Women's
    Aid": a sum read as a total, naming no body, whose parts in the bracket just after it add up to it and all go to
    one body the same way, is paid to that body the same way."""
    for index, whole in enumerate(items):
        if whole.row or whole.counterparty or whole.role != "total":
            continue
        opened = re.compile(r"[ \t]*\(").match(ctx.text, whole.spans[0][1])
        close = ctx.text.find(")", opened.end()) if opened else -1
        if close < 0:
            continue
        parts = [m for m in items[index + 1:] if opened.end() <= m.spans[0][0] < close]
        ways = {(m.role, m.counterparty) for m in parts}
        if (len(parts) < 2 or any(m.row for m in parts) or len(ways) != 1 or None in next(iter(ways))
                or sum(m.amount for m in parts) != whole.amount or parts[0].role in ("other", "total")):
            continue
        whole.role, whole.counterparty = parts[0].role, parts[0].counterparty
        whole.counterparty_spans = list(parts[0].counterparty_spans)
        whole.counterparty_is_self = parts[0].counterparty_is_self
