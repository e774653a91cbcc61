"""Reads for the funding pages, API and commands: the runway of every programme a user may see,
one programme's whole position, and an agreement's schedule per financial year, each cut to what
the user may see (access.py) and carrying what they may do (`can_change`). Each reads in a fixed
number of queries, however many rows there are (ledger.py)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from dapi.accounts.models import Organisation
from dapi.lib import clock
from dapi.lib.money import FinancialYear

from . import access
from .charts import TimelineRow, timeline_rows, timeline_svg
from .events.selectors import ContractPanel, contract_panel
from .ledger import load_ledger, load_ledgers
from .match import MatchCondition, match_condition
from .models import (
    Agreement, AgreementContribution, Allocation, Award, Bid, FundingRound, MatchContribution, Programme,
    ProgrammeElement,
)
from .reconcile import Reconciliation, agreement_reconciliation
from .returns.selectors import AgreementReturns, agreement_returns
from .targets import TargetRow, target_rows
from .risks import with_cases_and_risks
from .runway import FundingTable, Runway, funding_table, programme_runway


def programme_runways(user, today: date, horizon_days: int | None = None) -> list[Runway]:
    """The runway of each programme `user` may see (the system: every programme), as of `today`, cut
    to what they may see of it (runway_as_seen_by)."""
    ledgers = load_ledgers(access.programme_list_for(user), as_of=today)
    cut = runway_as_seen_by(user)
    return [cut(r) for r in with_cases_and_risks([programme_runway(ledger, today, horizon_days) for ledger in ledgers],
                                                 today)]


class RunwayPages(Sequence):
    """The runway of each of `programmes` as of `today`, worked out one page at a time: the length
    is counted in SQL and a slice reads only the ledgers of its own programmes. `item` turns each
    runway into what the caller lists."""

    def __init__(self, programmes: QuerySet[Programme], today: date, item: Callable[[Runway], Any],
                 with_cases: bool = True):
        self.programmes, self.today, self.item, self.with_cases = programmes, today, item, with_cases

    def __len__(self) -> int:
        return self.programmes.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            position = range(len(self))[index]
            return self[position:position + 1][0]
        ledgers = load_ledgers(self.programmes[index], as_of=self.today)
        runways = [programme_runway(ledger, self.today) for ledger in ledgers]
        if self.with_cases:
            runways = with_cases_and_risks(runways, self.today)
        return [self.item(runway) for runway in runways]


def runway_as_seen_by(user) -> Callable[[Runway], Runway]:
    """Cuts a runway to what `user` may see, as the programme page does: the whole of it for those
    who see the programme's ledger, otherwise the ending agreements and extension options of only
    the agreements they may see (a provider manager's own), the stranded cases of only their own
    organisation (whose cases they hold) and no funding conditions. Reads who sees what once, for a list."""
    ledger_programmes = set(access.ledger_programme_list_for(user).values_list("pk", flat=True))
    visible: set[int] = set()
    providing: set[int] = set()
    read = False

    def cut(runway: Runway) -> Runway:
        nonlocal read
        if runway.programme.pk in ledger_programmes:
            return runway
        if not read:
            visible.update(access.agreement_list_for(user).values_list("pk", flat=True))
            providing.update(access.provider_org_ids(user))
            read = True
        return replace(runway, ending_agreements=[a for a in runway.ending_agreements if a.pk in visible],
                       extension_options=[a for a in runway.extension_options if a.pk in visible],
                       stranded_cases=[s for s in runway.stranded_cases if s.provider_id in providing],
                       funding_risks=[])

    return cut


def runway_pages(user, today: date, item: Callable[[Runway], Any] = lambda runway: runway, *,
                 with_areas: bool = False, with_cases: bool = True) -> RunwayPages:
    """The runway of each programme `user` may see as of `today`, cut to what they may see of it
    (runway_as_seen_by), for paginated lists; `with_areas` reads each programme's areas too, and
    `with_cases` the cases its end would strand and its unmet funding conditions (risks.py)."""
    programmes = access.programme_list_for(user)
    cut = runway_as_seen_by(user)
    return RunwayPages(programmes.prefetch_related("areas") if with_areas else programmes, today,
                       lambda runway: item(cut(runway)), with_cases)


@dataclass
class ProgrammeDetail:
    programme: Programme
    runway: Runway
    elements: list[ProgrammeElement]
    can_change: bool


def programme_detail(user, slug_or_id, today: date) -> ProgrammeDetail:
    """A programme `user` may see, with its runway as of `today` and its elements; Http404 otherwise."""
    programme = access.programme_get_for(user, slug_or_id)
    _with_areas_and_elements(programme)
    return ProgrammeDetail(programme, programme_runway(load_ledger(programme), today), list(programme.elements.all()),
                           can_change=access.can_change_programme(user, programme))


@dataclass
class RunwayDetail:
    runway: Runway
    funding: FundingTable | None


def programme_runway_detail(user, slug_or_id, today: date) -> RunwayDetail:
    """A programme's runway as of `today`, cut to what `user` may see of it as the programme page
    is, and its funding by financial year for those who see its ledger (None for the others);
    Http404 for a programme they may not see."""
    programme = access.programme_get_for(user, slug_or_id)
    ledger = load_ledger(programme)
    runway = runway_as_seen_by(user)(with_cases_and_risks([programme_runway(ledger, today)], today)[0])
    return RunwayDetail(runway, funding_table(ledger) if access.can_see_ledger(user, programme) else None)


def _with_areas_and_elements(programme: Programme) -> None:
    prefetch_related_objects([programme], "areas",
                             Prefetch("elements", queryset=ProgrammeElement.objects.select_related("provider")))


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
    bids: list[Bid] = field(default_factory=list)
    match_conditions: list[MatchCondition] = field(default_factory=list)


def programme_page(user, slug, today: date) -> ProgrammePage:
    """One programme's position as of `today`, cut to what `user` may see: the whole ledger for
    those who see it (access.can_see_ledger), otherwise the runway and their own organisation's
    agreements; Http404 for a programme they may not see."""
    programme = access.programme_get_for(user, slug)
    _with_areas_and_elements(programme)
    ledger = load_ledger(programme)
    runway = runway_as_seen_by(user)(with_cases_and_risks([programme_runway(ledger, today)], today)[0])
    sees_ledger = access.can_see_ledger(user, programme)
    visible = ({a.pk for a in ledger.agreements} if sees_ledger else
               set(access.agreement_list_for(user).filter(programme=programme).values_list("pk", flat=True)))
    page = ProgrammePage(
        programme=programme, today=today, runway=runway,
        pending_bids=[PendingBid(b, b.expected_decision, bool(b.expected_decision and b.expected_decision < today))
                      for b in runway.pending_bids],
        agreements=[a for a in ledger.agreements if a.pk in visible],
        ending_agreements=runway.ending_agreements,
        extension_options=runway.extension_options,
        sees_ledger=sees_ledger,
        can_change=access.can_change_programme(user, programme),
    )
    if page.sees_ledger:
        page.funding = funding_table(ledger)
        page.awards = ledger.awards
        page.match_contributions = ledger.match_contributions
        page.allocations = ledger.allocations
        page.timeline = timeline_rows(ledger)
        page.bids = ledger.bids
        page.match_conditions = [c for aw in ledger.awards if (c := match_condition(aw, ledger.match_contributions))]
    return page


def bid_rounds() -> QuerySet[FundingRound]:
    """Every funding round, for a bid's round (rounds are published; who may bid is the programme's
    ledger, decided by the service)."""
    return FundingRound.objects.select_related("stream__funder").order_by("-period_start", "name")


def programme_decisions(programme: Programme):
    """The decision records linked to `programme`, for a bid outcome's approving decision (the user
    may change the programme's ledger, so sees its decisions)."""
    return programme.decisions.order_by("-decision_date", "title")


