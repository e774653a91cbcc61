"""Actual against target for an agreement's targets, with a red, amber or green status.

Counted measures come from the case data through the function `settings.DAPI_KPI_COUNTS` names
(a dotted path: funding stands below cases and cannot import them; the project's settings name
`dapi.reports.kpis.agreement_counts`); the provider's own measures from what it entered. The target
for a year is expected pro rata over the part of the year the agreement covers, so a year in progress
is judged on the days gone: actual / expected at or above `DAPI_KPI_GREEN_PERCENT` (default 95) is
green, at or above `DAPI_KPI_AMBER_PERCENT` (default 80) amber, below it red.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string

from dapi.lib.money import FinancialYear

from .models import Agreement, Target

GREEN, AMBER, RED = "green", "amber", "red"


@dataclass
class TargetRow:
    target: Target
    start: date
    end: date
    actual: int | None
    expected: Decimal
    status: str | None  # None: nothing to judge yet (no actual, or the period has not begun)

    @property
    def source(self) -> str:
        return "case data" if self.target.counted else "provider"


def period_of(agreement: Agreement, financial_year: int) -> tuple[date, date]:
    """The part of the financial year the agreement covers (the whole year when its start is not stated)."""
    fy = FinancialYear(financial_year)
    return max(fy.start, agreement.start or fy.start), min(fy.end, agreement.funded_until)


def status_of(actual: int | None, expected: Decimal) -> str | None:
    if actual is None:
        return None
    if expected <= 0:
        return GREEN
    share = Decimal(actual) * 100 / expected
    if share >= settings.DAPI_KPI_GREEN_PERCENT:
        return GREEN
    return AMBER if share >= settings.DAPI_KPI_AMBER_PERCENT else RED


def target_rows(agreement: Agreement, targets: list[Target], today: date) -> list[TargetRow]:
    """Each of `targets` with its actual to `today`, what was expected by then and its status."""
    count = import_string(settings.DAPI_KPI_COUNTS)
    counted: dict[int, dict[str, int]] = {}
    rows = []
    for t in targets:
        start, end = period_of(agreement, t.financial_year)
        upto = min(end, today)
        if upto < start or end < start:
            rows.append(TargetRow(t, start, end, None, Decimal("0"), None))
            continue
        share = Decimal((upto - start).days + 1) / Decimal((end - start).days + 1)
        expected = (Decimal(t.target) * share).quantize(Decimal("0.1"))
        if t.counted:
            if t.financial_year not in counted:
                counted[t.financial_year] = count(agreement, start, upto)
            actual = counted[t.financial_year].get(t.measure)
        else:
            actual = t.actual
        rows.append(TargetRow(t, start, end, actual, expected, status_of(actual, expected)))
    return rows
