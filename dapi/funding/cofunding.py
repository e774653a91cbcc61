"""What a co-funder's cut would do to an agreement's schedule, and which funding conditions are a risk.

A cut of `percentage` (or of an amount a year, taken as a percentage of the partner's money in the
year it starts) from a financial year reduces the partner's lines from the first day of that year;
each `MirroredReduction` that follows the partner reduces the follower's lines by the same percentage
(the decision says it *may*: the proposal shows it, and a decision approves it or not). A line running
across that day is split in two: as it was until the day before, reduced from it. The result is the
whole proposed schedule (`Proposal.lines`, the service arguments of agreement_update), shown against
the current one year by year; nothing is written here (services/cofunding.py applies it).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from dapi.lib.money import FinancialYear, format_gbp, pence

from .models import (
    Agreement, AgreementContribution, Basis, CoFunderCut, FundingCondition, FundingStatus, MirroredReduction,
)

HUNDRED = Decimal("100")


class CutRefused(ValueError):
    """The cut cannot be applied to the schedule as it stands; `field` names what is wrong."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass
class Change:
    partner: object
    before: Decimal  # the partner's money in the cut's first year, before and after
    after: Decimal
    mirrored: bool

    @property
    def reduction(self) -> Decimal:
        return self.before - self.after


@dataclass
class PartnerYears:
    partner: object
    current: dict[FinancialYear, Decimal]
    proposed: dict[FinancialYear, Decimal]

    def changed(self, fy: FinancialYear) -> bool:
        return self.current.get(fy, Decimal("0")) != self.proposed.get(fy, Decimal("0"))


@dataclass
class Proposal:
    cut: CoFunderCut
    percentage: Decimal
    changes: list[Change]
    lines: list[dict]
    years: list[FinancialYear] = field(default_factory=list)
    partners: list[PartnerYears] = field(default_factory=list)

    @property
    def years_from(self) -> list[FinancialYear]:
        """The years from the cut's first: the ones it can change (the earlier ones stay as they are)."""
        return [fy for fy in self.years if fy.start_year >= self.cut.from_year]

    def totals(self) -> tuple[dict[FinancialYear, Decimal], dict[FinancialYear, Decimal]]:
        zero = Decimal("0")
        return ({fy: sum((p.current.get(fy, zero) for p in self.partners), zero) for fy in self.years},
                {fy: sum((p.proposed.get(fy, zero) for p in self.partners), zero) for fy in self.years})


def line_dict(line: AgreementContribution, **changes) -> dict:
    values = {"partner": line.partner, "amount": line.amount, "basis": line.basis, "is_cap": line.is_cap,
              "condition": line.condition, "start": line.start, "end": line.end}
    return values | changes


def by_partner(agreement: Agreement, lines) -> dict[int, tuple[object, dict[FinancialYear, Decimal]]]:
    """Each partner's money per financial year over all its lines."""
    out: dict[int, tuple[object, dict]] = {}
    for line in lines:
        years = out.setdefault(line.partner.pk, (line.partner, {}))[1]
        for fy, amount in line.shares_by_year(agreement).items():
            years[fy] = years.get(fy, Decimal("0")) + amount
    return out


def cut_percentage(agreement: Agreement, lines, cut: CoFunderCut) -> Decimal:
    """The cut as a percentage of the partner's money in its first year; CutRefused when it has none
    then, or the amount is more than it."""
    fy = FinancialYear(cut.from_year)
    base = by_partner(agreement, lines).get(cut.partner_id, (None, {}))[1].get(fy, Decimal("0"))
    if base <= 0:
        raise CutRefused("from_year", f"{cut.partner} pays nothing in {fy} under this agreement: choose a year "
                                      f"its contribution covers.")
    if cut.percentage is not None:
        return cut.percentage
    if cut.amount > base:
        raise CutRefused("amount", f"{format_gbp(cut.amount)} is more than the {format_gbp(base)} {cut.partner} "
                                   f"pays in {fy}.")
    return cut.amount * HUNDRED / base


def _reduced(amount: Decimal, percentage: Decimal) -> Decimal:
    return pence(amount * (HUNDRED - percentage) / HUNDRED)


def _split(agreement: Agreement, line: AgreementContribution, day: date, percentage: Decimal) -> list[dict]:
    """`line` reduced by `percentage` from `day`: unchanged when it ends before, reduced when it
    starts on or after it, otherwise two lines."""
    start, end = line.period(agreement)
    if end < day:
        return [line_dict(line)]
    if start >= day:
        return [line_dict(line, amount=_reduced(line.amount, percentage))]
    before = line.amount
    if line.basis == Basis.TOTAL:  # the part of the total paid before the day, as the schedule spreads it
        before = sum((a for fy, a in line.shares_by_year(agreement).items() if fy.end < day), Decimal("0"))
    after = line.amount if line.basis == Basis.PER_ANNUM else line.amount - before
    return [line_dict(line, amount=before, end=day - timedelta(days=1)),
            line_dict(line, amount=_reduced(after, percentage), start=day)]


def proposal(agreement: Agreement, lines: list[AgreementContribution], rules: list[MirroredReduction],
             cut: CoFunderCut) -> Proposal:
    """The schedule `cut` and the mirrored reductions would give `agreement` (its current `lines`);
    CutRefused when it cannot apply (see cut_percentage, and the year must be within the term)."""
    fy = FinancialYear(cut.from_year)
    if not agreement.start:
        raise CutRefused("from_year", "The agreement's start date is not stated, so its schedule has no years.")
    if not (agreement.start <= fy.end and fy.start <= agreement.end):
        raise CutRefused("from_year", f"{fy} is outside the agreement's term ({agreement.start:%-d %b %Y} to "
                                      f"{agreement.end:%-d %b %Y}): choose a year of the term.")
    percentage = cut_percentage(agreement, lines, cut)
    followers = {r.partner_id for r in rules if r.follows_id == cut.partner_id and r.partner_id != cut.partner_id}
    affected = {cut.partner_id} | followers
    day = max(fy.start, agreement.start)
    new_lines = []
    for line in lines:
        new_lines += _split(agreement, line, day, percentage) if line.partner_id in affected else [line_dict(line)]
    proposed = [AgreementContribution(**values) for values in new_lines]
    before, after = by_partner(agreement, lines), by_partner(agreement, proposed)
    changes = [Change(before[pk][0], before[pk][1].get(fy, Decimal("0")), after[pk][1].get(fy, Decimal("0")),
                      mirrored=pk != cut.partner_id) for pk in [cut.partner_id, *sorted(followers)] if pk in before]
    years = sorted({y for _, ys in (*before.values(), *after.values()) for y in ys})
    partners = [PartnerYears(org, years_before, after.get(pk, (org, {}))[1]) for pk, (org, years_before) in before.items()]
    return Proposal(cut, pence(percentage), changes, new_lines, years, partners)


@dataclass
class FundingRisk:
    condition: FundingCondition
    message: str


def funding_risks(conditions: list[FundingCondition], today: date) -> list[FundingRisk]:
    """The funding conditions unmet on `today` (not forthcoming, or still unknown after the date it
    should have been known by), each said in words."""
    risks = []
    for c in conditions:
        if not c.is_unmet(today):
            continue
        whose = f"{c.partner}'s contribution to {c.agreement.title} depends on {c.funding}"
        state = ("which is not forthcoming" if c.status == FundingStatus.NOT_FORTHCOMING
                 else f"which is still not known: it was due to be known by {c.known_by:%-d %b %Y}")
        risks.append(FundingRisk(c, f"{whose}, {state}."))
    return risks
