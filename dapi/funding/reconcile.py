"""Breakdowns checked against their stated totals. A mismatch is reported, never hidden."""

from dataclasses import dataclass
from decimal import Decimal

from dapi.lib.money import pence

from .models import Agreement, Basis


def schedule_total(agreement: Agreement, lines) -> Decimal | None:
    """What an agreement's partner schedule adds up to over its term, each line over its own part
    of it (None without a term)."""
    if not agreement.start:
        return None
    return sum((sum(line.shares_by_year(agreement).values(), Decimal("0")) for line in lines), Decimal("0"))


@dataclass
class Reconciliation:
    label: str
    stated: Decimal | None
    lines: list[tuple[str, Decimal | None]]

    @property
    def computed(self) -> Decimal:
        return pence(sum((amount for _, amount in self.lines if amount is not None), Decimal("0")))

    @property
    def unstated_lines(self) -> int:
        return sum(1 for _, amount in self.lines if amount is None)

    @property
    def difference(self) -> Decimal | None:
        return None if self.stated is None else pence(self.computed - self.stated)

    @property
    def reconciles(self) -> bool | None:
        """True or False when there is a stated total to check against; None when there is not."""
        if self.stated is None:
            return None
        return self.difference == 0 and self.unstated_lines == 0

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "stated": None if self.stated is None else str(pence(self.stated)),
            "computed": str(self.computed),
            "difference": None if self.difference is None else str(self.difference),
            "reconciles": self.reconciles,
            "lines": [{"label": label, "amount": None if a is None else str(pence(a))} for label, a in self.lines],
        }


def agreement_reconciliation(agreement) -> Reconciliation | None:
    """The agreement's partner schedule over its term against its stated value."""
    lines = list(agreement.contributions.all())
    if not lines:
        return None
    label_lines = []
    for line in lines:
        one = schedule_total(agreement, [line])
        basis = " per annum" if line.basis == Basis.PER_ANNUM else ""
        cap = "up to " if line.is_cap else ""
        period = f" ({line.period_label})" if line.period_label else ""
        label_lines.append((f"{line.partner}: {cap}£{line.amount:,.2f}{basis}{period}", one))
    return Reconciliation(f"Schedule of {agreement.title}", agreement.value, label_lines)


def award_match_reconciliation(award) -> Reconciliation | None:
    """Match contributions recorded against the match funding an award requires."""
    if award.match_required is None:
        return None
    lines = [(str(m.partner), m.amount) for m in award.match_contributions.all()]
    return Reconciliation(f"Match funding required by {award.title}", award.match_required, lines)
