"""A sum said to be the whole country's: "Nationally, £270.6m will be made available for SHAP", "London's allocation
from the national £270.6m Single Homelessness Accommodation Programme", "the Government ... investing £2 billion over
the next three years", "The Welsh Government has committed an extra £10m to go towards its goal".

Such a sum is a national programme's size, not what the deciding body is paid (corpus/README.md: the size of a
national fund is "other"); the department named nearby, which may fund the body a share of it, is not its party.
Only a sum right after "Nationally," or "the national", or right after a government (never a council) "is investing",
"has committed" or "will invest" in a sentence that names no one it is paid to ("to the Council", "for Reading"); the
sum is read as "other" with no party.
"""

import re

from .draft import MoneyItem

_NATIONAL = re.compile(r"(?:\bNationally,?\s+(?:a\s+total\s+of\s+|some\s+|up\s+to\s+)?|\bthe\s+national\s+)$")
_GOVERNMENT = r"(?:\b(?:UK|Welsh|Scottish|HM|[Tt]he)\s+)[Gg]overnment|\b(?:they|it)"
# "the Government ... setting out how they were investing", "The Welsh Government has committed an extra".
_INVESTING = re.compile(r"(?:" + _GOVERNMENT + r")\s+(?:(?:has|have|had|is|are|was|were|will)\s+)?(?:be\s+)?"
                        r"(?:committed|committing|commits|investing|invested|invests|invest)\s+"
                        r"(?:an?\s+)?(?:extra\s+|additional\s+|further\s+|new\s+|over\s+|more\s+than\s+)?$")
_GOVERNMENT_SENTENCE = re.compile(r"\b(?:UK|Welsh|Scottish|HM|[Tt]he)\s+[Gg]overnment\b")
_PAID_TO = re.compile(r"^[^.\n]{0,80}?\b(?:to|for)\s+(?:the\s+)?(?:Council|Authority|Commissioner|[A-Z][a-z]+\s+"
                      r"(?:Council|Borough|City))\b")


def drop_national_parties(text: str, money: list[MoneyItem]) -> None:
    """Read a sum said to be the country's as "other" with no party (the module docstring)."""
    for item in money:
        if item.row or item.counterparty_is_self or not item.spans:
            continue
        start, end = item.spans[0]
        national = _NATIONAL.search(text, max(0, start - 40), start)
        if not national:
            invested = _INVESTING.search(text, max(0, start - 80), start)
            sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
            national = invested and (not invested.group().startswith(("they", "it")) or _GOVERNMENT_SENTENCE.search(
                text, sentence_start, start)) and not _PAID_TO.match(text, end)
        if national:
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
