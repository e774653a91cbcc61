"""A decision's number on the first line after a word in any language: "Beschluss 34/2022 – East Surrey ...".

A commissioner's record translated by the page it is read from keeps its number and title on its first line but puts
its word for "Decision" ("Beschluss", "Quyết định", "Décision") before the number in that language, so the readings
that look for "Decision" or for a number leading the line find nothing. One to three words of letters (any script),
then the number in its year's series ("34/2022"), a dash and the title: only on the page's first line, and only when
the record states no reference otherwise.
"""

import re

from .draft import Found

_HEADING = re.compile(r"[ \t]*[^\W\d_][^\s\d/]*(?:[ \t]+[^\W\d_][^\s\d/]*){0,2}[ \t]+(?P<ref>\d{1,4}/(?:19|20)\d\d)"
                      r"[ \t]+[–—-][ \t]+\w")


def worded_heading_reference(text: str) -> Found:
    """The number after the first line's opening word or words (the module docstring)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    found = _HEADING.match(first)
    if not found:
        return Found()
    start = text.index(first) + found.start("ref")
    return Found(found["ref"], [(start, start + len(found["ref"]))])
