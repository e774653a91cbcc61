"""The day of the meeting a page's heading line names with its weekday and starting time: "Rothesay Common Good Fund -
Tuesday, 4 March 2014 9:30 am", "Cabinet Member for Regeneration, Leisure, Culture and Tourism - Monday, 8th July, 2024
1.00 pm", and on a page of one agenda item "- Meeting of Cabinet, Wednesday, 10th December, 2025 7.00 pm (Item 53.)".

Committee systems print a meeting's page (its agenda and minutes) and each item's page under one line that gives the
meeting's name, its weekday, its day and the hour it began; what the page records was decided on that day. The weekday
and the hour together mark the line as the meeting's own: a day inside a sentence ("the meeting held on 27th September,
2023" in an item approving earlier minutes) has neither, and is not read here. The name may be long and need not say
"committee" or "panel" (a fund's trustees, one member's decision sessions); the line may end with the item's number or
a word on the minutes' state (", PROVISIONAL"). Only the first lines are read, past a site's menu.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_OPENING_LINES = 30
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+"
# "Rothesay Common Good Fund - Tuesday, ", or after a bullet "Meeting of The Cabinet, Tuesday, ".
_NAME_THEN_WEEKDAY = re.compile(r"[ \t]*(?:[-•*·][ \t]+)?(?:(?!meeting[ \t]+of[ \t])\S[^\n]{0,200}?[ \t][-–][ \t]+|"
                                r"meeting[ \t]+of[ \t]+\S[^\n]{0,200}?(?:,|[ \t][-–])[ \t]+)" + _WEEKDAY
                                + r"(?:the[ \t]+)?", re.IGNORECASE)
# " 9:30 am", " 7.00 pm (Item 53.)", " 1:30 pm, PROVISIONAL": the hour, then nothing but the item or the minutes' state.
_HOUR_THEN_END = re.compile(r",?[ \t]+\d{1,2}[.:]\d{2}[ \t]*(?:am|pm|a\.m\.|p\.m\.)(?:[ \t]*\((?:item|eitem)[ \t]+[^)\n]{1,12}\)"
                            r"|,[ \t]*[A-Za-z]{4,15})?[ \t.]*", re.IGNORECASE)


def meeting_line_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The day on a meeting's heading line with its weekday and hour among the first lines (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_OPENING_LINES]
    for line in lines:
        for mention in (d for d in dates if line[0] <= d.start < line[1] and d.precision == "day"):
            if (_NAME_THEN_WEEKDAY.fullmatch(text, line[0], mention.start)
                    and _HOUR_THEN_END.fullmatch(text, mention.end, line[1])):
                return Found(mention.first, [mention.span])
    return Found()
