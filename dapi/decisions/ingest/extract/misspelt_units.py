"""A sum whose word for millions or billions is misspelt: "up to £3.3millon be earmarked".

The figure's pattern knows "million", "m", "bn" and the like; a misspelt word straight after the figure ("millon",
"milion", "millin", "billon") is not one of them, so "£3.3millon" would be read as £3.30, a silently different sum. A
word of letters straight after the figure, beginning "mil" or "bil" and close to "million" or "billion" but not it, is
read as that unit, with a warning on the line: the reviewer checks the sum against the source.
"""

import re
from dataclasses import replace
from decimal import Decimal

_MISSPELT = re.compile(r"[ \t]?(?P<w>(?P<unit>[mb])il{1,2}[il]?i?o?n(?:s)?)\b", re.IGNORECASE)
_SPELT = {"million", "millions", "billion", "billions"}
_UNITS = {"m": Decimal(10) ** 6, "b": Decimal(10) ** 9}


def read_misspelt_units(text: str, mentions: list) -> list:
    """Each sum followed by a misspelt "million" or "billion" read in that unit, with a warning (the docstring)."""
    out = []
    for mention in mentions:
        found = _MISSPELT.match(text, mention.end)
        word = found["w"] if found else ""
        if not found or word.lower() in _SPELT or mention.per_annum or mention.value >= 1000:
            out.append(mention)
            continue
        unit = "million" if found["unit"].lower() == "m" else "billion"
        value = (mention.value * _UNITS[found["unit"].lower()]).quantize(Decimal("0.01"))
        note = (
            f"“{text[mention.start : found.end()]}” is written with “{word}”, most likely “{unit}”: read as "
            f"£{value:,.0f}; check the amount against the source"
        )
        out.append(replace(mention, end=found.end(), value=value, warning=mention.warning or note))
    return out
