"""The day a news page was posted, where it is printed away from the page's first line.

"Posted on Monday 2nd March 2020" (or "Posted: 2 March 2020"), on a line of its own, often at the foot of the article:
the words say the day is the page's own, wherever the line stands ("Published" deep in a page is left to the byline
reading, which takes it only near the top: it may be a cited report's). And a page saved from the web often prints its
headline twice (the page's title, then its heading) with the day alone on the next line: "Policing body to get cash"
/ "Policing body to get cash" / "25 November 2015"; the repeated headline marks the day as the page's dateline, where
a day under a single heading may be a meeting's or a decision's. Read only when no date leads the page.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_POSTED = re.compile(r"[ \t]*Posted(?:[ \t]+on)?[ \t]*:?[ \t]*"
                     r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?$", re.IGNORECASE)
_TAIL = re.compile(r"[ \t]*(?:(?:at[ \t]+)?\d{1,2}[.:]\d{2}[ \t]*(?:am|pm)?)?[ \t]*$", re.IGNORECASE)
_ALONE = re.compile(r"[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?$", re.IGNORECASE)


def _days_on(line: tuple[int, int], dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if line[0] <= d.start < line[1]]


def posted_on(layout: Layout, dates: list[DateMention]) -> Found:
    """The day on a line saying only "Posted on <day>" (the module docstring)."""
    text = layout.text
    found = []
    for line in layout.lines:
        inside = _days_on(line, dates)
        if (len(inside) == 1 and inside[0].precision == "day" and _POSTED.fullmatch(text, line[0], inside[0].start)
                and _TAIL.fullmatch(text, inside[0].end, line[1])):
            found.append(inside[0])
    if len({d.first for d in found}) != 1:
        return Found()  # none, or two pages' days: not the page's own for certain
    return Found(found[0].first, [found[0].span])


def dated_under_headline(layout: Layout, dates: list[DateMention]) -> Found:
    """The day alone under a headline printed twice (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:3]
    if len(lines) < 3 or text[slice(*lines[0])].strip() != text[slice(*lines[1])].strip():
        return Found()
    inside = _days_on(lines[2], dates)
    if (len(inside) == 1 and inside[0].precision == "day" and _ALONE.fullmatch(text, lines[2][0], inside[0].start)
            and _TAIL.fullmatch(text, inside[0].end, lines[2][1])):
        return Found(inside[0].first, [inside[0].span])
    return Found()
