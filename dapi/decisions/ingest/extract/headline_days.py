"""The day a news page was published, printed bare under its headline and over the article's first sentence.

A saved news page very often opens with its headline, then the day alone on the next line, then the article's first
sentence: "Over £2.6 million given to West Yorkshire community projects through the Safer Communities Fund" / "25
March 2019" / "Community projects in West Yorkshire have now received grants totalling over £2.6m from ...". The
readings in `news_dates.py` and `posted_dates.py` leave a bare day under a headline printed once alone, since a
record's or a meeting's day is printed the same way under its title. What marks the day as the page's own here is the
line under it: the article's prose (a full sentence of at least ten words), or a byline ("By Paul Jacques") over
it. A record's day stands over a heading ("Decision"), a label, a list of those present or a table, not over a
sentence opening an article.

Read only when no labelled date and no other page date was found, and only where the day is the first date of the
page, within its first five lines, alone on its line (an ordinal and a comma allowed: "17th April 2013", "May 10,
2019", "23 April, 2015"), with a headline of at least four words above it that is not a meeting body's name, a
label ("Date:"), or a title speaking of decisions, minutes or an agenda. The day is the page's publication date,
never its decision date: a news page's decision, if any, is given in the article's words.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_HEAD_LINES = 5
_MIN_HEADLINE_WORDS = 4
_MIN_SENTENCE_WORDS = 10
_RECORD_TITLE = re.compile(r"\b(?:decisions?|minutes|agenda|meeting|schedule)\b", re.IGNORECASE)
_MEETING_BODY = re.compile(r"[ \t]*[\w &,'’-]*\b(?:Cabinet|Committee|Executive|Members|Panel|Board|Council|Meeting"
                           r"|Minutes|Agenda)s?[ \t]*:?[ \t]*", re.IGNORECASE)
_BYLINE = re.compile(r"[ \t]*By[ \t]+[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}[ \t]*")
_SENTENCE = re.compile(r"[ \t]*[A-Z“\"‘'£0-9][^\n]*?[.!?][”\"’']?(?:[ \t]|$)")


def _days_on(line: tuple[int, int], dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if line[0] <= d.start < line[1]]


def _is_sentence(text: str, line: tuple[int, int]) -> bool:
    return len(text[slice(*line)].split()) >= _MIN_SENTENCE_WORDS and bool(_SENTENCE.match(text, *line))


def _is_headline(text: str, line: tuple[int, int]) -> bool:
    words = text[slice(*line)].strip()
    return (len(words.split()) >= _MIN_HEADLINE_WORDS and not words.endswith(":")
            and not _MEETING_BODY.fullmatch(text, *line))


def bare_day_under_headline(layout: Layout, dates: list[DateMention]) -> Found:
    """The first day of the page, alone between a headline and the article's prose (the module docstring)."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:_HEAD_LINES + 2]
    for index, line in enumerate(lines[:_HEAD_LINES]):
        inside = _days_on(line, dates)
        if not inside:
            continue
        first = inside[0]
        if (index == 0 or first.precision != "day" or len(inside) != 1
                or text[slice(*line)].strip().rstrip(".") != text[first.start:first.end]):
            return Found()  # the page's first date is not alone under a headline: a meeting's or a record's
        above, below = lines[index - 1], lines[index + 1:index + 3]
        if (not _is_headline(text, above) or _RECORD_TITLE.search(text, lines[0][0], line[0])
                or not below):
            return Found()
        if _BYLINE.fullmatch(text, *below[0]):
            below = below[1:]
        if below and _is_sentence(text, below[0]):
            return Found(first.first, [first.span])
        return Found()
    return Found()
