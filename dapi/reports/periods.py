"""Financial-year quarters and money shared into a period by days."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dapi.lib.money import FinancialYear, overlap_days, pence

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


@dataclass(frozen=True)
class Quarter:
    year: FinancialYear
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = _QUARTER.match(text.strip().upper())
        if not match:
            raise ValueError(f"{text!r} is not a quarter like 2023Q3 (the third quarter of 2023/24)")
        return cls(FinancialYear(int(match[1])), int(match[2]))

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.number - 1)
        return date(self.year.start_year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        following = Quarter(FinancialYear(self.year.start_year + 1), 1) if self.number == 4 else Quarter(
            self.year, self.number + 1)
        return date.fromordinal(following.start.toordinal() - 1)

    def __str__(self) -> str:
        return f"{self.year} Q{self.number}"


def share_in(amount: Decimal | None, per_annum: bool, start: date | None, end: date, period) -> Decimal | None:
    """The part of an amount over [start, end] that falls in `period`."""
    if amount is None or start is None:
        return None
    days = overlap_days(start, end, period.start, period.end)
    if per_annum:
        return pence(amount * days / FinancialYear.of(period.start).days)
    return pence(amount * days / ((end - start).days + 1))
