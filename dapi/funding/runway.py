"""Runway of a programme (DOMAIN.md section 3) and its funding position by financial year.

Runway: the last day covered by approved funding that runs without a gap from today.
Cliff edge: the runway ends within the alert horizon and no approved successor starts the next
day (by construction a successor starting the next day would already extend the runway).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

from dapi.lib.money import FinancialYear, pence, shares_by_year, spread_total

from .ledger import Ledger
from .models import FUNDED_STATUSES, Agreement, AgreementStatus, Basis, Bid, BidStatus, Programme

# Whether an agreement is still running is decided by its dates, so that the runway can be
# viewed as of a past date; a terminated agreement stops at its termination date.
OPEN_STATUSES = (AgreementStatus.APPROVED, AgreementStatus.ACTIVE, AgreementStatus.ENDED)


@dataclass
class Option:
    key: str
    title: str
    annual_cost: Decimal | None
    detail: str


@dataclass
class StrandedCases:
    """Cases open on the runway's date at one provider: counts only (funding/risks.py)."""

    provider_id: int
    provider: str
    active_cases: int


@dataclass
class Runway:
    programme: Programme
    today: date
    horizon_days: int
    state: str  # "funded", "ended" (covered before today, not now) or "unfunded"
    runway_end: date | None
    days_left: int
    cliff_edge: bool
    pending_bids: list[Bid]
    ending_agreements: list[Agreement]
    extension_options: list[Agreement]
    annual_cost: Decimal | None
    options: list[Option] = field(default_factory=list)
    # Filled in by funding/risks.py (the runway itself reads only the ledger):
    stranded_cases: list[StrandedCases] = field(default_factory=list)
    funding_risks: list = field(default_factory=list)  # cofunding.FundingRisk

    @property
    def stranded_total(self) -> int:
        return sum(s.active_cases for s in self.stranded_cases)

    def as_dict(self) -> dict:
        return {
            "programme": self.programme.name,
            "slug": self.programme.slug,
            "today": self.today.isoformat(),
            "state": self.state,
            "runway_end": self.runway_end.isoformat() if self.runway_end else None,
            "days_left": self.days_left,
            "cliff_edge": self.cliff_edge,
            "horizon_days": self.horizon_days,
            "annual_cost": _money(self.annual_cost),
            "pending_bids": [
                {
                    "round": str(b.round),
                    "funder": b.round.stream.funder.name,
                    "amount_requested": _money(b.amount_requested),
                    "decision_expected_on": _iso(b.expected_decision),
                }
                for b in self.pending_bids
            ],
            "ending_agreements": [
                {"id": a.pk, "title": a.title, "end": a.funded_until.isoformat(),
                 "provider": a.provider.name if a.provider else None}
                for a in self.ending_agreements
            ],
            "extension_options": [
                {"id": a.pk, "title": a.title, "end": a.end.isoformat(),
                 "extension_until": a.extension_until.isoformat(), "terms": a.extension_terms}
                for a in self.extension_options
            ],
            "options": [
                {"key": o.key, "title": o.title, "annual_cost": _money(o.annual_cost), "detail": o.detail}
                for o in self.options
            ],
            "stranded_cases": [
                {"provider_id": s.provider_id, "provider": s.provider, "active_cases": s.active_cases}
                for s in self.stranded_cases
            ],
            "stranded_cases_total": self.stranded_total,
            "funding_risks": [
                {"agreement_id": r.condition.agreement_id, "partner": r.condition.partner.name,
                 "funding": r.condition.funding, "status": r.condition.status,
                 "known_by": _iso(r.condition.known_by), "message": r.message}
                for r in self.funding_risks
            ],
        }


def _money(value):
    return None if value is None else str(pence(value))


def _iso(value):
    return value.isoformat() if value else None


def _intervals(ledger: Ledger) -> list[tuple[date, date]]:
    """Periods covered by approved money: agreements, allocations, awards and match funding."""
    spans = []
    for a in ledger.agreements:
        if a.status in FUNDED_STATUSES:
            spans.append((a.start or date.min, a.funded_until))
    for al in ledger.allocations:
        spans.append((al.fy.start, al.fy.end))
    for aw in ledger.awards:
        spans.append((aw.start, aw.end))
    for m in ledger.match_contributions:
        spans.append((m.start, m.end))
    if ledger.funded_before:  # the last funded day before a partial ledger's rows
        spans.append((ledger.funded_before, ledger.funded_before))
    return sorted(spans)


