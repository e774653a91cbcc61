"""The day a numbered decision's heading ends with: "076/2013: Street Triage Pilot – 29 October 2013".

A commissioner's page of decisions heads each with its number, its title and, after a dash, the day it was made. The
day at the end of such a heading, among the first lines of the record, is the decision's; a day inside the title
("084/2013: Vehicles ordered on 3 May 2013 – ...") is not, nor is a heading without the number first.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

# "076/2013: " or "076/2013 – " at the start of the line: the decision's number.
_NUMBER_FIRST = re.compile(r"[ \t]*\d{1,4}/(?:19|20)\d\d[ \t]*[:–-][ \t]*\S[^\n]*?[ \t][–-][ \t]*$")
_NOTHING_AFTER = re.compile(r"[ \t.]*$")


def numbered_heading_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The day ending a numbered decision's heading near the top (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:15]
    for line in lines:
        for mention in (d for d in dates if line[0] <= d.start < line[1] and d.precision == "day"):
            if (_NUMBER_FIRST.fullmatch(text, line[0], mention.start)
                    and _NOTHING_AFTER.fullmatch(text, mention.end, line[1])):
                return Found(mention.first, [mention.span])
    return Found()
