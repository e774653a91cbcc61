"""Reads for an agreement's contract events, conditions checklist and co-funding rules: the agreement
page's panels and `GET /api/agreements/{id}/events`. The agreement comes from access.py (whoever may
see it sees these); `can_change` says whether to offer the forms."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from dapi.accounts.models import Organisation
from dapi.lib.money import FinancialYear, format_gbp

from .. import access
from ..cofunding import CutRefused, FundingRisk, Proposal, funding_risks, proposal
from ..models import (
    Agreement, AgreementStatus, BreakNotice, CoFunderCut, CutStatus, FundingCondition, GrantCondition,
    MirroredReduction,
)
from ..notice import last_notice_day
from ..services.events import APPROVED


def _day(value) -> str:
    return f"{value:%-d %b %Y}"


@dataclass
class HistoryRow:
    on: date
    kind: str
    text: str
    decisions: list = field(default_factory=list)


@dataclass
class ConditionRow:
    condition: GrantCondition
    overdue: bool


@dataclass
class ProposedCut:
    cut: CoFunderCut
    proposal: Proposal | None
    refused: str = ""  # why it no longer fits the schedule, when it does not

    @property
    def summary(self) -> str:
        cut, fy = self.cut, FinancialYear(self.cut.from_year)
        how = f"{cut.percentage.normalize():f}%" if cut.percentage is not None else f"{format_gbp(cut.amount)} a year"
        return f"{cut.partner} cuts its contribution by {how} from {fy} (made known {_day(cut.recorded_on)})."


@dataclass
class ContractPanel:
    agreement: Agreement
    today: date
    history: list[HistoryRow]
    conditions: list[ConditionRow]
    last_notice_day: date | None
    notice_given: BreakNotice | None
    mirror_rules: list[MirroredReduction]
    funding_conditions: list[tuple[FundingCondition, bool]]
    risks: list[FundingRisk]
    proposed_cuts: list[ProposedCut]
    can_change: bool

    @property
    def running(self) -> bool:
        return self.agreement.status not in (AgreementStatus.DRAFT, AgreementStatus.TERMINATED)

    @property
    def can_extend(self) -> bool:
        a = self.agreement
        return self.running and bool(a.extension_until) and a.extension_until > a.end

    @property
    def notice_deadline_passed(self) -> bool:
        return self.last_notice_day is not None and self.last_notice_day < self.today

    @property
    def can_give_notice(self) -> bool:
        return self.running and self.agreement.break_notice_months is not None and self.notice_given is None


def _value_change(before, after) -> str:
    return "" if after is None else f" Value {format_gbp(after)} (was {format_gbp(before)})."


def history(agreement: Agreement) -> list[HistoryRow]:
    """Every event of the agreement, oldest first (with the decisions that approved them)."""
    rows = []
    for e in agreement.extensions.prefetch_related("decisions"):
        rows.append(HistoryRow(e.exercised_on, "Extension exercised", f"Extended to {_day(e.new_end)} (was "
                               f"{_day(e.previous_end)}).{_value_change(e.previous_value, e.new_value)}"
                               + (f" {e.note}" if e.note else ""), list(e.decisions.all())))
    for v in agreement.variations.prefetch_related("decisions"):
        term = f" Ends {_day(v.new_end)} (was {_day(v.previous_end)})." if v.new_end else ""
        rows.append(HistoryRow(v.varied_on, "Variation", f"{v.description}{_value_change(v.previous_value, v.new_value)}"
                               f"{term}", list(v.decisions.all())))
    for n in agreement.break_notices.all():
        rows.append(HistoryRow(n.given_on, "Break notice given", f"{n.get_given_by_display()} gave notice: the agreement "
                               f"ends on {_day(n.effective_on)} (was {_day(n.previous_end)})"
                               + ("; its extension options lapse." if n.previous_extension_until else ".")
                               + (f" {n.note}" if n.note else "")))
    for t in agreement.terminations.all():
        rows.append(HistoryRow(t.terminated_on, "Termination", f"Terminated: {t.reason}"))
    for c in agreement.cofunder_cuts.filter(status=CutStatus.APPLIED).select_related("partner").prefetch_related(
            "decisions"):
        rows.append(HistoryRow(c.applied_on, "Co-funder's cut applied", ProposedCut(c, None).summary
                               + " The schedule was changed with the mirrored reductions.", list(c.decisions.all())))
    return sorted(rows, key=lambda r: r.on)


def proposed_cuts(agreement: Agreement) -> list[ProposedCut]:
    """The cuts awaiting a decision, each with the schedule it would give (or why it no longer fits)."""
    cuts = list(agreement.cofunder_cuts.filter(status=CutStatus.PROPOSED).select_related("partner"))
    if not cuts:
        return []
    lines = list(agreement.contributions.select_related("partner"))
    rules = list(agreement.mirrored_reductions.all())
    out = []
    for cut in cuts:
        try:
            out.append(ProposedCut(cut, proposal(agreement, lines, rules, cut)))
        except CutRefused as why:
            out.append(ProposedCut(cut, None, str(why)))
    return out


def contract_panel(user, agreement: Agreement, today: date) -> ContractPanel:
    """The events, conditions and co-funding of an agreement `user` may see (from access.py), as of `today`."""
    conditions = list(agreement.grant_conditions.all())
    funding = list(agreement.funding_conditions.select_related("partner", "funder", "agreement"))
    return ContractPanel(
        agreement=agreement, today=today, history=history(agreement),
        conditions=[ConditionRow(c, not c.is_met and c.due_on is not None and c.due_on < today) for c in conditions],
        last_notice_day=last_notice_day(agreement),
        notice_given=agreement.break_notices.order_by("given_on").first(),
        mirror_rules=list(agreement.mirrored_reductions.select_related("partner", "follows")),
        funding_conditions=[(c, c.is_unmet(today)) for c in funding],
        risks=funding_risks(funding, today) if agreement.funded_until >= today else [],
        proposed_cuts=proposed_cuts(agreement),
        can_change=access.can_change_programme(user, agreement.programme),
    )


def approving_decisions(agreement: Agreement) -> QuerySet:
    """The approved decision records of the agreement's programme, for an event's approving decision."""
    return agreement.programme.decisions.filter(status=APPROVED).order_by("-decision_date", "title")


def agreement_partners(agreement: Agreement) -> QuerySet[Organisation]:
    """The organisations with a line in the agreement's schedule."""
    return Organisation.objects.filter(agreement_contributions__agreement=agreement).distinct().order_by("name")


def proposed_cut(cut: CoFunderCut) -> ProposedCut:
    """One cut with the schedule it would give, for the page that applies it."""
    return next((p for p in proposed_cuts(cut.agreement) if p.cut.pk == cut.pk), ProposedCut(cut, None, "Applied."))
