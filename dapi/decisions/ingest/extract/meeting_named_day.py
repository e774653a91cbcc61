"""The day of a meeting its minutes' heading prints straight after naming the meeting, with no "held on" between:
"LAMPETER TOWN COUNCIL MINUTES OF THE MONTHLY MEETING OF THE 25.10.2012 AT 7.30PM", "Outer Hebrides Alcohol Drug
Partnership EXECUTIVE GROUP MEETING 20 April 2011 at 10.00", "Executive Board Minutes: 5 November 2013", "... Playing
Field Committee Held At 8.00 Pm, Tuesday, 17 October 2017, in the Village Hall", or on the next line: "Farlington
Parish Committee Meeting" / "28th August 2018, 7pm, Farlington Village Hall".

Minutes of parish, town and community councils, partnerships and boards head the text with the meeting's name and its
day; the readings in `headings.py`, `minutes_heading.py` and `held_in_place.py` want "held on", a weekday and an hour
alone with the day, or a place without digits, and pass these by. Read here only when no other reading found the day,
and only where the day is the first date of the page, among its first six lines, joined to the word "meeting" or
"minutes" (or the body's kind: "committee", "council", "board", "panel", "group") by nothing but "of the", "held", a
colon, an hour and a weekday, where the words before it on the line are a heading's (capitalised but for "of", "the",
"held" and the like, and not a numbered item) and the opening lines call the text minutes. A day further down, in a
sentence or in a numbered item ("2. Strategic Policing Board Minutes 21 March 2024"), may be an earlier meeting's whose
minutes are approved ("The minutes of the meeting of 6 June 2017 were agreed"), or the next meeting's, and is not
read; nor is a day a heading says is to come ("next meeting", "will be held").
"""

import re

from .dates import DateMention
from .draft import Found
from .minutes_heading import APPROVED_AFTER
from .text import Layout

_OPENING_LINES = 6
_MINUTES = re.compile(r"\bminutes?\b", re.IGNORECASE)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_HOUR = r"\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)"
# "MEETING OF THE ", "MEETING ", "Minutes: ", "Meeting held at 8.00 Pm, Tuesday, ", "Meeting" at a line's end.
_BODY = r"\b(?:meeting|minutes|committee|council|board|panel|group)[ \t]*:?[ \t]*"
_JOINED = re.compile(_BODY + r"(?:[ \t]+|of[ \t]+the[ \t]+|held[ \t]+|at[ \t]+" + _HOUR + r"[ \t]*,?[ \t]*|on[ \t]+|"
                     + _WEEKDAY + r",?[ \t]+|the[ \t]+)*$", re.IGNORECASE)
_LINE_END = re.compile(_BODY + "$", re.IGNORECASE)
# A heading's words are capitalised but for these: a lower-case word before the day ("to approve the minutes of the
# Cabinet meeting held on", "3) Minutes of the last Annual General Meeting held on") makes it a sentence citing a meeting.
_SMALL_WORDS = {"of", "the", "a", "an", "and", "at", "on", "held", "for", "in", "&", "-", "–", "|"}
# An agenda item's number or bullet: "2. Strategic Policing Board Minutes 21 March 2024" approves an earlier meeting's.
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*·])[ \t]")
_TO_COME = re.compile(r"\b(?:next|last|previous|future|forthcoming|will[ \t]+be|to[ \t]+be)[ \t]+(?:\w+[ \t]+)?"
                      r"(?:meeting|held)\b", re.IGNORECASE)


def _heading_words(before: str) -> bool:
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _SMALL_WORDS
               for word in re.findall(r"[^\s,:]+", before))


def meeting_named_day(layout: Layout, dates: list[DateMention]) -> Found:
    """The first day of the page, printed straight after the meeting's name in the minutes' heading (the module
    docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_OPENING_LINES]
    if not any(_MINUTES.search(text, *ln) for ln in lines):
        return Found()
    for index, line in enumerate(lines):
        inside = [d for d in dates if line[0] <= d.start < line[1]]
        if not inside:
            continue
        first = inside[0]
        before = text[line[0]:first.start]
        joined = _JOINED.search(before) or (not before.strip() and index and _LINE_END.search(
            text, *lines[index - 1]))
        if (first.precision != "day" or not joined or _ITEM.match(before) or not _heading_words(before)
                or _TO_COME.search(before) or APPROVED_AFTER.match(text, first.end)):
            return Found()
        return Found(first.first, [first.span])
    return Found()