def runway_end(spans: list[tuple[date, date]], today: date) -> tuple[str, date | None]:
    """The last day of gap-free cover from `today`, and whether today is covered at all."""
    end = None
    for start, stop in spans:
        if end is None:
            if start <= today <= stop:
                end = stop
        elif start <= end + timedelta(days=1):
            end = max(end, stop)
    if end is not None:
        return "funded", end
    past = [stop for start, stop in spans if stop < today]
    return ("ended", max(past)) if past else ("unfunded", None)


def annual_cost(ledger: Ledger, agreements: list[Agreement]) -> Decimal | None:
    """The yearly cost of carrying on these agreements of `ledger`: per-annum schedules as stated,
    total values annualised over their term. None when any agreement's value is unknown."""
    total = Decimal("0")
    for a in agreements:
        lines = [c for c in ledger.schedule(a) if c.runs_to_end(a)]  # what is paid at the end of the term
        if lines and all(c.basis == Basis.PER_ANNUM for c in lines):
            total += sum((c.amount for c in lines), Decimal("0"))
        elif a.value is not None and a.start:
            total += _annualise(a.value, a.start, a.end)
        else:
            return None
    return pence(total)


def _annualise(value: Decimal, start: date, end: date) -> Decimal:
    """A total over a term as a yearly amount: per financial year when the term is whole
    financial years, otherwise pro rata by days."""
    if (start.month, start.day) == (4, 1) and (end.month, end.day) == (3, 31):
        return value / (end.year - start.year)
    return value * Decimal(365) / Decimal((end - start).days + 1)


def programme_runway(ledger: Ledger, today: date, horizon_days: int | None = None) -> Runway:
    """Runway, cliff edge and options for the ledger's programme as of `today` (see ledger.py)."""
    if ledger.is_partial and today < ledger.as_of:
        raise ValueError(f"This programme's ledger was read from {ledger.as_of}; "
                         f"its runway from {today} needs the full ledger.")
    horizon = settings.DAPI_CLIFF_EDGE_HORIZON_DAYS if horizon_days is None else horizon_days
    state, end = runway_end(_intervals(ledger), today)
    days_left = (end - today).days if state == "funded" else 0
    cliff = state == "funded" and days_left <= horizon
    pending = sorted(
        (b for b in ledger.bids if b.status == BidStatus.PENDING),
        key=lambda b: b.expected_decision or date.max,
    )
    open_agreements = [a for a in ledger.agreements if a.status in OPEN_STATUSES and a.funded_until >= today]
    ending = sorted((a for a in open_agreements if end and a.funded_until <= end), key=lambda a: a.funded_until)
    extensions = [a for a in open_agreements if a.extension_until and a.extension_until > a.end
                  and a.status != AgreementStatus.TERMINATED]
    at_end = [a for a in open_agreements if end and a.funded_until == end] or ending
    cost = annual_cost(ledger, at_end) if at_end else None
    if end is not None and state == "funded":
        last_year = FinancialYear.of(end).start_year
        allocated = [al.amount for al in ledger.allocations if al.financial_year == last_year]
        unknown = bool(at_end) and cost is None
        if allocated and not unknown:
            cost = (cost or Decimal("0")) + sum(allocated, Decimal("0"))
    runway = Runway(ledger.programme, today, horizon, state, end, days_left, cliff, pending, ending, extensions, cost)
    runway.options = _options(ledger, runway)
    return runway


def _options(ledger: Ledger, r: Runway) -> list[Option]:
    options = []
    for bid in r.pending_bids:
        rnd = bid.round
        years = max(1, len(range(FinancialYear.of(rnd.period_start).start_year, FinancialYear.of(rnd.period_end).start_year + 1)))
        per_year = pence(bid.amount_requested / years) if bid.amount_requested is not None else None
        when = bid.expected_decision.strftime("%-d %b %Y") if bid.expected_decision else "date not known"
        options.append(Option("bid", f"Continue through a bid to {rnd.stream.funder}", per_year,
                              f"{rnd.name}; decision expected {when}. Annual cost met by the funder if successful."))
    for a in r.extension_options:
        options.append(Option("extend", f"Extend {a.title}", annual_cost(ledger, [a]),
                              f"Extension available to {a.extension_until.strftime('%-d %b %Y')}"
                              + (f" ({a.extension_terms})" if a.extension_terms else "") + "."))
    options.append(Option("local", "Fund locally", r.annual_cost,
                          "Carry on at the current annual cost from local budgets (commissioner and partners)."
                          if r.annual_cost is not None else "The current annual cost is not recorded."))
    options.append(Option("close", "Close the programme", Decimal("0.00"),
                          "No further delivery cost; exit costs and support for people on the programme are not recorded here."))
    return options


