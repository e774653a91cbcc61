"""A sum the deciding body says it has been given, its funder named in the sentence before: "To approve the allocation
of funding received from the Ministry of Justice (MOJ) following the launch of a new funding stream. The award has been
made following a competitive application process and the OPCC has been allocated £0.737m over the next two years." A
sum with no body of its own, which the deciding body "has been allocated" (awarded, granted), is an `award` from the one
funder the sentence before names after "from" (funding, money or a grant received from it); with none, or more than
one, named there, it is left as it is."""

import re

from .draft import MoneyItem
from .organisations import find_organisations, is_funder, is_self

_GIVEN = re.compile(r"\b(?P<body>[A-Z][\w'’]*)\s+(?:has|have|had|was|were)\s+(?:been\s+)?(?:allocated|awarded|granted)"
                    r"\s+(?:a\s+(?:total|sum)\s+of\s+|an?\s+(?:additional\s+|further\s+)?)?$")
_FROM = re.compile(r"\b(?:received|funding|grant|money|award|allocation)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?](?=\s)|\n")


def _sentence_before(text: str, start: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE.finditer(text, 0, start)]
    if not ends:
        return 0, 0
    end = ends[-1]
    begin = ends[-2] if len(ends) > 1 else 0
    return begin, end


def funder_before(text: str, money: list[MoneyItem]) -> None:
    """Give a sum the deciding body has been allocated the funder the sentence before names, and the role `award`."""
    for item in [m for m in money if not m.counterparty and m.spans]:
        start = item.spans[0][0]
        given = _GIVEN.search(text, max(0, start - 80), start)
        if not given or not is_self(given["body"]):
            continue
        begin, end = _sentence_before(text, given.start())
        named = {m.name: (begin + m.start, begin + m.end) for m in find_organisations(text[begin:end])
                 if is_funder(m.name) and _FROM.search(text, begin, begin + m.start)}
        if len(named) == 1:
            [(name, span)] = named.items()
            item.counterparty, item.counterparty_spans, item.role = name, [span], "award"
