"""Parts a sentence breaks a sum into take the sum's other party: "the MoJ has offered an uplift in funding ... The
additional funding totals £275,592.45, broken down by £55,117.65 in 2023/24 and £220,474.80 2024/25". A part with no
body of its own is paid by (or to) the body the sum is, and has the sum's role, when the parts after the words that
break the sum down ("broken down by", "split into", "made up of", "comprising", "of which") add up to the sum in the
same sentence; parts that do not add up are left as they are."""

import re

from .draft import MoneyItem

_BREAKS_DOWN = re.compile(r"\b(?:broken\s+down\s+(?:by|as|into|between|across)|split\s+(?:as|into|between|across|by)|"
                          r"made\s+up\s+of|comprising|consisting\s+of|of\s+which)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")


def parts_take_the_sum(text: str, money: list[MoneyItem]) -> None:
    """Give the parts a sentence breaks a sum into the sum's other party and role, where they have none."""
    for whole in [m for m in money if m.counterparty and m.spans]:
        for _start, end in whole.spans:
            stop = _SENTENCE_END.search(text, end)
            stop = stop.start() if stop else len(text)
            words = _BREAKS_DOWN.search(text, end, stop)
            if not words or text.count("£", end, words.start()):
                continue
            parts = [m for m in money if m is not whole and any(words.end() <= s < stop for s, _ in m.spans)]
            if len(parts) < 2 or any(m.counterparty for m in parts) or sum(m.amount for m in parts) != whole.amount:
                continue
            for part in parts:
                part.counterparty, part.counterparty_spans = whole.counterparty, list(whole.counterparty_spans)
                part.counterparty_is_self, part.role = whole.counterparty_is_self, whole.role
