"""Today's date for business rules. `DAPI_TODAY` (ISO date) pins it, for demonstrations set in
the past (`dapi demo --today 2023-02-01`); pages may also take `?today=` to view as of a date."""

import os
from datetime import date

from django.utils import timezone


def today() -> date:
    pinned = os.environ.get("DAPI_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return timezone.localdate()


def parse_as_of(value: str | None) -> date:
    """An `as of` date from a query string, falling back to today when absent or invalid."""
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return today()
