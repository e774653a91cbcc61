"""The evidence about one programme for one financial year, as a panel pack or dashboard shows it.

Every figure carries a numbered note saying how it was computed. Counts about people pass
through disclosure control when the evidence is for publication (`published=True`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from dapi.lib.aggregates import recounted_every, remembered
from dapi.cases.exits import EXIT_REASONS
from dapi.cases.models import Case, CaseStatus, DisruptionKind, ForumAction, ReferralStatus
from dapi.decisions.models import Decision, Resolution, ResolutionStatus
from dapi.decisions.selectors import decision_reconciliations
from dapi.lib.money import FinancialYear
from dapi.funding.ledger import Ledger, load_ledger
from dapi.funding.runway import FundingTable, Runway, funding_table, programme_runway
from dapi.funding.models import ReturnStatus, SpendReturn
from dapi.identification.outcomes import programme_outcomes

from .comparison import comparison_section
from .counts import NOT_RECORDED, programme_counts, total
from .disclosure import Cell, protect_count, protect_series, rate
from .periods import Quarter, share_in
from .targets import target_evidence
from .equality import equality_evidence
from .victim_outcomes import PairTable, victim_outcome_evidence


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
    ledger: Ledger
    decisions: list = field(default_factory=list)
    referrals: list[Row] = field(default_factory=list)
    referrals_total: Cell | None = None
    cases: list[Row] = field(default_factory=list)
    cases_total: Cell | None = None
    exits: list[Row] = field(default_factory=list)
    exits_total: Cell | None = None
    engagement: list[tuple[str, str, int]] = field(default_factory=list)
    victims: list[Row] = field(default_factory=list)
    outcomes: list[tuple[str, str, int]] = field(default_factory=list)
    police_outcomes: str = ""
    comparison: object = None  # reports.comparison.ComparisonSection
    victim_outcomes: PairTable | None = None
    equality: dict = field(default_factory=dict)  # "perpetrators" and "victims": reports.equality.EqualityTable lists
    equality_note: int = 0
    resolutions: list = field(default_factory=list)
    overdue_actions: Cell | None = None
    eligible: Row | None = None
    spend: dict = field(default_factory=dict)
    targets: list = field(default_factory=list)  # reports.targets.TargetLine
    targets_note: int = 0
    area: object = None
    provider: object = None
    case_ids: object = None  # the cases in scope (area, provider), whatever their dates, as a pk subquery
    runway_note: int = 0
    funding_note: int = 0
    decisions_note: int = 0
    actions_note: int = 0
    counted_note: int = 0
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
                       provider=None, remember: bool = False) -> Evidence:
    """Funding and runway as of `as_of`; delivery and outcomes within `period` (cases and
    referrals are counted by their dates inside the financial year), optionally only for
    referrals from one `area` (or the areas inside it) and cases of one `provider`. With
    `remember` (dashboards), the counts may be up to DAPI_AGGREGATE_CACHE_SECONDS old, and a
    note says when they were made; packs and returns count afresh."""
    ledger = load_ledger(programme)
    ev = Evidence(programme=programme, period=period, as_of=as_of, published=published,
                  runway=programme_runway(ledger, as_of), funding=funding_table(ledger), ledger=ledger)
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
    ev.targets = target_evidence(ev)
    if ev.targets:
        ev.targets_note = ev.note(
            f"Targets of the programme's agreements for {period}: counts from the case data are of the cases the "
            "agreement's provider delivers (perpetrator side); other measures are as the provider entered them. "
            f"Expected so far: the target pro rata to the days of the year the agreement covers, to {as_of:%-d %b %Y}; "
            f"green at {settings.DAPI_KPI_GREEN_PERCENT}% of it or more, amber at {settings.DAPI_KPI_AMBER_PERCENT}% "
            "or more, red below." + (" A count of 1-4 is shown as <5 and its status is not shown." if published else ""))
    counts, counted_at = _counts(ev.programme, ev.period, remember)
    if remember and recounted_every():
        made = timezone.localtime(counted_at).strftime("%H:%M on %-d %b %Y")
        ev.counted_note = ev.note(f"Counts of referrals, cases, victims and risk outcomes made at {made}; they are "
                                  f"made again at most every {recounted_every()} minutes.")
    count = _in_scope(ev, counts)
    _delivery(ev, count)
    _exits(ev, count)
    _outcomes(ev, count)
    _disruption(ev, count)
    ev.comparison = comparison_section(ev)
    ev.victim_outcomes = victim_outcome_evidence(ev)
    ev.equality, ev.equality_note = equality_evidence(ev)
    ev.resolutions = list(Resolution.objects.filter(meeting__programmes=programme).exclude(
        status=ResolutionStatus.DONE).select_related("meeting__body").order_by("due_on"))
    overdue = ForumAction.objects.filter(listing__case__programme=programme, status="open", due_on__lt=as_of).count()
    ev.overdue_actions = _cell(overdue, published)
    ev.actions_note = ev.note(f"Open forum actions (MARAC, MATAC, MAPPA, TATI) past their due date on "
                              f"{as_of:%-d %b %Y}, for the programme's cases.")
    return ev


def _counts(programme, period, remember: bool):
    def count():
        return programme_counts(programme.pk, period.start, period.end)

    if not remember:
        return count(), timezone.now()
    return remembered(f"evidence:{programme.pk}:{period.start}:{period.end}", count)


def _spend(ev: Evidence) -> None:
    """Budget (each agreement's value shared into the quarter by days) against the providers'
    spend returns, by partner and financial-year quarter of the period."""
    year = FinancialYear.of(ev.period.start)
    quarters = [Quarter(year, n) for n in (1, 2, 3, 4)]
    quarters = [q for q in quarters if q.end >= ev.period.start and q.start <= ev.period.end]
    returns = {(r.agreement_id, r.quarter): r.amount for r in SpendReturn.objects.filter(
        agreement__programme=ev.programme, financial_year=year.start_year, status=ReturnStatus.ACCEPTED)}
    rows = []
    for agreement in ev.ledger.agreements:
        if agreement.value is None or agreement.start is None or agreement.end < year.start or agreement.start > year.end:
            continue
        cells = [(share_in(agreement.value, False, agreement.start, agreement.end, q), returns.get((agreement.pk, q.number)))
                 for q in quarters]
        rows.append({"partner": agreement.provider.name if agreement.provider_id else agreement.title, "cells": cells})
    ev.spend = {"quarters": [f"Q{q.number}" for q in quarters], "rows": rows, "note": ev.note(
        "Budget: each agreement's stated value shared into the quarter by days; spend: the provider's spend return "
        "for that quarter once the commissioner has accepted it (blank when none has been accepted).")}


def _in_scope(ev: Evidence, counts):
    """`count(name, label="")`: one of `counts` inside the area and provider filters. Sets
    `ev.case_ids` to the cases in scope, whatever their dates."""
    cases = Case.objects.filter(programme=ev.programme)
    areas, provider = None, ev.provider.pk if ev.provider is not None else None
    if ev.area is not None:
        areas = {ev.area.pk, *ev.area.children.values_list("pk", flat=True)}
        cases = cases.filter(referral__area__in=areas)
    if provider is not None:
        cases = cases.filter(provider=provider)
    ev.case_ids = cases.values("pk")

    def count(name: str, label: str = "") -> int:
        return total(counts[name], areas, provider, label)

    return count


def _delivery(ev: Evidence, count) -> None:
    start, end = ev.period.start, ev.period.end
    labels = [(ReferralStatus.ACCEPTED, "Accepted"), (ReferralStatus.DECLINED, "Declined"),
              (ReferralStatus.RECEIVED, "Waiting to be screened")]
    cells, ev.referrals_total = _series([count("referrals", s) for s, _ in labels], ev.published)
    note = ev.note(f"Referrals received between {start:%-d %b %Y} and {end:%-d %b %Y}, by their decision.")
    ev.referrals = [Row(label, cell, note) for (_, label), cell in zip(labels, cells)]
    ev.eligible = Row("Screened eligible under the programme's rules", _cell(count("eligible"), ev.published),
                      ev.note("Referrals in the period whose screening against the programme's eligibility rules "
                              "(as data) found every rule met."))
    statuses = list(CaseStatus)
    status_at_end = {s: count("cases", s) for s in statuses}
    cells, ev.cases_total = _series([status_at_end[s] for s in statuses], ev.published)
    note = ev.note("Cases open at some time in the period, by their status at its end (a case ended after the "
                   "period counts as active).")
    ev.cases = [Row(s.label, cell, note) for s, cell in zip(statuses, cells)]
    completed = status_at_end[CaseStatus.COMPLETED]
    ended = completed + status_at_end[CaseStatus.DISENGAGED]
    engaged_cell, completed_cell = _cell(count("engaged"), ev.published), _cell(completed, ev.published)
    ended_cell = _cell(ended, ev.published)
    open_in_period = sum(status_at_end.values())
    total_cell = Cell(open_in_period) if not ev.published else protect_count(open_in_period)
    ev.engagement = [
        ("Engaged (assessed and attended at least one session)", engaged_cell.text, ev.note(
            "Engaged: the case reached assessment and he attended at least one perpetrator-side session after it.")),
        ("Engagement rate", rate(engaged_cell, total_cell), ev.note(
            "Engaged cases divided by cases open in the period; not shown when either count is suppressed.")),
        ("Completion rate of cases that ended", rate(completed_cell, ended_cell), ev.note(
            "Completed divided by completed plus disengaged; not shown when either count is suppressed.")),
    ]
    note = ev.note("Victims and children linked to the cases above; offered and engaged by the dates partner "
                   "support recorded.")
    ev.victims = [Row("Victims linked to cases", _cell(count("victims"), ev.published), note),
                  Row("Victims offered partner support", _cell(count("offered"), ev.published), note),
                  Row("Victims engaged with partner support", _cell(count("engaged_victims"), ev.published), note),
                  Row("Children in the households", _cell(count("children"), ev.published), note)]


def _exits(ev: Evidence, count) -> None:
    """Cases that ended in the period by their coded exit reason, as one series under disclosure
    control (its total is published); cases ended with no coded reason (rows written before the
    list, bulk loads) counted apart when there are any."""
    reasons = [*EXIT_REASONS, *([(NOT_RECORDED, "No coded reason recorded")] if count("exits", NOT_RECORDED) else [])]
    cells, ev.exits_total = _series([count("exits", code) for code, _ in reasons], ev.published)
    note = ev.note(f"Cases that ended between {ev.period.start:%-d %b %Y} and {ev.period.end:%-d %b %Y} (completed, "
                   "disengaged or closed), by the reason recorded from the coded list when each ended.")
    ev.exits = [Row(label, cell, note) for (_, label), cell in zip(reasons, cells)]


def _outcomes(ev: Evidence, count) -> None:
    changes = {label: count("grade_changes", label) for label in ("lower", "same", "higher")}
    repeat = count("repeat_marac")
    note = ev.note("Risk grade change: each victim's first and latest DASH grade (standard < medium < high), "
                   "for victims assessed at least twice.")
    ev.outcomes = [
        ("Victims whose risk grade fell", _cell(changes["lower"], ev.published).text, note),
        ("Victims whose risk grade stayed the same", _cell(changes["same"], ev.published).text, note),
        ("Victims whose risk grade rose", _cell(changes["higher"], ev.published).text, note),
        ("Victims referred to MARAC again within 12 months", _cell(repeat, ev.published).text, ev.note(
            "Repeat MARAC: a victim with two MARAC referrals within 365 days of each other, counted from "
            "her DASH assessments that met the criteria and her listings at MARAC meetings (a listing within "
            "56 days of a DASH referral is its hearing, not a second referral).")),
    ]
    # Only cases that entered the programme and were referred with a police identifier can have
    # police outcomes (identification.outcomes.case_outcome answers None for the others).
    police = programme_outcomes(Case.objects.filter(
        pk__in=ev.case_ids, entered_on__isnull=False, referral__isnull=False,
    ).exclude(referral__police_perpetrator_id="").select_related("referral"))
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



def _disruption(ev: Evidence, count) -> None:
    """One outcome row per kind of disruption or protective action: how many were taken in the period
    before and after the perpetrator entered the programme, each count under disclosure control."""
    start, end = ev.period.start, ev.period.end
    note = ev.note(f"Disruption and protective actions (Clare's Law disclosures, protection notices and orders, "
                   f"bail conditions, arrests, charges, breaches) taken between {start:%-d %b %Y} and "
                   f"{end:%-d %b %Y} about the perpetrators of the programme's cases, by the day they were taken: "
                   f"before he entered the programme (or while he has not entered it), or on or after that day.")
    for kind in DisruptionKind:
        before = _cell(count("disruption", f"{kind.value}:before"), ev.published)
        after = _cell(count("disruption", f"{kind.value}:after"), ev.published)
        ev.outcomes.append((f"{kind.label}: before entry / after entry", f"{before.text} / {after.text}", note))
