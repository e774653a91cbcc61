"""The day a news page was published, given in its byline: "Author: <reporter>, Local Democracy Reporter & <reporter>
Published 3rd Oct 2025", where the page's text may run the last name into the word ("ReporterPublished 3rd Oct 2025").

Only among the first six lines with text, only a day that ends its line (a time after it allowed) and follows
"Published" or "Published on" (a colon allowed) at once; read when no date leads the page.
"""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

_PUBLISHED = re.compile(r"(?:\b|(?<=[a-z]))Published(?:[ \t]+on)?[ \t]*:?[ \t]*$")
_AFTER = re.compile(r"[ \t]*(?:(?:at[ \t]+)?\d{1,2}[.:]\d{2}[ \t]*(?:am|pm)?)?[ \t]*$", re.I)


def published_in_byline(layout: Layout, dates: list[DateMention]) -> Found:
    """The day after "Published" in a byline near the top (the module docstring)."""
    text = layout.text
    for line in [ln for ln in layout.lines if text[slice(*ln)].strip()][:6]:
        for d in dates:
            if (line[0] <= d.start < line[1] and d.precision == "day" and _PUBLISHED.search(text, line[0], d.start)
                    and _AFTER.fullmatch(text, d.end, line[1])):
                return Found(d.first, [d.span])
    return Found()
