"""Financial-year quarters of spend returns (quarter 1 = April to June), when a return is due, and
the profile: what an agreement's stated value puts into a quarter, shared by days over its term."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

from dapi.lib.money import FinancialYear, overlap_days, pence


def quarter_start(financial_year: int, quarter: int) -> date:
    month = 4 + 3 * (quarter - 1)
    return date(financial_year + (month > 12), (month - 1) % 12 + 1, 1)


def quarter_end(financial_year: int, quarter: int) -> date:
    following = quarter_start(financial_year + 1, 1) if quarter == 4 else quarter_start(financial_year, quarter + 1)
    return following - timedelta(days=1)


def quarter_label(financial_year: int, quarter: int) -> str:
    return f"{FinancialYear(financial_year)} Q{quarter}"


def quarter_of(day: date) -> tuple[int, int]:
    fy = FinancialYear.of(day).start_year
    return fy, (day.month - 4) % 12 // 3 + 1


def due_on(financial_year: int, quarter: int) -> date:
    """The last day a return for the quarter is on time: DAPI_SPEND_RETURN_DUE_DAYS after its end."""
    return quarter_end(financial_year, quarter) + timedelta(days=settings.DAPI_SPEND_RETURN_DUE_DAYS)


def agreement_quarters(agreement) -> list[tuple[int, int]]:
    """The quarters an agreement's term touches, in order; none when its start is not stated."""
    if agreement.start is None:
        return []
    quarters, day = [], agreement.start
    while day <= agreement.funded_until:
        fy, q = quarter_of(day)
        quarters.append((fy, q))
        day = quarter_end(fy, q) + timedelta(days=1)
    return quarters


def in_term(agreement, financial_year: int, quarter: int) -> bool:
    """Whether the quarter overlaps the agreement's term (from its start, when stated, to the day its
    funding ends)."""
    start = agreement.start or date.min
    return overlap_days(start, agreement.funded_until, quarter_start(financial_year, quarter),
                        quarter_end(financial_year, quarter)) > 0


def profile(agreement, financial_year: int, quarter: int) -> Decimal | None:
    """The agreement's stated value shared into the quarter by days over its term; None when its
    value or start is not stated."""
    if agreement.value is None or agreement.start is None:
        return None
    days = overlap_days(agreement.start, agreement.end, quarter_start(financial_year, quarter),
                        quarter_end(financial_year, quarter))
    return pence(agreement.value * days / ((agreement.end - agreement.start).days + 1))


def variance_share(amount: Decimal, expected: Decimal | None) -> Decimal | None:
    """How far spend is from the profile, as a share of the profile (0.25 = 25%); None without a
    profile. Any spend against a profile of nothing counts as wholly different (1)."""
    if expected is None:
        return None
    if expected == 0:
        return Decimal("0") if amount == 0 else Decimal("1")
    return abs(amount - expected) / expected


def needs_explanation(amount: Decimal, expected: Decimal | None) -> bool:
    share = variance_share(amount, expected)
    return share is not None and share > settings.DAPI_SPEND_VARIANCE_SHARE
