"""A body whose name lists single words between commas before its legal form: "a contract with Change, Grow, Live
Services Limited". Names are read up to punctuation, so only "Change" was kept; two or three single capitalised words,
each followed by a comma, leading straight into words ending in a legal form (Limited, Ltd, CIC, LLP, plc) are one
name (a list of bodies names each by more than one word, or has "and" before its last)."""

import re

# A contract's other party: "the contract with Change, Grow, Live Services Limited for the provision of ...".
_ACROSS = re.compile(r"[A-Z][a-z'’-]+(?:,[ \t]+[A-Z][a-z'’-]+){2,3}(?:[ \t]+[A-Z][\w'’&-]*){0,4}?"
                     r"[ \t]+(?:Limited|Ltd\.?|CIC|LLP|PLC|plc)\b")


def name_across_commas(text: str, start: int) -> tuple[int, int] | None:
    """The span of a name listing single words between commas before its legal form, if one starts at `start`."""
    match = _ACROSS.match(text, start)
    return match.span() if match else None
