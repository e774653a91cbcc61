"""Whether an award's match funding condition is met, financial year by financial year.

The match an award requires (a total spread over the award's term by days, or a yearly amount) is
set against the contributions recorded as meeting it, each shared into the years of its own term
the same way. A year with less match than required is not met; the shortfall is shown, never hidden.
"""

from dataclasses import dataclass
from decimal import Decimal

from dapi.lib.money import FinancialYear, pence, shares_by_year

from .models import Award, Basis, MatchContribution


@dataclass
class MatchYear:
    year: FinancialYear
    required: Decimal
    provided: Decimal

    @property
    def met(self) -> bool:
        return self.provided >= self.required

    @property
    def shortfall(self) -> Decimal:
        return max(Decimal("0.00"), pence(self.required - self.provided))

    def as_dict(self) -> dict:
        return {"financial_year": str(self.year), "required": str(pence(self.required)),
                "provided": str(pence(self.provided)), "met": self.met, "shortfall": str(self.shortfall)}


@dataclass
class MatchCondition:
    award: Award
    years: list[MatchYear]

    @property
    def met(self) -> bool:
        return all(y.met for y in self.years)


def match_condition(award: Award, contributions: list[MatchContribution]) -> MatchCondition | None:
    """The award's match condition year by year against `contributions` (those naming this award
    count); None when the award states no match amount."""
    if award.match_required is None:
        return None
    required = shares_by_year(award.match_required, award.match_basis == Basis.PER_ANNUM, award.start, award.end)
    provided = {fy: Decimal("0") for fy in required}
    for m in contributions:
        if m.award_id != award.pk:
            continue
        for fy, amount in shares_by_year(m.amount, m.basis == Basis.PER_ANNUM, m.start, m.end).items():
            if fy in provided:
                provided[fy] += amount
    return MatchCondition(award, [MatchYear(fy, required[fy], pence(provided[fy])) for fy in sorted(required)])
