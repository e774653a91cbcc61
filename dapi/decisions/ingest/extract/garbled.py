"""A pound sign garbled in the page's encoding: "funding of �838,000 from Devon County Council".

A page saved in one encoding and read in another prints "£" as the Unicode replacement character "�". Directly before a
figure it is most likely "£" (a record of a body in the UK writes its money in pounds), but it may have been another
currency's sign: the figure is read as a sum in pounds and its line carries a warning that the sign was garbled. The
text is mended without changing its length, so every span still points into the source as printed.
"""

import re

from .draft import MoneyItem

_GARBLED = re.compile(r"\ufffd(?=[ \t]?\d)")


def mend_pound_signs(text: str) -> tuple[str, set[int]]:
    """The text with each "�" directly before a figure read as "£", and where each one stood."""
    places = {m.start() for m in _GARBLED.finditer(text)}
    if not places:
        return text, places
    return _GARBLED.sub("£", text), places


def flag_garbled_signs(money: list[MoneyItem], places: set[int]) -> None:
    """Warn on each sum whose "£" stood as "�" in the source (the module docstring)."""
    for item in money:
        if any(p in places for start, end in item.spans for p in range(max(0, start - 2), end)):
            item.warning = item.warning or ("the sign before this sum is printed as “�” in the source, a garbled "
                                            "character: it was read as “£”; check the currency against the source")
