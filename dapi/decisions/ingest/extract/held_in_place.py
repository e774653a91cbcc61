"""The day minutes say their meeting was held on after naming the place: "Minutes of a meeting of the Parish Hall
Committee held at the Parish Hall, Ravenhill Park, Brereton, on Wednesday, 2nd September 2020", "MINUTE of MEETING of
the EXECUTIVE SUB-COMMITTEE held in the Town and County Hall, Forfar on Monday 15 July 1996 at 3.45 pm", "held in" /
"Dittisham Village Hall on Wednesday 29 January 2025".

The opening sentence of a meeting's minutes says where and when it was held. The place may hold commas, lower-case words
("the Town and County Hall, Forfar") and a line break, which the plainer readings of "held at <Name> on" pass over; a
day read in the opening lines before it may be an earlier meeting's whose minutes are approved or cited ("minute of
meeting of the Council held on 17 September 1998"), and a heading's day may be mistyped, so this sentence is read
first. A place has no digits or full stop (not "held at 7.30pm on"), and what "will be held" is to come.
"""

import re

from .dates import DateMention
from .draft import Found
from .minutes_heading import APPROVED_AFTER
from .text import Layout

_OPENING_LINES = 12
# "held in the Town and County Hall, Forfar on Monday ", "held at the School on Tuesday, ", never "will be held".
_HELD_IN_PLACE = re.compile(r"(?<!will be )(?<!to be )\bheld\s+(?:in|at)\s+(?!\s)[^.;:\d\n]{2,100}(?:\n[^.;:\d\n]{0,100})?"
                            r"(?<=\S),?\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$",
                            re.IGNORECASE)


def held_in_place_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The day after "held in (or at) <place> on" in the opening lines of minutes (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_OPENING_LINES]
    if not lines:
        return Found()
    for line in lines:
        for mention in (d for d in dates if line[0] <= d.start < line[1] and d.precision == "day"):
            before = text[max(lines[0][0], mention.start - 200):mention.start]
            held = _HELD_IN_PLACE.search(before)
            if held and "held" not in before[held.start() + 4:].lower() and not APPROVED_AFTER.match(text, mention.end):
                return Found(mention.first, [mention.span])
    return Found()
