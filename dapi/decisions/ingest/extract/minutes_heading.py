"""The day of a meeting its minutes give only in their heading: "Minutes of a special Meeting of the Helmdon Parish
Council held on" / "Wednesday, 23rd April 2003", "held at 8.30pm on Wednesday 27th September 2023", "Minutes of the
Council Meeting" / "28Th November 2023", "Deputy Leader – Minutes – 12 February 2020".

Parish, town and community councils' minutes (and some councils' notes of one member's decisions) say when the meeting
was held in their opening lines and nowhere else: the sentence may break across lines, put a time or "the" before the
day, or the heading may be no more than "Minutes" and the day. A day given later in the text, or after the opening
lines, may be an earlier meeting's whose minutes are approved, and is not read here.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_OPENING_LINES = 12
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# "held on", "held on Wednesday, the", "held at 8.30pm on Wednesday", "held at Oakdale Village Hall on Monday", across
# line breaks; never "will be held on".
_HELD_ON = re.compile(r"(?<!will be )(?<!to be )\bheld\s+(?:at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s+|"
                      r"(?:via|by|over|using)\s+[\w-]+(?:\s+[\w-]+)?\s+|"
                      # "held at Croft Village Hall on Monday": a place of capitalised words
                      r"at\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’&-]*\s+){1,5}))?on\s+" + _WEEKDAY + r"(?:the\s+)?$",
                      re.IGNORECASE)
# A heading of "Minutes" and the day, the minutes' own: "Minutes 28th November 2023", "Deputy Leader – Minutes – 12
# February 2020"; not an item approving them ("4. Minutes of 12th September 2023").
_MINUTES_THEN_DAY = re.compile(r"^[ \t]*(?![\d(•-])[^\n]{0,60}?\bminutes[ \t]*[–-]?[ \t]*" + _WEEKDAY.replace(r"\s", "[ \t]")
                               + "$", re.IGNORECASE)
# "Minutes of the Council Meeting" alone on the line above the day.
_MEETING_MINUTES_LINE = re.compile(r"^[ \t]*minutes\s+of\s+(?:the\s+|a\s+)?[^\n]{0,60}\bmeeting(?:[ \t]+of[ \t]+[^\n]{1,60})?"
                                   r"[ \t]*$", re.IGNORECASE)
# "held on 26th July 2023 were taken as read, approved": an earlier meeting's minutes, approved at this one (document.py
# reads it too, for a day anywhere in the text).
APPROVED_AFTER = re.compile(r"[^.\n]{0,20}?\b(?:were|was|are|is)\s+(?:duly\s+)?(?:taken\s+as\s+read|approved|agreed|"
                             r"confirmed|signed|accepted|adopted)\b", re.IGNORECASE)
_NOTHING_AFTER = re.compile(r"[ \t,]*(?:(?:at[ \t]+)?\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)?"
                            r"(?:[ \t]+(?:at|in)[ \t]+the[ \t]+[^\n\d]{1,40})?)?[ \t]*$", re.IGNORECASE)
# A line of no more than the weekday, the day, and the time and place: "THURSDAY 31st MARCH 2022 at 7.30 p.m. at the
# VILLAGE HALL".
_WEEKDAY_LINE = re.compile(r"^[ \t]*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def minutes_heading_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The day the opening lines of a record's minutes say the meeting was held on, or nothing."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_OPENING_LINES]
    if not lines:
        return Found()
    for previous, line in zip([None] + lines, lines):
        for mention in (d for d in dates if line[0] <= d.start < line[1] and d.precision == "day"):
            before = text[max(lines[0][0], mention.start - 200):mention.start]
            own_line = text[line[0]:mention.start]
            if APPROVED_AFTER.match(text, mention.end):
                continue
            alone = _NOTHING_AFTER.fullmatch(text, mention.end, line[1])
            if (_HELD_ON.search(before) or (alone and (_MINUTES_THEN_DAY.match(own_line) or _WEEKDAY_LINE.match(own_line)))
                    or (alone and not own_line.strip() and previous and _MEETING_MINUTES_LINE.match(
                        text[slice(*previous)]))):
                return Found(mention.first, [mention.span])
    return Found()