@dataclass
class SourceRow:
    source: str
    kind: str
    confirmed: dict[FinancialYear, Decimal]
    pending: dict[FinancialYear, Decimal]
    note: str = ""

    def total_confirmed(self) -> Decimal:
        return sum(self.confirmed.values(), Decimal("0"))

    def total_pending(self) -> Decimal:
        return sum(self.pending.values(), Decimal("0"))


@dataclass
class FundingTable:
    years: list[FinancialYear]
    rows: list[SourceRow]
    unstated: list[str]

    def confirmed_by_year(self) -> dict[FinancialYear, Decimal]:
        return {fy: sum((r.confirmed.get(fy, Decimal("0")) for r in self.rows), Decimal("0")) for fy in self.years}

    def pending_by_year(self) -> dict[FinancialYear, Decimal]:
        return {fy: sum((r.pending.get(fy, Decimal("0")) for r in self.rows), Decimal("0")) for fy in self.years}

    def total_confirmed(self) -> Decimal:
        return sum((r.total_confirmed() for r in self.rows), Decimal("0"))

    def total_pending(self) -> Decimal:
        return sum((r.total_pending() for r in self.rows), Decimal("0"))


def _add(target: dict, shares: dict):
    for fy, amount in shares.items():
        target[fy] = target.get(fy, Decimal("0")) + amount


def funding_table(ledger: Ledger) -> FundingTable:
    """Confirmed and pending funding per financial year, by source.

    Sources are awards, match contributions and agreements' partner schedules; an award whose
    amount the record does not state counts what was committed from it. Agreements paid from no
    recorded source are listed as "source not recorded"; values nobody stated are listed apart.
    """
    if ledger.is_partial:
        raise ValueError("The funding table needs the programme's full ledger, not one read for a runway list.")
    confirmed: dict[tuple[str, str], dict] = defaultdict(dict)
    pending: dict[tuple[str, str], dict] = defaultdict(dict)
    notes: dict[tuple[str, str], str] = {}
    unstated: list[str] = []

    for aw in ledger.awards:
        key = (aw.funder.name, "Award")
        if aw.amount is not None:
            _add(confirmed[key], spread_total(aw.amount, aw.start, aw.end))
            continue
        committed = [(al.amount, al.fy.start, al.fy.end) for al in ledger.allocations if al.award_id == aw.pk]
        committed += [(a.value, a.start or aw.start, a.end) for a in ledger.agreements
                      if a.award_id == aw.pk and a.value is not None and a.status in FUNDED_STATUSES]
        for amount, start, end in committed:
            _add(confirmed[key], spread_total(amount, start, end))
        notes[key] = "Award total not stated in the record: committed amounts shown."
    for m in ledger.match_contributions:
        key = (m.partner.name, "Match contribution")
        shares = shares_by_year(m.amount, m.basis == Basis.PER_ANNUM, m.start, m.end)
        _add(confirmed[key], shares)
        if m.partner_description:
            notes[key] = m.partner_description
    for a in ledger.agreements:
        lines = ledger.schedule(a)
        target = confirmed if a.status in FUNDED_STATUSES else pending
        if lines and a.start:
            for c in lines:
                key = (c.partner.name, "Agreement contribution")
                _add(target[key], c.shares_by_year(a))
                if c.is_cap:
                    notes[key] = "Maximum (\"up to\") amounts."
        elif a.award_id is None and a.value is not None and a.start:
            _add(target[("Source not recorded", "Agreement")], spread_total(a.value, a.start, a.end))
        elif a.award_id is None and a.status != AgreementStatus.TERMINATED:
            unstated.append(f"{a.title}: value not stated in the record.")
    for b in ledger.bids:
        if b.status != BidStatus.PENDING:
            continue
        key = (b.round.stream.funder.name, "Pending bid")
        if b.amount_requested is None:
            unstated.append(f"Bid to {b.round}: amount requested not recorded.")
            continue
        _add(pending[key], spread_total(b.amount_requested, b.round.period_start, b.round.period_end))

    keys = sorted(set(confirmed) | set(pending))
    years = sorted({fy for d in list(confirmed.values()) + list(pending.values()) for fy in d})
    rows = [SourceRow(name, kind, confirmed.get((name, kind), {}), pending.get((name, kind), {}), notes.get((name, kind), ""))
            for name, kind in keys]
    return FundingTable(years, rows, unstated)
