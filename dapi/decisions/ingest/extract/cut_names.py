"""A party's name cut short at a slash or at "St.": "£2,850.00 to Insch/Leslie Men's Shed" drafted as a grant to
"Insch", "the capital grant of up to £150,000 to St. Mark’s Church" as one to "St". Names are read in runs of
capitalised words that break at punctuation, and a slash or an abbreviation's full stop is punctuation.

Where every place the party is read from ends at a "/" followed straight away by capitalised words, or the party
ends in "St" or "Mt" followed by ". " and capitalised words, the name runs on over them ("Insch/Leslie Men's Shed",
"St. Mark’s Church"). A name joined at a slash may be two bodies sharing a sum, so that line carries a warning.
"""

import re

from .draft import MoneyItem

# Capitalised words, joined by single spaces and the small words of names, ending on a capitalised word.
_RUN = r"[A-Z][\w'’-]*(?:[ \t](?:(?:of|and|&|the|for|on)[ \t])*[A-Z][\w'’-]*){0,5}"
_SLASH = re.compile(r"/(?P<run>" + _RUN + r")(?![\w/])")
_SAINT = re.compile(r"\.[ \t](?P<run>" + _RUN + r")(?!\w)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:St|Mt)$")


def _runs_on(text: str, end: int, name: str):
    """The match of what runs the name on from `end`, or None."""
    if _ABBREVIATION.search(name):
        return _SAINT.match(text, end)
    return _SLASH.match(text, end)


def mend_cut_names(text: str, money: list[MoneyItem]) -> None:
    """Run a party's name on over a slash or "St." where every place it is read from is cut there (module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans and not m.counterparty_is_self]:
        spans = item.counterparty_spans
        if any(text[start:end] != item.counterparty for start, end in spans):
            continue
        matches = [_runs_on(text, end, item.counterparty) for _, end in spans]
        if not all(matches) or len({m.group(0) for m in matches}) != 1:
            continue
        item.counterparty += matches[0].group(0)
        item.counterparty_spans = [(start, match.end()) for (start, _), match in zip(spans, matches)]
        if matches[0].group(0).startswith("/"):
            note = (f"the party “{item.counterparty}” is read as one body across the “/”: check that it is not two "
                    "bodies sharing the sum")
            item.warning = f"{item.warning}; {note}" if item.warning else note
