"""The day a news page was published, where it is printed at the page's head but not alone on its first line.

Two layouts of saved news pages recur across publishers and are read here, only when no labelled date and no other
page date (dateline, byline, "Posted on") was found:

- A saved page opening with its date stamp, "date 2024-03-14", then the article's first words on the same line: the
  stamp is the page's own date (the day the page was published), never a meeting's or a decision's, which the
  article gives in words. Where the first lines print another full day as the byline ("Caroline White Monday, 30
  December 2019"), the stamp and the byline disagree and neither is taken.
- A headline with the day on a line just under it, printed as a dateline ("Funding for local groups" / "Monday, 21st
  March 2016", or "by" / "17th March 2016", or "19 March 2019, 19:19 | Updated: 19 March 2019, 19:23"): the first full
  day of the page, within its first four lines, alone on its line but for a weekday before it, a clock time after it,
  or a bare "by" above it, is the page's dateline. A bare day under a headline printed once is not read (it may be a
  meeting's or a decision's day: the reading of the twice-printed headline in `posted_dates.py` keeps that limit). A
  day inside a sentence, or after another date, may be a meeting's or a decision's and is left alone; so is a day
  under a line naming only a meeting body ("Cabinet" / "Wednesday 31 October 2017": a report's or minutes' heading,
  the meeting's day) or a label ("Date:"), a day under a title speaking of decisions, minutes or an agenda, and a day
  over a bare "Decision" heading (a decision page's own day).
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_STAMP = re.compile(r"\s*date[ \t]+(?=\d{4}-\d{2}-\d{2}\b)")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)"
_BEFORE = re.compile(r"[ \t]*(?:by[ \t]+)?(?P<weekday>" + _WEEKDAY + r")?$", re.IGNORECASE)
_CLOCK = r"(?:,?[ \t]*(?:at[ \t]+)?\d{1,2}[.:]\d{2}[ \t]*(?:am|pm)?)"
_AFTER = re.compile(r"[ \t]*(?P<clock>" + _CLOCK + r")?[ \t]*(?:\|[ \t]*Updated\b.*)?[ \t]*", re.IGNORECASE)
_BY = re.compile(r"[ \t]*by[ \t]*", re.IGNORECASE)
_HEAD_LINES = 4
_RECORD_TITLE = re.compile(r"\b(?:decisions?|minutes|agenda)\b", re.IGNORECASE)
_DECISION_HEADING = re.compile(r"[ \t]*Decisions?(?:[ \t]+(?:notice|record|summary))?[ \t]*:?[ \t]*", re.IGNORECASE)
_MEETING_BODY = re.compile(r"[ \t]*[\w &,'’-]*\b(?:Cabinet|Committee|Executive|Members|Panel|Board|Council|Meeting"
                           r"|Minutes|Agenda)s?[ \t]*:?[ \t]*", re.IGNORECASE)


def _days_on(line: tuple[int, int], dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if line[0] <= d.start < line[1]]


def stamped_opening(layout: Layout, dates: list[DateMention]) -> Found:
    """The page's opening "date YYYY-MM-DD" stamp (the module docstring)."""
    text = layout.text
    match = _STAMP.match(text)
    if not match:
        return Found()
    stamp = next((d for d in dates if d.start == match.end() and d.precision == "day"), None)
    if stamp is None:
        return Found()
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_HEAD_LINES + 1]
    others = {d.first for ln in lines for d in _days_on(ln, dates) if d.precision == "day" and d is not stamp}
    if others - {stamp.first}:
        return Found()  # a byline's day beside the stamp: which is the page's own is not certain
    return Found(stamp.first, [stamp.span])


def day_under_headline(layout: Layout, dates: list[DateMention]) -> Found:
    """The first day of the page, alone on one of its first lines under a headline (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_HEAD_LINES + 1]
    if not lines or _days_on(lines[0], dates):
        return Found()
    for above, line, below in zip(lines, lines[1:_HEAD_LINES], lines[2:] + [(0, 0)]):
        inside = _days_on(line, dates)
        if not inside:
            continue
        first = inside[0]
        before = _BEFORE.fullmatch(text, line[0], first.start)
        after = _AFTER.fullmatch(text, first.end, line[1])
        if (first.precision == "day" and before and after
                and (before["weekday"] or after["clock"] or _BY.fullmatch(text, *above))
                and not text[slice(*above)].rstrip().endswith(":")
                and not _MEETING_BODY.fullmatch(text, *above) and not _DECISION_HEADING.fullmatch(text, *below)
                and not _RECORD_TITLE.search(text, lines[0][0], line[0])):
            return Found(first.first, [first.span])
        return Found()  # the page's first date is inside a sentence: maybe a meeting's, not the page's
    return Found()
