"""A pound sign garbled in the page's encoding: "funding of �838,000 from Devon County Council".

A page saved in one encoding and read in another prints "£" as the Unicode replacement character "�". Directly before a
figure it is most likely "£" (a record of a body in the UK writes its money in pounds), but it may have been another
currency's sign: the figure is read as a sum in pounds and its line carries a warning that the sign was garbled. The
text is mended without changing its length, so every span still points into the source as printed. A scanned
record's "£" read as "f" before a figure with a unit or separators ("f272k") is mended and flagged the same way.
"""

import re

from .draft import MoneyItem

# A scan's "£" misread as "f" ("requesting f3.247m", "the revenue requirement of f272k"): only before a figure with a
# unit or thousands separators, after a space or a bracket, so that no word or code ("f2", "ref1") is read so.
_GARBLED = re.compile(r"\ufffd(?=[ \t]?\d)|(?<=[ \t(])f(?=\d+(?:\.\d+)?(?:k|m|bn)\b|\d{1,3}(?:,\d{3})+(?![\d,]))")


def mend_pound_signs(text: str) -> tuple[str, dict[int, str]]:
    """The text with each "�" (or a misread "f") directly before a figure read as "£", and where each one stood."""
    places = {m.start(): m.group() for m in _GARBLED.finditer(text)}
    if not places:
        return text, places
    return _GARBLED.sub("£", text), places


def flag_garbled_signs(money: list[MoneyItem], places: dict[int, str]) -> None:
    """Warn on each sum whose "£" stood as "�" (or "f") in the source (the module docstring)."""
    for item in money:
        if signs := [places[p] for start, end in item.spans for p in range(max(0, start - 2), end) if p in places]:
            kind = "a garbled character" if signs[0] == "\ufffd" else "a misread “£”"
            item.warning = item.warning or (f"the sign before this sum is printed as “{signs[0]}” in the source, {kind}"
                                            ": it was read as “£”; check the currency against the source")
