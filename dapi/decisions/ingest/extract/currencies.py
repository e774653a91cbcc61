"""A figure in another currency among sums in pounds: "had received £8000 throughout 2015/16 when they had actually
received $2000". A record of a body in the UK writes its money in pounds, so "$2000" or "€500" beside its "£" sums is
most likely a slip for "£" (or a sum truly paid in another currency, which a reviewer must convert). Which one cannot be
told: it is never read as a sum, and the draft carries a warning naming the figure."""

import re

_OTHER = re.compile(r"(?<![\w$€])(?P<w>(?:US\$|\$|€|USD[ \t]?|EUR[ \t]?)\d[\d,]*(?:\.\d+)?"
                    r"(?:[ \t]?(?:m|k|bn|million|billion)\b)?)")
_POUNDS = re.compile(r"£[ \t]?\d")


def other_currencies(text: str) -> list[str]:
    """A warning for each figure written in dollars or euros in a record whose other sums are in pounds."""
    if not _POUNDS.search(text):
        return []
    return [f"“{m['w']}” is written in another currency than the record's sums in pounds: it may be a slip for “£” "
            "or a sum to convert; it was not read as a sum; check it against the source" for m in _OTHER.finditer(text)]
