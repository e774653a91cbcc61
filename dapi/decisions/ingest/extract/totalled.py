"""A sum that several payments came to: "The grants requested this evening totalled £4634", "the core grant support
totalled £300,000 (£225,000 to Northtown and £75,000 to Southtown)". The record speaks of many grants, or lists their
parts in brackets straight after, so the sum is their `total` (corpus/README.md's rule), not one body's grant.

Two readings, each on the words just before the sum on its line. Plural payments ("grants", "awards", "contracts",
"payments", "allocations"), then in the same clause only lower-case words, then "totalled", "totalling", "amounted to",
"came to" or "a total of": only when no party was read for the line ("funding awards totalling £2,704,562 from the Home
Office" are that body's award), and never for bids or applications, which are asked for, not paid ("bids totalling
£305,000 from 76 initiatives" is `other`); a capitalised word between the payments and the sum may name the one body
they came from or went to, so then the line is left as read. Or any such total word straight before a sum followed by
a bracket holding two or more sums each given "to" or "for" a named body (its parts), whatever party was read; a
bracket of the sum's years ("(£205,737 in 2022-23 and £17,872 in 2023-24)") is one body's grant over two years."""

import re

from .draft import MoneyItem

_TOTAL_WORD = r"(?:totall?ed|totall?ing|amounted[ \t]+to|came[ \t]+to|a[ \t]+total[ \t]+of)[ \t]+" \
              r"(?:up[ \t]+to[ \t]+|approximately[ \t]+|around[ \t]+|about[ \t]+)?$"
_MANY = re.compile(r"\b(?:grants|awards|contracts|payments|allocations)\b"
                   r"[a-z0-9 \t,'’-]{0,60}?\b" + _TOTAL_WORD)
_ANY = re.compile(r"\b" + _TOTAL_WORD)
# "(£225,000 to Northtown and £75,000 to Southtown)": a bracket holding two or more sums, straight after the sum.
_PART = r"£[\d,.]+[ \t]+(?:to|for)[ \t]+(?:the[ \t]+)?[A-Z]"
_PARTS = re.compile(r"[ \t]*\([^()\n]*" + _PART + r"[^()\n]*" + _PART + r"[^()\n]*\)")


def _is_total(text: str, start: int, end: int, named: bool) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 120):start]
    return bool((not named and _MANY.search(before)) or (_ANY.search(before) and _PARTS.match(text, end)))


def totals_of_many(text: str, money: list[MoneyItem]) -> None:
    """Make a sum said to be what many payments came to a `total` (the module docstring)."""
    for item in money:
        if item.role != "total" and any(_is_total(text, start, end, bool(item.counterparty)) for start, end in item.spans):
            item.role = "total"
