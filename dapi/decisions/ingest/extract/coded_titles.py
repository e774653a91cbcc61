"""A decision's code on its title line, where the title states it and nothing else does: "Holiday Activities and Food
Programme Allocation of Funding - OKD10 (21/22)", "Contract Award of Public Health Services (...) OKD36 (24/25)",
"PHLLFMOA-01-24: Holiday Activity and Food Programme 2024 Grant Acceptance".

Some councils number a decision in a series of their own and write the number into its title: at the end, letters and
a number then the financial year in brackets ("OKD10 (21/22)", after a dash or a space), or at the start, a long run
of capitals (a cabinet member's portfolio's initials) with two numbers joined by hyphens, then a colon and the title.
Only among the page's first twelve lines that are short enough to be a heading, and only when the record states no
reference otherwise.
"""

import re

from .draft import Found

_TRAILING = re.compile(r"[ \t](?:[–-][ \t]+)?(?P<ref>[A-Z]{2,6}\d{1,4}[ \t]\(\d\d/\d\d\))[ \t]*$")
_LEADING = re.compile(r"^[ \t]*(?P<ref>[A-Z]{2,10}(?:-\d{1,4}){2}):[ \t]+[A-Z]")


def coded_title_reference(text: str) -> Found:
    """The code the title line ends or begins with (the module docstring)."""
    at = 0
    seen = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > 12:
            break
        if len(line.split()) > 40:
            continue
        found = _TRAILING.search(line) or _LEADING.match(line)
        if found:
            return Found(found["ref"], [(start + found.start("ref"), start + found.end("ref"))])
    return Found()
