"""A decision's day where a listing's head line or a news report gives it without a label.

Two layouts recur across publishers and are read here, only when no other reading found the decision's day:

- A page listing one decision of a council, saved from a site that gathers councils' records, opens with the day, the
  decision-maker and its kind in brackets, then the link to the council's own page: "November 12, 2024 Area Committee
  (Committee) Unknown View on council website", "September 4, 2024 Cabinet Member for Parks (Cabinet member) Key
  decision Approved View on council website". The day is the decision's. A meeting's page prints the day with no
  decision-maker ("October 1, 2025 View on council website"): that is a meeting's day, not a decision's, and is left
  alone.
- A news report gives the meeting's day by its weekday with the date in brackets, the year (and sometimes the month)
  left to the page's own date (the page's date as read, or else a day alone on one of its first four lines, the
  dateline under the headline): "the panel voted through the plans on Tuesday (6)", "Monday (July 15) ... the council's
  Cabinet approved the criteria", "approved by members at a meeting of full Council today (March 5)". Read only where
  the page's date is known, the sentence says the thing was decided (approved, agreed, voted, decided, granted,
  awarded), and the day falls on or before the page's date and within a fortnight of it; a bracketed day with no
  such word ("during a meeting on Tuesday (September 21), members were told") may be any meeting's.
"""

import re
from datetime import date, timedelta

from .dates import DateMention, month_number
from .draft import Found
from .text import Layout

_HEAD_LINES = 4
_SITE_LINK = re.compile(r"\bView on council website\b")
# "Garioch Area Committee (Committee)", "Cabinet (Cabinet collective)": the decision-maker, then its kind in brackets.
_MAKER = re.compile(r"[ \t]+[A-Z][\w'’&,-]*(?:[ \t]+[\w'’&,-]+){0,8}[ \t]+\([A-Z][a-z]+(?:[ \t]+[a-z]+)?\)[ \t]")

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_BRACKETED = re.compile(r"\b(?:" + _WEEKDAY + r"|today|yesterday)[ \t]+\((?:(?P<month>[A-Z][a-z]+)[ \t]+)?"
                        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\)", re.IGNORECASE)
_DECIDED = re.compile(r"\b(?:approved?|agreed|voted|decided|granted|awarded)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_FORTNIGHT = timedelta(days=14)


def listing_head_day(layout: Layout, dates: list[DateMention]) -> Found:
    """The day before a decision-maker and its bracketed kind on a listing's head line (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_HEAD_LINES]
    for start, end in lines:
        inside = [d for d in dates if start <= d.start < end]
        if not inside or not _SITE_LINK.search(text, start, end):
            continue
        first = inside[0]
        if (first.precision == "day" and not text[start:first.start].strip()
                and _MAKER.match(text, first.end) and _MAKER.match(text, first.end).end() <= end):
            return Found(first.first, [first.span])
        return Found()
    return Found()


def _sentence(text: str, start: int, end: int) -> str:
    back = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    ahead = _SENTENCE_END.search(text, end)
    return text[back:ahead.start() if ahead else len(text)]


def _day_of(match: re.Match, page: date) -> date | None:
    month = page.month
    if match["month"]:
        named = month_number(match["month"])
        if named is None:
            return None
        month = named[0]
    try:
        day = date(page.year, month, int(match["day"]))
    except ValueError:
        return None
    if day > page and not match["month"]:
        return None  # "(28)" on a page of the 2nd: last month's day, not read
    return day if page - _FORTNIGHT <= day <= page else None


def _page_day(layout: Layout, dates: list[DateMention], page: Found) -> date | None:
    """The page's date, or else a day alone on one of the page's first lines (a dateline under the headline)."""
    if isinstance(page.value, date):
        return page.value
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_HEAD_LINES]
    for start, end in lines:
        inside = [d for d in dates if start <= d.start < end]
        if (len(inside) == 1 and inside[0].precision == "day" and not text[start:inside[0].start].strip()
                and not text[inside[0].end:end].strip()):
            return inside[0].first
    return None


def bracketed_news_day(layout: Layout, dates: list[DateMention], page: Found) -> Found:
    """A news report's "on Tuesday (6)" decision day, the year from the page's date (the module docstring)."""
    text = layout.text
    today = _page_day(layout, dates, page)
    if today is None:
        return Found()
    for match in _BRACKETED.finditer(text):
        if not _DECIDED.search(_sentence(text, match.start(), match.end())):
            continue
        day = _day_of(match, today)
        if day is not None:
            return Found(day, [match.span()])
    return Found()
