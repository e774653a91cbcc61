"""A block of bullets each led by its sum: "- £58,919 – Refuge (domestic abuse services funding)".

When at least three bullets follow one another and every one of them is a sum, a dash and a capitalised name (with, at
most, one bracketed note that starts in lower case at its end, the purpose), each sum goes to the name of its bullet.
Only sums drafted without a party are named; a block with any bullet of another shape is left alone.
"""

import re

from .draft import MoneyItem

_BULLET = re.compile(
    r"^[ \t]*[-•*][ \t]+£[\d,]+(?:\.\d\d)?[ \t]+[-–—][ \t]+"
    r"(?P<name>[A-Z][^\n]*?)(?:[ \t]*\([a-z][^()\n]*\))?[ \t]*[.;,]?[ \t]*$"
)


def _blocks(text: str):
    """Each block of three or more sum-first bullets, as a list of (line start, line end, name, name span)."""
    block, offset = [], 0
    for line in text.splitlines(keepends=True) + [""]:
        body = line.rstrip("\n")
        m = _BULLET.match(body) if body else None
        if m:
            block.append(
                (offset, offset + len(body), m.group("name"), (offset + m.start("name"), offset + m.end("name")))
            )
        else:
            if len(block) >= 3:
                yield block
            block = []
        offset += len(line)


def name_sum_first_bullets(text: str, money: list[MoneyItem]) -> None:
    """Give each sum of a block of sum-first bullets the name of its bullet (the module docstring)."""
    for block in _blocks(text):
        for start, end, name, name_span in block:
            for item in money:
                if item.counterparty is None and item.spans and all(start <= s < end for s, _ in item.spans):
                    item.counterparty, item.counterparty_spans = name, [name_span]
