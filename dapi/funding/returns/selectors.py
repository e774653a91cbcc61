"""Reads of spend returns for the agreement page and the API: each quarter of an agreement's term
with its return (if any), when it was due and whether it is late, and what the user may do."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from ..models import Agreement
from . import access
from .models import ReturnStatus, SpendReturn, SpendReturnLine
from .periods import agreement_quarters, due_on, profile, quarter_label, quarter_start


@dataclass
class QuarterRow:
    financial_year: int
    quarter: int
    due_on: date
    spend_return: SpendReturn | None
    profile: Decimal | None = None

    @property
    def label(self) -> str:
        return quarter_label(self.financial_year, self.quarter)

    def late_on(self, today: date) -> bool:
        """Submitted after its due date, or still missing after it."""
        if self.spend_return is not None and self.spend_return.submitted_on is not None:
            return self.spend_return.submitted_on > self.due_on
        return today > self.due_on


@dataclass
class AgreementReturns:
    rows: list[QuarterRow]
    today: date
    can_submit: bool
    can_review: bool
    late: list[QuarterRow] = field(default_factory=list)


def _with_lines(returns):
    return returns.prefetch_related(Prefetch("lines", queryset=SpendReturnLine.objects.order_by("pk")))


def agreement_returns(user, agreement: Agreement, today: date) -> AgreementReturns:
    """Each quarter of `agreement`'s term that has begun by `today`, with its return, due date and
    lateness (returns for quarters outside the recorded term are listed too); whether `user` may
    submit returns for it and review them. The caller has checked `user` may see the agreement."""
    returns = {(r.financial_year, r.quarter): r for r in _with_lines(SpendReturn.objects.filter(agreement=agreement))}
    keys = [k for k in agreement_quarters(agreement) if _started(k, today)] + list(returns)
    rows = [QuarterRow(fy, q, due_on(fy, q), returns.get((fy, q)), profile(agreement, fy, q))
            for fy, q in sorted(set(keys))]
    result = AgreementReturns(rows, today, can_submit=access.can_submit_return(user, agreement),
                              can_review=access.can_review_return(user, SpendReturn(agreement=agreement)))
    result.late = [row for row in rows if row.late_on(today)]
    return result


def _started(key, today: date) -> bool:
    return quarter_start(*key) <= today


def spend_return_page(user, return_id) -> tuple[SpendReturn, list[SpendReturnLine], bool]:
    """A spend return `user` may see, with its lines, and whether they may review it; Http404 otherwise."""
    spend_return = access.spend_return_get_for(user, return_id)
    lines = list(spend_return.lines.order_by("pk"))
    return spend_return, lines, access.can_review_return(user, spend_return)


def queried_return(agreement: Agreement, year, quarter) -> SpendReturn | None:
    """The agreement's queried return for the quarter named by a link's ?year=&quarter= (to submit
    again), or None for anything else."""
    if not (str(year).isdigit() and str(quarter).isdigit()):
        return None
    return (SpendReturn.objects.filter(agreement=agreement, financial_year=int(year), quarter=int(quarter),
                                       status=ReturnStatus.QUERIED).prefetch_related("lines").first())
