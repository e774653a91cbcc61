"""Reads over decisions: reconciliation of stated totals, overdue resolutions."""

from datetime import date

from django.db.models import F, QuerySet

from dapi.funding.reconcile import Reconciliation

from .models import Decision, Resolution, ResolutionStatus, StatedTotal, TotalComponent


def _component_lines(decision: Decision, total: StatedTotal):
    def wanted(item) -> bool:
        return total.programme_id is None or item.programme_id == total.programme_id

    if total.component == TotalComponent.AGREEMENTS:
        return [(f"{a.provider or 'Provider not stated'}: {a.title}", a.value)
                for a in decision.agreements.all() if wanted(a)]
    if total.component == TotalComponent.ALLOCATIONS:
        return [(f"{al.recipient} ({al.fy})", al.amount) for al in decision.allocations.all()
                if wanted(al) and (total.financial_year is None or al.financial_year == total.financial_year)]
    lines = [(f"{aw.funder}: {aw.title}", aw.amount) for aw in decision.awards.all() if wanted(aw)]
    lines += [(f"{m.partner}" + (f" ({m.partner_description})" if m.partner_description else ""), m.amount)
              for m in decision.match_contributions.all() if wanted(m)]
    return lines


def decision_reconciliations(decision: Decision) -> list[Reconciliation]:
    """Each total the record states, against the linked money it should add up to."""
    return [
        Reconciliation(t.label, t.amount, _component_lines(decision, t))
        for t in decision.stated_totals.all()
    ]


def resolutions_overdue(resolutions: QuerySet[Resolution], today: date) -> QuerySet[Resolution]:
    """Open resolutions whose due date has passed."""
    return resolutions.filter(status=ResolutionStatus.OPEN, due_on__lt=today).order_by("due_on")


def resolutions_open(resolutions: QuerySet[Resolution]) -> QuerySet[Resolution]:
    return resolutions.filter(status=ResolutionStatus.OPEN).order_by(F("due_on").asc(nulls_last=True))
