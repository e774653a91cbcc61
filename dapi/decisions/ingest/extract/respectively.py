"""Sums paired with bodies by "respectively": "£1.76m and £0.3m of the second tranche respectively to be allocated to
the Harbour Fire Service and Oakdale Police", "£11,871 and £26,000 will be allocated to our Outreach Service and
Housing Service respectively". The sums listed together ("£a and £b", "£a, £b and £c") go, in order, to the bodies
listed after "to", when the sentence says "respectively" and the two lists are as long as each other (sums "allocated
to" them are allocations); otherwise the sums are left as they are."""

import re

from .draft import MoneyItem
from .money import Context

_WORD = r"[A-Z][\w'’&-]*"
_NAME = _WORD + r"(?:[ \t]+" + _WORD + r")*"
_NAMES = re.compile(r"\bto\s+(?:the\s+|our\s+|their\s+)?(?P<names>" + _NAME + r"(?:(?:,[ \t]+|[ \t]+and[ \t]+)(?:the[ \t]+)?"
                    + _NAME + r")+)")
_SPLIT = re.compile(r",[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?|[ \t]+and[ \t]+(?:the[ \t]+)?")
_LISTED = re.compile(r"\s*(?:,|and|,\s*and)\s*")  # between two sums of one list


def _chains(text: str, items: list[MoneyItem]) -> list[list[MoneyItem]]:
    chains: list[list[MoneyItem]] = []
    for item in sorted(items, key=lambda m: m.spans[0][0]):
        if chains and _LISTED.fullmatch(text[chains[-1][-1].spans[0][1]:item.spans[0][0]]):
            chains[-1].append(item)
        else:
            chains.append([item])
    return [c for c in chains if len(c) > 1]


def paired_respectively(ctx: Context, money: list[MoneyItem]) -> None:
    """Give each sum of a list the body in the same place of the list its sentence pairs it with "respectively"."""
    text, done = ctx.text, set()
    for item in [m for m in money if m.spans and not m.row]:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if sentence in done or not re.search(r"\brespectively\b", text[slice(*sentence)]):
            continue
        done.add(sentence)
        inside = [m for m in money if m.spans and not m.row and sentence[0] <= m.spans[0][0] < sentence[1]]
        for chain in _chains(text, inside):
            found = _NAMES.search(text, chain[-1].spans[0][1], sentence[1])
            if not found or any(m.counterparty for m in chain):
                continue
            names, start = [], found.start("names")
            for part in _SPLIT.split(found["names"]):
                at = text.index(part, start)
                names.append((part, (at, at + len(part))))
                start = at + len(part)
            if len(names) == len(chain):
                # "will be allocated to" the bodies: each sum is an allocation, whatever "a further" made of it.
                allocated = re.search(r"\ballocated\s+$", text[max(0, found.start() - 20):found.start()])
                for m, (name, span) in zip(chain, names):
                    m.counterparty, m.counterparty_spans = name, [span]
                    m.role = "allocation" if allocated else m.role
