"""Reads for the funding pages: the runway of every visible programme, one programme's whole
position, and an agreement's schedule per financial year. Each reads in a fixed number of
queries, however many rows there are."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects

from dapi.accounts.models import Organisation

from . import access
from .charts import TimelineRow, timeline_rows
from .models import (
    Agreement, AgreementContribution, Allocation, Award, Basis, Bid, MatchContribution, Programme,
    ProgrammeElement,
)
from dapi.lib.money import FinancialYear, shares_by_year
from .reconcile import Reconciliation, agreement_reconciliation
from .runway import FundingTable, Runway, funding_table, programme_runway, runway_queryset

# Everything the programme page, its runway, funding table and timeline read, with the rows'
# organisations joined in, so the page costs the same for three agreements or three hundred.
PROGRAMME_PAGE_PREFETCH = (
    "areas",
    Prefetch("elements", queryset=ProgrammeElement.objects.select_related("provider")),
    Prefetch("agreements", queryset=Agreement.objects.select_related("provider", "commissioner", "award")),
    Prefetch("agreements__contributions", queryset=AgreementContribution.objects.select_related("partner")),
    Prefetch("allocations", queryset=Allocation.objects.select_related("recipient", "area")),
    Prefetch("awards", queryset=Award.objects.select_related("funder", "recipient")),
    Prefetch("match_contributions", queryset=MatchContribution.objects.select_related("partner")),
    Prefetch("bids", queryset=Bid.objects.select_related("round__stream__funder")),
)


def programme_runways(user, today: date) -> list[Runway]:
    """The runway of each programme `user` may see, as of `today`."""
    return [programme_runway(p, today) for p in runway_queryset(access.programme_list_for(user), today)]


@dataclass
class PendingBid:
    bid: Bid
    decision_expected_on: date | None
    decision_overdue: bool


@dataclass
class ProgrammePage:
    programme: Programme
    today: date
    runway: Runway
    pending_bids: list[PendingBid]
    agreements: list[Agreement]
    ending_agreements: list[Agreement]
    extension_options: list[Agreement]
    sees_ledger: bool
    can_change: bool
    funding: FundingTable | None = None
    awards: list[Award] = field(default_factory=list)
    match_contributions: list[MatchContribution] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)


def programme_page(user, programme: Programme, today: date) -> ProgrammePage:
    """One programme's position as of `today`, cut to what `user` may see."""
    prefetch_related_objects([programme], *PROGRAMME_PAGE_PREFETCH)
    runway = programme_runway(programme, today)
    visible = set(access.agreement_list_for(user).filter(programme=programme).values_list("pk", flat=True))
    page = ProgrammePage(
        programme=programme, today=today, runway=runway,
        pending_bids=[PendingBid(b, b.expected_decision, bool(b.expected_decision and b.expected_decision < today))
                      for b in runway.pending_bids],
        agreements=[a for a in programme.agreements.all() if a.pk in visible],
        ending_agreements=[a for a in runway.ending_agreements if a.pk in visible],
        extension_options=[a for a in runway.extension_options if a.pk in visible],
        sees_ledger=access.sees_ledger(user),
        can_change=access.can_change_programme(user, programme),
    )
    if page.sees_ledger:
        page.funding = funding_table(programme)
        page.awards = list(programme.awards.all())
        page.match_contributions = list(programme.match_contributions.all())
        page.allocations = list(programme.allocations.all())
        page.timeline = timeline_rows(programme)
    return page


def programme_ledger_get_for(user, slug) -> Programme:
    """A programme whose whole ledger `user` may see, with the ledger prefetched; 404 otherwise."""
    programme = access.programme_ledger_get_for(user, slug)
    prefetch_related_objects([programme], *PROGRAMME_PAGE_PREFETCH)
    return programme


def organisation_names() -> list[str]:
    """Every organisation's name, for the organisation fields' suggestions."""
    return list(Organisation.objects.order_by("name").values_list("name", flat=True))


@dataclass
class ScheduleLine:
    contribution: AgreementContribution
    by_year: dict[FinancialYear, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.by_year.values(), Decimal("0"))


@dataclass
class Schedule:
    years: list[FinancialYear]
    lines: list[ScheduleLine]

    def totals_by_year(self) -> dict[FinancialYear, Decimal]:
        return {fy: sum((line.by_year.get(fy, Decimal("0")) for line in self.lines), Decimal("0")) for fy in self.years}

    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0"))


def agreement_schedule(agreement: Agreement) -> Schedule | None:
    """Each partner's line expanded per financial year of the term; None without a start date."""
    if not agreement.start:
        return None
    lines = []
    for c in agreement.contributions.all():
        lines.append(ScheduleLine(c, shares_by_year(c.amount, c.basis == Basis.PER_ANNUM, agreement.start, agreement.end)))
    years = sorted({fy for line in lines for fy in line.by_year})
    return Schedule(years, lines)


@dataclass
class AgreementPage:
    agreement: Agreement
    schedule: Schedule | None
    reconciliation: Reconciliation | None
    decisions: list
    spend_returns: list
    can_change: bool


def agreement_page(user, agreement: Agreement) -> AgreementPage:
    prefetch_related_objects(
        [agreement],
        Prefetch("contributions", queryset=AgreementContribution.objects.select_related("partner")),
        "spend_returns", "decisions",
    )
    return AgreementPage(
        agreement=agreement,
        schedule=agreement_schedule(agreement),
        reconciliation=agreement_reconciliation(agreement),
        decisions=list(agreement.decisions.all()),
        spend_returns=list(agreement.spend_returns.all()),
        can_change=access.can_change_programme(user, agreement.programme),
    )
