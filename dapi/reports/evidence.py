"""The evidence about one programme for one financial year, as a panel pack or dashboard shows it.

Every figure carries a numbered note saying how it was computed. Counts about people pass
through disclosure control when the evidence is for publication (`published=True`).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, Prefetch, prefetch_related_objects

from dapi.cases.models import (
    Attendance, Case, CaseMember, CaseStatus, ForumAction, MemberRole, Referral, ReferralStatus, RiskAssessment, Side,
)
from dapi.decisions.models import Decision, Resolution, ResolutionStatus
from dapi.decisions.selectors import decision_reconciliations
from dapi.funding.money import FinancialYear
from dapi.funding.runway import FundingTable, Runway, funding_table, programme_runway
from dapi.funding.models import SpendReturn
from dapi.funding.selectors import PROGRAMME_PAGE_PREFETCH
from dapi.identification.outcomes import programme_outcomes

from .disclosure import Cell, protect_count, protect_series, rate
from .periods import Quarter, share_in


@dataclass
class Row:
    label: str
    cell: Cell
    note: int


@dataclass
class Evidence:
    programme: object
    period: FinancialYear
    as_of: date
    published: bool
    runway: Runway
    funding: FundingTable
    decisions: list = field(default_factory=list)
    referrals: list[Row] = field(default_factory=list)
    referrals_total: Cell | None = None
    cases: list[Row] = field(default_factory=list)
    cases_total: Cell | None = None
    engagement: list[tuple[str, str, int]] = field(default_factory=list)
    victims: list[Row] = field(default_factory=list)
    outcomes: list[tuple[str, str, int]] = field(default_factory=list)
    police_outcomes: str = ""
    resolutions: list = field(default_factory=list)
    overdue_actions: Cell | None = None
    eligible: Row | None = None
    spend: dict = field(default_factory=dict)
    area: object = None
    provider: object = None
    case_ids: list = field(default_factory=list)
    runway_note: int = 0
    funding_note: int = 0
    decisions_note: int = 0
    actions_note: int = 0
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> int:
        self.notes.append(text)
        return len(self.notes)


def _cell(value: int, published: bool) -> Cell:
    return protect_count(value) if published else Cell(value)


def _series(values: list[int], published: bool) -> tuple[list[Cell], Cell]:
    if published:
        return protect_series(values)
    return [Cell(v) for v in values], Cell(sum(values))


def programme_evidence(programme, period: FinancialYear, as_of: date, *, published: bool = True, area=None,
                       provider=None) -> Evidence:
    """Funding and runway as of `as_of`; delivery and outcomes within `period` (cases and
    referrals are counted by their dates inside the financial year), optionally only for
    referrals from one `area` (or the areas inside it) and cases of one `provider`."""
    prefetch_related_objects([programme], *PROGRAMME_PAGE_PREFETCH)
    ev = Evidence(programme=programme, period=period, as_of=as_of, published=published,
                  runway=programme_runway(programme, as_of), funding=funding_table(programme))
    ev.area, ev.provider = area, provider
    ev.runway_note = ev.note(
        f"Runway as of {as_of:%-d %b %Y}: the last day covered by approved agreements and allocations that run "
        f"without a gap from that date; a cliff edge is an end within {ev.runway.horizon_days} days with no "
        "approved successor starting the next day.")
    ev.funding_note = ev.note(
        "Funding by financial year: each award, agreement, allocation and match contribution shared across the "
        "financial years it covers in proportion to days (per-annum amounts expanded per year); pending bids are "
        "shown apart from confirmed money.")
    decisions = Decision.objects.filter(
        Q(programmes=programme) | Q(agreements__programme=programme) | Q(awards__programme=programme)
        | Q(allocations__programme=programme)).distinct().order_by("decision_date", "pk")
    ev.decisions = [(d, decision_reconciliations(d)) for d in decisions]
    ev.decisions_note = ev.note(
        "Each decision record's stated totals are compared with the sum of the money it links; a difference is "
        "shown, never hidden.")
    _spend(ev)
    _delivery(ev)
    _outcomes(ev)
    ev.resolutions = list(Resolution.objects.filter(meeting__programmes=programme).exclude(
        status=ResolutionStatus.DONE).select_related("meeting__body").order_by("due_on"))
    overdue = ForumAction.objects.filter(listing__case__programme=programme, status="open", due_on__lt=as_of).count()
    ev.overdue_actions = _cell(overdue, published)
    ev.actions_note = ev.note(f"Open forum actions (MARAC, MATAC, MAPPA, TATI) past their due date on "
                              f"{as_of:%-d %b %Y}, for the programme's cases.")
    return ev


def _spend(ev: Evidence) -> None:
    """Budget (each agreement's value shared into the quarter by days) against the providers'
    spend returns, by partner and financial-year quarter of the period."""
    year = FinancialYear.of(ev.period.start)
    quarters = [Quarter(year, n) for n in (1, 2, 3, 4)]
    quarters = [q for q in quarters if q.end >= ev.period.start and q.start <= ev.period.end]
    returns = {(r.agreement_id, r.quarter): r.amount for r in SpendReturn.objects.filter(
        agreement__programme=ev.programme, financial_year=year.start_year)}
    rows = []
    for agreement in ev.programme.agreements.all():
        if agreement.value is None or agreement.start is None or agreement.end < year.start or agreement.start > year.end:
            continue
        cells = [(share_in(agreement.value, False, agreement.start, agreement.end, q), returns.get((agreement.pk, q.number)))
                 for q in quarters]
        rows.append({"partner": agreement.provider.name if agreement.provider_id else agreement.title, "cells": cells})
    ev.spend = {"quarters": [f"Q{q.number}" for q in quarters], "rows": rows, "note": ev.note(
        "Budget: each agreement's stated value shared into the quarter by days; spend: the provider's spend return "
        "for that quarter (blank when none has been made).")}


def _delivery(ev: Evidence) -> None:
    start, end = ev.period.start, ev.period.end
    referrals = Referral.objects.filter(programme=ev.programme, received_on__range=(start, end))
    cases = Case.objects.filter(programme=ev.programme)
    if ev.area is not None:
        areas = [ev.area.pk, *ev.area.children.values_list("pk", flat=True)]
        referrals, cases = referrals.filter(area__in=areas), cases.filter(referral__area__in=areas)
    if ev.provider is not None:
        referrals, cases = referrals.filter(provider=ev.provider), cases.filter(provider=ev.provider)
    ev.case_ids = list(cases.values_list("pk", flat=True))
    by_status = Counter(referrals.values_list("status", flat=True))
    labels = [(ReferralStatus.ACCEPTED, "Accepted"), (ReferralStatus.DECLINED, "Declined"),
              (ReferralStatus.RECEIVED, "Waiting to be screened")]
    cells, ev.referrals_total = _series([by_status.get(s, 0) for s, _ in labels], ev.published)
    note = ev.note(f"Referrals received between {start:%-d %b %Y} and {end:%-d %b %Y}, by their decision.")
    ev.referrals = [Row(label, cell, note) for (_, label), cell in zip(labels, cells)]
    eligible = sum(1 for r in referrals if (r.screening or {}).get("outcome") == "eligible")
    ev.eligible = Row("Screened eligible under the programme's rules", _cell(eligible, ev.published),
                      ev.note("Referrals in the period whose screening against the programme's eligibility rules "
                              "(as data) found every rule met."))
    cases = list(cases.filter(referred_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)).prefetch_related(
        Prefetch("contacts"), Prefetch("members")))
    status_at_end = Counter(c.status if not c.ended_on or c.ended_on <= end else CaseStatus.ACTIVE for c in cases)
    statuses = list(CaseStatus)
    cells, ev.cases_total = _series([status_at_end.get(s, 0) for s in statuses], ev.published)
    note = ev.note("Cases open at some time in the period, by their status at its end (a case ended after the "
                   "period counts as active).")
    ev.cases = [Row(s.label, cell, note) for s, cell in zip(statuses, cells)]
    engaged = sum(1 for c in cases if c.assessment_on and any(
        x.side == Side.PERPETRATOR and x.attendance == Attendance.ATTENDED and x.kind != "assessment"
        for x in c.contacts.all()))
    completed = status_at_end.get(CaseStatus.COMPLETED, 0)
    ended = completed + status_at_end.get(CaseStatus.DISENGAGED, 0)
    engaged_cell, completed_cell = _cell(engaged, ev.published), _cell(completed, ev.published)
    ended_cell = _cell(ended, ev.published)
    total = Cell(len(cases)) if not ev.published else protect_count(len(cases))
    ev.engagement = [
        ("Engaged (assessed and attended at least one session)", engaged_cell.text, ev.note(
            "Engaged: the case reached assessment and he attended at least one perpetrator-side session after it.")),
        ("Engagement rate", rate(engaged_cell, total), ev.note(
            "Engaged cases divided by cases open in the period; not shown when either count is suppressed.")),
        ("Completion rate of cases that ended", rate(completed_cell, ended_cell), ev.note(
            "Completed divided by completed plus disengaged; not shown when either count is suppressed.")),
    ]
    members = CaseMember.objects.filter(case__in=[c.pk for c in cases])
    victims = [m for m in members if m.role == MemberRole.VICTIM]
    children = sum(1 for m in members if m.role == MemberRole.CHILD)
    offered = sum(1 for m in victims if m.offered_support_on and m.offered_support_on <= end)
    engaged_v = sum(1 for m in victims if m.engaged_support_on and m.engaged_support_on <= end)
    note = ev.note("Victims and children linked to the cases above; offered and engaged by the dates partner "
                   "support recorded.")
    ev.victims = [Row("Victims linked to cases", _cell(len(victims), ev.published), note),
                  Row("Victims offered partner support", _cell(offered, ev.published), note),
                  Row("Victims engaged with partner support", _cell(engaged_v, ev.published), note),
                  Row("Children in the households", _cell(children, ev.published), note)]


def _outcomes(ev: Evidence) -> None:
    order = {"standard": 0, "medium": 1, "high": 2}
    by_victim: dict[int, list[RiskAssessment]] = {}
    for a in RiskAssessment.objects.filter(case__in=ev.case_ids, assessed_on__lte=ev.period.end).order_by(
            "assessed_on", "pk"):
        by_victim.setdefault(a.member_id, []).append(a)
    changes = Counter()
    repeat = 0
    for assessments in by_victim.values():
        if len(assessments) >= 2:
            first, last = order[assessments[0].grade], order[assessments[-1].grade]
            changes["lower" if last < first else "higher" if last > first else "same"] += 1
        referrals = [a.marac_referred_on or a.assessed_on for a in assessments if a.marac_referral]
        if any(b - a <= timedelta(days=365) for a, b in zip(referrals, referrals[1:])):
            repeat += 1
    note = ev.note("Risk grade change: each victim's first and latest DASH grade (standard < medium < high), "
                   "for victims assessed at least twice.")
    ev.outcomes = [
        ("Victims whose risk grade fell", _cell(changes["lower"], ev.published).text, note),
        ("Victims whose risk grade stayed the same", _cell(changes["same"], ev.published).text, note),
        ("Victims whose risk grade rose", _cell(changes["higher"], ev.published).text, note),
        ("Victims referred to MARAC again within 12 months", _cell(repeat, ev.published).text, ev.note(
            "Repeat MARAC: a victim with two MARAC referrals (from DASH) within 365 days of each other.")),
    ]
    police = programme_outcomes(Case.objects.filter(pk__in=ev.case_ids).select_related("referral"))
    if police is None:
        ev.police_outcomes = ("Police incidents and harm in the 12 months before and after entry, and the change in "
                              "RFGV score, need police incident data for the programme's perpetrators; none has been "
                              "linked to these cases, so they are not reported.")
        return
    note = ev.note("Police outcomes: for cases that entered the programme and were referred with a police "
                   "identifier, incidents and harm (days, each incident at its most harmful offence) in the 12 "
                   "months before entry and the 12 months from entry (to the latest ranked import), and RFGV at "
                   "entry against the latest rescore.")
    counted = _cell(police["cases"], ev.published)
    ev.outcomes += [
        ("Cases with police outcome data", counted.text, note),
        ("Mean change in police incidents (after minus before)",
         "not shown" if counted.hidden else f"{police['mean_incident_change']:+.2f}", note),
        ("Mean change in harm (days)", "not shown" if counted.hidden else f"{police['mean_harm_change']:+.2f}", note),
        ("Mean change in RFGV score", "not shown" if counted.hidden else f"{police['mean_rfgv_change']:+.2f}", note),
        ("With no further police incident", _cell(police["no_further_incident"], ev.published).text, note),
        ("Share with no further police incident",
         rate(_cell(police["no_further_incident"], ev.published), counted), note),
    ]
    ev.police_outcomes = ""

