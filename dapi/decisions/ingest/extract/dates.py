"""Dates as published records write them, read day first (British).

Candidates are found with patterns that tolerate ordinals ("31st March 2023"), "of"
("1st of April"), a misspelt month ("1st Aril 2023", read as April and said so), month-only
dates ("July 2021", "mid-March 2023", "end of June 2025") and financial years ("2023/24",
"2022/ 2023"). Each candidate is then parsed by dateparser in day-first mode, so "05/09/2022" is
5 September. A candidate that is not a real date ("31/02/2023") is reported, never guessed.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
ABBREVIATIONS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
# Welsh bodies date their Welsh-language records in Welsh: "19 Mehefin 2023". Capitalised only, as they are written
# ("mai" and "medi" are English and Welsh words too).
WELSH_MONTHS = {name: i for i, name in enumerate(["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
                                                  "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"], 1)}

WORD = r"(?:Gorffennaf|[A-Za-z]{3,9})\.?"
GAP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # words of a date may be split by a line break
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?{GAP}(?P<m>{WORD}),?{GAP}(?P<y>\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{WORD}){GAP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,{GAP}(?P<y>\d{{4}})\b")
_MONTH_YEAR = re.compile(
    rf"(?P<pre>\b(?:mid|the end of|end of|the beginning of|beginning of|the start of|start of)[-\s]+)?"
    rf"\b(?P<m>{WORD}){GAP}(?P<y>\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<mo>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])")
_ISO = re.compile(r"(?<![\d/-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])")
# "2023/24", "2024 – 25", "2023-2024", and "2024-5" (the next year's last digit alone).
_FINANCIAL_YEAR = re.compile(r"(?<![\d/])(?P<y1>(?:19|20)\d\d)[ \t]?[/–-][ \t]?(?P<y2>\d{4}|\d{1,2})(?![\d/])")
_URL = re.compile(r"<?https?://\S+|www\.\S+")

DMY = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
       "REQUIRE_PARTS": ["month", "year"]}


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: the span it occupies and the days it covers."""

    start: int
    end: int
    first: date
    last: date
    precision: str  # "day", "month" or "financial year"
    note: str = ""  # how an unusual spelling was read

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _distance_one(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def month_number(word: str) -> tuple[int, str] | None:
    """The month a word names, with a note when it had to be read through a misspelling."""
    bare = word.rstrip(".")
    lower = bare.lower()
    if lower == "may" and bare[0] != "M":
        return None  # "may 2024" is a verb before a number more often than a date
    if lower in MONTHS:
        return MONTHS[lower], ""
    if bare in WELSH_MONTHS:
        return WELSH_MONTHS[bare], ""
    if lower in ABBREVIATIONS:
        return ABBREVIATIONS[lower], ""
    if len(lower) >= 4 and bare[0].isupper():
        # Only the longer month names: "Jane" is not June, nor "Mary" May.
        close = [number for name, number in MONTHS.items()
                 if len(name) >= 5 and name[0] == lower[0] and _distance_one(lower, name)]
        if len(close) == 1:
            return close[0], f"“{bare}” read as {calendar.month_name[close[0]]}"
    return None


@lru_cache(maxsize=4096)
def parse_day(text: str) -> date | None:
    """One date in words or digits, day first; None when it is not a real date."""
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings=DMY)
    return parsed.date() if parsed else None


def _last_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str) -> tuple[list[DateMention], list[str]]:
    """Every date in `text`, in order, and a warning for each that could not be a real date."""
    taken = [m.span() for m in _URL.finditer(text)]
    found: list[DateMention] = []
    warnings: list[str] = []

    def free(span) -> bool:
        return all(span[1] <= s or span[0] >= e for s, e in taken)

    def add(match, first, last, precision, note=""):
        taken.append(match.span())
        found.append(DateMention(match.start(), match.end(), first, last, precision, note))

    def invalid(match):
        taken.append(match.span())
        warnings.append(f"“{match.group(0)}” is not a real date; it was left out.")

    for match in _DAY_MONTH_YEAR.finditer(text):
        month = month_number(match["m"])
        if month is None or not free(match.span()):
            continue
        day = parse_day(f"{int(match['d'])} {calendar.month_name[month[0]]} {match['y']}")
        add(match, day, day, "day", month[1]) if day else invalid(match)
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = month_number(match["m"])
        if month is None or not free(match.span()):
            continue
        day = parse_day(f"{int(match['d'])} {calendar.month_name[month[0]]} {match['y']}")
        add(match, day, day, "day", month[1]) if day else invalid(match)
    for match in _ISO.finditer(text):
        if free(match.span()):
            day = parse_day(match.group(0))
            add(match, day, day, "day") if day else invalid(match)
    for match in _NUMERIC.finditer(text):
        if free(match.span()):
            day = parse_day(f"{match['d']}/{match['mo']}/{match['y']}")
            add(match, day, day, "day") if day else invalid(match)
    for match in _MONTH_YEAR.finditer(text):
        month = month_number(match["m"])
        if month is None or not free(match.span()):
            continue
        first = parse_day(f"1 {calendar.month_name[month[0]]} {match['y']}")
        if first is None:
            continue
        pre = (match["pre"] or "").lower()
        last = _last_of_month(first.year, first.month)
        if pre.startswith("mid"):
            add(match, first.replace(day=15), first.replace(day=15), "day", month[1])
        elif "end" in pre:
            add(match, last, last, "day", month[1])
        elif pre:
            add(match, first, first, "day", month[1])
        else:
            add(match, first, last, "month", month[1])
    for match in _FINANCIAL_YEAR.finditer(text):
        y1, raw = int(match["y1"]), match["y2"]
        y2 = {1: y1 // 10 * 10, 2: y1 // 100 * 100}.get(len(raw), 0) + int(raw)
        if y2 == y1 + 1 and free(match.span()):
            add(match, date(y1, 4, 1), date(y2, 3, 31), "financial year")
    found.sort(key=lambda m: m.start)
    return found, warnings


_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*(?:the\s+(?:end\s+of\s+)?)?", re.IGNORECASE)


def find_ranges(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """Pairs of dates written as a period: "from X to Y", "X - Y", "between X and Y", "X until Y"."""
    ranges = []
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start]
        if not _RANGE_JOIN.fullmatch(between) or b.last < a.first:
            continue
        consecutive_years = a.precision == b.precision == "financial year" and b.first.year == a.last.year
        if between.strip().lower() == "and" and not consecutive_years and not re.search(
                r"between\s+$", text[max(0, a.start - 12):a.start], re.I):
            continue  # "in 2023/24 and 2024/25" is a period; "1 April and 30 June" are two days
        ranges.append((a, b))
    return ranges
