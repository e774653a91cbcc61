"""The day a record says the body decided at a meeting: "At its meeting on 3 November 2022, Council agreed to allocate
£30,000 from its £2.1 million Cost of Living support package".

A note or a report that follows a decision made at a meeting says so in one sentence: the meeting's day, then the body
and what it agreed. Read only when nothing else dates the decision; only a full date right after "At its meeting on"
("At their meeting held on", "At the Cabinet meeting on") and right before a capitalised body and "agreed",
"resolved", "approved" or "decided".
"""

import re

from .draft import Found

_AT_MEETING = re.compile(r"\b[Aa]t\s+(?:its|their|the)\s+(?:[A-Z][\w'’]*\s+){0,3}meeting\s+(?:held\s+)?on\s+(?:the\s+)?"
                         r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$")
_BODY_AGREED = re.compile(r",?\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,4}\s+(?:agreed|resolved|approved|decided)\b")


def agreed_at_meeting(text: str, dates) -> Found:
    """The first full date that opens "At its meeting on <day>, <body> agreed" (the module docstring)."""
    for mention in dates:
        if (mention.precision == "day" and _AT_MEETING.search(text, max(0, mention.start - 60), mention.start)
                and _BODY_AGREED.match(text, mention.end)):
            return Found(mention.first, [mention.span])
    return Found()
