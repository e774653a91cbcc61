"""A party that is a report's byline or one of the deciding body's own service areas, not a body paid or paying.

"Report of the Director of Children's Services", "Joint report by the Chief Executive": a committee paper opens with
the post that wrote it, and a sum read near that heading takes the byline as its party; the author is an officer of
the deciding body, never the other party, so the party is taken off. "Children & Families Service", "Adult Social Care
Services": a name that is only a kind of service for people (children, young people, families, adults, social care,
early years, education, youth) and the word "Service(s)" is one of the deciding body's own departments, spending
a grant it was given (a body outside it has a proper name: "Kent Community Health NHS Trust"); taken off with a
warning, so a reviewer checks whether another body is named elsewhere. A department named for other work ("Community and
Environmental Services") may be the body's own contractor or client side, and is left as read.
"""

import re

from .draft import MoneyItem

_BYLINE = re.compile(r"(?:joint\s+)?reports?\s+(?:of|by|from)\s+(?:the\s+)?\S.*", re.IGNORECASE)
_AREA = (
    r"(?:Children(?:['’]s)?|Young\s+People|Famil(?:y|ies)|Adults?|Social\s+Care|Education|Early\s+Years|"
    r"Youth)"
)
_SERVICE = re.compile(rf"(?:the\s+)?{_AREA}(?:\s*(?:,|&|and)?\s*{_AREA}){{0,3}}\s+Services?", re.IGNORECASE)


def drop_bylines_and_services(money: list[MoneyItem]) -> None:
    """Take off a party that is a report's byline or the body's own service area (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if not name or item.counterparty_is_self:
            continue
        service = _SERVICE.fullmatch(name)
        if _BYLINE.fullmatch(name) or service:
            item.counterparty, item.counterparty_spans = None, []
        if service:
            item.warning = item.warning or (
                f'"{name}" read as one of the deciding body\'s own services, not another body: check the party'
            )
