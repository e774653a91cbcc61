"""The day of a decision a record gives on the line under its own heading: "RECORD OF EXECUTIVE DECISION" /
"11/08/2008 | |", a council's record of an executive decision laid out as a table whose empty cells follow the day.

Only among the record's opening lines, and only a day alone on its line (empty cell borders aside): a day after
other words there may be a meeting's to come or a report's.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_OPENING_LINES = 8
# The record's heading: "RECORD OF EXECUTIVE DECISION", "Record of Decision", "DECISION RECORD", "DECISION NOTICE",
# alone on its line (table borders aside).
_RECORD_HEADING = re.compile(r"[ \t|]*(?:record[ \t]+of[ \t]+(?:(?:an?|the)[ \t]+)?(?:[a-z]+[ \t]+)?decision|"
                             r"decision[ \t]+(?:record|notice))[ \t|]*", re.IGNORECASE)
_BORDERS = re.compile(r"[ \t|]*")


def record_heading_date(layout: Layout, dates: list[DateMention]) -> Found:
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_OPENING_LINES]
    for heading, line in zip(lines, lines[1:]):
        if not _RECORD_HEADING.fullmatch(text, *heading):
            continue
        inside = [d for d in dates if line[0] <= d.start < line[1]]
        if (len(inside) == 1 and inside[0].precision == "day" and _BORDERS.fullmatch(text, line[0], inside[0].start)
                and _BORDERS.fullmatch(text, inside[0].end, line[1])):
            return Found(inside[0].first, [inside[0].span])
    return Found()
