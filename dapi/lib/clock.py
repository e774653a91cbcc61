"""Today's date for business rules. `DAPI_TODAY` (ISO date) pins it, for demonstrations set in
the past (`dapi demo --today 2023-02-01`); pages and the API may also take `?today=` to view as
of a date, and reports a `?period=` (a financial year).

What a request may ask for is bounded: as-of dates from EARLIEST to YEARS_AHEAD years after the
real today, and financial years inside that span. Work grows with the span between a ledger's
first day and the as-of date (funding tables, charts), so an unbounded date let one request take
tens of seconds and megabytes of chart (`?today=9999-12-30`), and the year 9999/00 ended in a
server error. Anything else is refused with OutOfBounds (400) before any work is done."""

import os
from datetime import date

from django.utils import timezone

from dapi.lib.errors import OutOfBounds
from dapi.lib.money import FinancialYear

EARLIEST = date(2000, 1, 1)
# `dapi demo` pins this date unless told another (--today): the seeds are 2018-2024, and on it their
# stories are live: Hampshire's perpetrator service inside its horizon with the extension open to
# it, Cleveland's interim coordinator in post, Project CARA near the end of 2023/24. The Jenkins
# Centre's cliff edge (bid pending, decision due 17 Mar 2023) is a year earlier: JENKINS_CLIFF_EDGE.
DEMONSTRATION_DATE = date(2024, 3, 15)
JENKINS_CLIFF_EDGE = date(2023, 3, 1)
YEARS_AHEAD = 10


def today() -> date:
    pinned = os.environ.get("DAPI_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return timezone.localdate()


def pinned() -> date | None:
    """The pinned date (DAPI_TODAY), if there is one: the demo banner says so."""
    value = os.environ.get("DAPI_TODAY")
    return date.fromisoformat(value) if value else None


def latest() -> date:
    """The last day a request may ask about: YEARS_AHEAD years after the real today (or after a
    pinned today, if that is later)."""
    base = max(timezone.localdate(), today())
    try:
        return base.replace(year=base.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return base.replace(year=base.year + YEARS_AHEAD, day=28)


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _accepted(field: str) -> str:
    return f"?{field}= must be a date like 2023-02-01, from {_day(EARLIEST)} to {_day(latest())}."


def bounded(day: date, field: str = "today") -> date:
    """`day` if a request may ask about it; OutOfBounds naming `field` and the range otherwise."""
    if not EARLIEST <= day <= latest():
        raise OutOfBounds(field, _accepted(field))
    return day


def as_of(day: date | None, field: str = "today") -> date:
    """An as-of date a request gave (already a date, as the API parses it), bounded; today when absent."""
    return today() if day is None else bounded(day, field)


def parse_as_of(value: str | None, field: str = "today") -> date:
    """An as-of date from a query string, bounded; today when absent or empty. A value that is not
    an ISO date, or is out of range, is refused with OutOfBounds (400), never silently replaced."""
    if not value:
        return today()
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise OutOfBounds(field, _accepted(field)) from None
    return bounded(day, field)


def as_of_from(query, field: str = "today") -> date:
    """The as-of date of a query string: `?today=` as an ISO date (links, the API), or the three boxes
    of the GOV.UK date input the pages offer (`today_day`, `today_month`, `today_year`); bounded, and
    today when neither is given. Boxes that do not make a real day are refused as any bad date is."""
    parts = [(query.get(f"{field}_{part}") or "").strip() for part in ("day", "month", "year")]
    if query.get(field) or not any(parts):
        return parse_as_of(query.get(field), field)
    try:
        day = date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        raise OutOfBounds(field, _accepted(field)) from None
    return bounded(day, field)


def period_bounds() -> tuple[FinancialYear, FinancialYear]:
    """The first and last financial years a request may ask about (those holding EARLIEST and latest())."""
    return FinancialYear.of(EARLIEST), FinancialYear.of(latest())


def parse_period(value: str | None, field: str = "period") -> FinancialYear | None:
    """A financial year ("2023/24") from a query string, within period_bounds(); None when absent
    or empty. Anything else is refused with OutOfBounds (400)."""
    if not value:
        return None
    first, last = period_bounds()
    try:
        year = FinancialYear.parse(value.strip())
    except ValueError:
        year = None
    if year is None or not first <= year <= last:
        raise OutOfBounds(field, f"?{field}= must be a financial year like 2023/24, from {first} to {last}.")
    return year
