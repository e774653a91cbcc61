"""Dates people give of things that have happened (a session, an assessment, a decision): they
cannot be after today (STYLE.md), and the refusal names the field; and calendar arithmetic."""

import calendar
from datetime import date

from dapi.lib.clock import today


def future_errors(dates: dict[str, tuple[str, date | None]]) -> dict[str, str]:
    """`dates` by field name: (what the date is, the date). An error naming each field whose date
    is after today (`clock.today()`, which a demonstration may pin), for a ValidationError."""
    now = today()
    return {name: f"{what} cannot be in the future: {day:%d %b %Y} is after today ({now:%d %b %Y})."
            for name, (what, day) in dates.items() if day is not None and day > now}


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier when negative), kept inside the month:
    31 Aug plus six months is 28 Feb (29 in a leap year)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