def programme_timeline_svg(user, slug, today: date) -> str:
    """The timeline chart of a programme whose whole ledger `user` may see; Http404 otherwise."""
    programme = access.programme_ledger_get_for(user, slug)
    return timeline_svg(programme, today, load_ledger(programme))


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
        lines.append(ScheduleLine(c, c.shares_by_year(agreement)))
    years = sorted({fy for line in lines for fy in line.by_year})
    return Schedule(years, lines)


@dataclass
class AgreementPage:
    agreement: Agreement
    schedule: Schedule | None
    reconciliation: Reconciliation | None
    decisions: list
    returns: AgreementReturns
    can_change: bool
    targets: list[TargetRow] = field(default_factory=list)
    reports_targets: bool = False
    contract: ContractPanel | None = None


def agreement_page(user, agreement_id, today: date | None = None) -> AgreementPage:
    """An agreement `user` may see, with its schedule, reconciliation, decisions and its quarters'
    spend returns as of `today` (due, late, what the user may do), its contract events, conditions and
    co-funding rules, and whether they may change it; Http404 otherwise."""
    agreement = access.agreement_get_for(user, agreement_id)
    today = today or clock.today()
    prefetch_related_objects(
        [agreement],
        Prefetch("contributions", queryset=AgreementContribution.objects.select_related("partner")),
        "decisions",
    )
    return AgreementPage(
        agreement=agreement,
        schedule=agreement_schedule(agreement),
        reconciliation=agreement_reconciliation(agreement),
        decisions=list(agreement.decisions.all()),
        returns=agreement_returns(user, agreement, today),
        can_change=access.can_change_programme(user, agreement.programme),
        targets=target_rows(agreement, list(agreement.targets.all()), today),
        reports_targets=access.manages_provider(user, agreement),
        contract=contract_panel(user, agreement, today),
    )


def agreement_targets(user, agreement_id, today: date) -> list[TargetRow]:
    """An agreement `user` may see: its targets with actual against target as of `today`; Http404 otherwise."""
    agreement = access.agreement_get_for(user, agreement_id)
    return target_rows(agreement, list(agreement.targets.all()), today)


def target_row(target, today: date) -> TargetRow:
    """One target's actual against target as of `today` (for a response after a write)."""
    return target_rows(target.agreement, [target], today)[0]
