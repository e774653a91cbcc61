"""A programme's ledger: the money rows that its runway, funding table and timeline read.

`load_ledgers` reads the ledgers of many programmes in a fixed number of queries: each kind of
row once for all of them, grouped by programme in Python. The readers (runway.py, charts.py,
the selectors, reports) take a `Ledger`; nothing is attached to the programmes' related managers,
so `programme.agreements.all()` still means a query and is not used for the ledger.

Django's prefetch_related builds a related manager and queryset for every row it attaches; with
thousands of agreements that per-row work, not the queries, dominated the runway API
(bench/pages.py), which is why the rows are grouped here instead.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from dapi.accounts.models import Organisation
from dapi.lib.money import FinancialYear

from .models import (
    FUNDED_STATUSES, Agreement, AgreementContribution, AgreementStatus, Allocation, Award, Bid, MatchContribution,
    Programme,
)


@dataclass
class Ledger:
    """One programme's agreements (with their partner schedules), allocations, awards, match
    contributions and bids, each in its model's order, with every organisation they name read.

    A ledger read `as_of` a date is partial, for runway lists: only the rows that end on or after
    that date (history before it cannot extend a runway from it), and `funded_before`, the last
    funded day before it, so that an ended programme still says when it ended. The runway from an
    earlier date and the funding table refuse a partial ledger.
    """

    programme: Programme
    agreements: list[Agreement] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    match_contributions: list[MatchContribution] = field(default_factory=list)
    bids: list[Bid] = field(default_factory=list)
    schedules: dict[int, list[AgreementContribution]] = field(default_factory=dict)
    as_of: date | None = None
    funded_before: date | None = None

    def schedule(self, agreement: Agreement) -> list[AgreementContribution]:
        """The agreement's partner lines (largest first)."""
        return self.schedules.get(agreement.pk, [])

    @property
    def is_partial(self) -> bool:
        return self.as_of is not None


def _grouped(rows: Iterable, key: str) -> dict[int, list]:
    groups = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def _funded_before(ids: list[int], as_of: date) -> dict[int, date]:
    """Each programme's last funded day before `as_of` among the rows a partial ledger leaves out."""
    last: dict[int, date] = {}
    sources = [
        Agreement.objects.filter(status__in=FUNDED_STATUSES, end__lt=as_of).exclude(status=AgreementStatus.TERMINATED),
        Award.objects.filter(end__lt=as_of),
        MatchContribution.objects.filter(end__lt=as_of),
    ]
    for qs in sources:
        for row in qs.filter(programme__in=ids).values("programme_id").annotate(last=Max("end")):
            last[row["programme_id"]] = max(row["last"], last.get(row["programme_id"], date.min))
    for row in (Allocation.objects.filter(programme__in=ids, financial_year__lt=FinancialYear.of(as_of).start_year)
                .values("programme_id").annotate(last=Max("financial_year"))):
        end = FinancialYear(row["last"]).end
        last[row["programme_id"]] = max(end, last.get(row["programme_id"], date.min))
    return last


def load_ledgers(programmes: Iterable[Programme], as_of: date | None = None) -> list[Ledger]:
    """The ledger of each of `programmes`, in their order: seven queries however many programmes
    and rows there are (four more with `as_of`, see Ledger)."""
    programmes = list(programmes)
    if not programmes:
        return []
    ids = [p.pk for p in programmes]
    current = {"end__gte": as_of} if as_of is not None else {}
    agreements = list(Agreement.objects.filter(programme__in=ids, **current))
    lines = list(AgreementContribution.objects.filter(agreement__in=[a.pk for a in agreements]))
    allocations = list(Allocation.objects.filter(
        programme__in=ids, **({"financial_year__gte": FinancialYear.of(as_of).start_year} if as_of else {}))
        .select_related("area"))
    awards = list(Award.objects.filter(programme__in=ids, **current))
    matches = list(MatchContribution.objects.filter(programme__in=ids, **current))
    bids = list(Bid.objects.filter(programme__in=ids).select_related("round__stream__funder"))
    # Few organisations recur across thousands of rows: read each once and share the instance.
    named = ({a.provider_id for a in agreements} | {c.partner_id for c in lines} | {al.recipient_id for al in allocations}
             | {aw.funder_id for aw in awards} | {aw.recipient_id for aw in awards} | {m.partner_id for m in matches})
    orgs = Organisation.objects.in_bulk(named - {None})
    for a in agreements:
        a.provider = orgs.get(a.provider_id)
    for c in lines:
        c.partner = orgs[c.partner_id]
    for al in allocations:
        al.recipient = orgs[al.recipient_id]
    for aw in awards:
        aw.funder, aw.recipient = orgs[aw.funder_id], orgs[aw.recipient_id]
    for m in matches:
        m.partner = orgs[m.partner_id]
    funded_before = _funded_before(ids, as_of) if as_of is not None else {}
    schedules = _grouped(lines, "agreement_id")
    by_programme = {name: _grouped(rows, "programme_id") for name, rows in [
        ("agreements", agreements), ("allocations", allocations), ("awards", awards),
        ("match_contributions", matches), ("bids", bids)]}
    ledgers = []
    for p in programmes:
        rows = {name: groups.get(p.pk, []) for name, groups in by_programme.items()}
        ledgers.append(Ledger(p, **rows, as_of=as_of, funded_before=funded_before.get(p.pk),
                              schedules={a.pk: schedules.get(a.pk, []) for a in rows["agreements"]}))
    return ledgers


def load_ledger(programme: Programme, as_of: date | None = None) -> Ledger:
    """One programme's ledger (see load_ledgers)."""
    return load_ledgers([programme], as_of)[0]
