"""Money and financial years: Decimal pence, UK financial years (1 April - 31 March)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def pence(value) -> Decimal:
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


def format_gbp(value: Decimal | None) -> str:
    if value is None:
        return "not stated"
    return f"£{pence(value):,.2f}"


@dataclass(frozen=True, order=True)
class FinancialYear:
    """The UK financial year starting 1 April of `start_year`, written "2023/24"."""

    start_year: int

    @classmethod
    def of(cls, day: date) -> "FinancialYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def parse(cls, label: str) -> "FinancialYear":
        first, _, second = label.partition("/")
        start = int(first)
        # A year whose 31 March a date cannot hold (9999/00 ends in the year 10000) is not a year.
        if not second or (start + 1) % 100 != int(second) or not 1 <= start < date.max.year:
            raise ValueError(f"{label!r} is not a financial year like 2023/24")
        return cls(start)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"


def financial_years(start: date, end: date) -> list[FinancialYear]:
    first, last = FinancialYear.of(start), FinancialYear.of(end)
    return [FinancialYear(y) for y in range(first.start_year, last.start_year + 1)]


def overlap_days(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    lo, hi = max(a_start, b_start), min(a_end, b_end)
    return max(0, (hi - lo).days + 1)


def spread_total(amount: Decimal, start: date, end: date) -> dict[FinancialYear, Decimal]:
    """Split a total over the financial years of [start, end] pro rata by days.

    Each share is rounded to the penny and the last year takes the remainder, so the shares
    always add up to `amount` exactly.
    """
    years = financial_years(start, end)
    total_days = (end - start).days + 1
    shares: dict[FinancialYear, Decimal] = {}
    allocated = Decimal("0")
    for fy in years[:-1]:
        share = pence(amount * overlap_days(start, end, fy.start, fy.end) / total_days)
        shares[fy] = share
        allocated += share
    shares[years[-1]] = pence(amount) - allocated
    return shares


def expand_per_annum(amount: Decimal, start: date, end: date) -> dict[FinancialYear, Decimal]:
    """Expand a per-annum amount over [start, end]: a full financial year gets the whole amount,
    a part year its share by days (rounded to the penny)."""
    shares = {}
    for fy in financial_years(start, end):
        days = overlap_days(start, end, fy.start, fy.end)
        shares[fy] = pence(amount) if days == fy.days else pence(amount * days / fy.days)
    return shares


def shares_by_year(amount: Decimal, per_annum: bool, start: date, end: date) -> dict[FinancialYear, Decimal]:
    """An amount over [start, end] per financial year: a per-annum amount expanded, a total spread."""
    return expand_per_annum(amount, start, end) if per_annum else spread_total(amount, start, end)

