"""A funded period stated as a number of years and one end of it, where nothing else in the record dates the period:
"awarded £4.7m over 3 years (up to March 2024)", "available for a three year period to March 2025", "to commence on
1st April 2025 for a period of 1 year", "for one year from 1 April 2017".

A term of whole years that runs "to March <year>" (or "up to", "until", "ending") is that many financial years ending
on 31 March of that year; a term that will "commence" or "start" on a full date "for a period of" whole years, or that
runs "for" whole years "from" a full date, runs from that day to the day before the same day that many years on. Only
where the record states one such term (two that disagree are left alone, as a reviewer must choose), and only when no
other reading dates the period.
"""

import re
from datetime import date, timedelta

from .draft import Found

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}
_N = r"(?P<n>\d{1,2}|" + "|".join(_NUMBERS) + r")"
_TO_MARCH = re.compile(
    _N + r"[ \t-]+years?(?:[ \t-]+period)?[ \t]+\(?(?:up[ \t]+)?(?:to|until|ending)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?"
    r"March[ \t]+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_FROM_DAY = re.compile(
    r"\b(?:commenc|start)\w*[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    r"(?P<m>" + "|".join(_MONTHS) + r")[ \t]+(?P<y>(?:19|20)\d\d),?[ \t]+for[ \t]+(?:a[ \t]+period[ \t]+of[ \t]+)?"
    + _N + r"[ \t-]+years?\b", re.IGNORECASE)

# "to extend the contract for one year from 1 April 2017": the same term, its length first.
_YEARS_FROM = re.compile(
    r"\bfor[ \t]+(?:a[ \t]+(?:further[ \t]+)?period[ \t]+of[ \t]+|(?:a[ \t]+)?further[ \t]+)?" + _N + r"[ \t-]+years?[ \t]+"
    r"(?:from|commencing|starting)[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    r"(?P<m>" + "|".join(_MONTHS) + r")[ \t]+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def _years(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _terms(text: str):
    for found in _TO_MARCH.finditer(text):
        years, last = _years(found["n"]), int(found["y"])
        if 0 < years <= 10:
            yield (date(last - years, 4, 1), date(last, 3, 31)), found.span()
    for found in [*_FROM_DAY.finditer(text), *_YEARS_FROM.finditer(text)]:
        years = _years(found["n"])
        try:
            first = date(int(found["y"]), _MONTHS.index(found["m"].lower()) + 1, int(found["d"]))
            after = first.replace(year=first.year + years)
        except ValueError:
            continue
        if 0 < years <= 10:
            yield (first, after - timedelta(days=1)), found.span()


def stated_term(text: str) -> Found | None:
    """The one period of whole years the record states with one end (the module docstring), or None."""
    terms = list(_terms(text))
    if not terms or len({period for period, _ in terms}) != 1:
        return None
    return Found(terms[0][0], [span for _, span in terms])
