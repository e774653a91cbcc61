"""Bulk loading of programmes' ledgers for runway and funding tables.

Django's prefetch_related builds a related manager and queryset for every row it attaches;
with thousands of agreements that per-row work, not the queries, dominated the runway API
(bench/pages.py). Here each relation is read in one query, grouped in Python and attached
as the prefetch cache, so `programme.agreements.all()` and friends read it without queries.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Max, QuerySet

from dapi.accounts.models import Organisation

from .models import (
    FUNDED_STATUSES, Agreement, AgreementContribution, AgreementStatus, Allocation, Award, Bid, MatchContribution,
)
from dapi.lib.money import FinancialYear


def _cache(instance, name: str, model, rows: list) -> None:
    qs = QuerySet(model=model)
    qs._result_cache = rows
    qs._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = qs


def _grouped(rows, key: str) -> dict:
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


def attach_ledgers(programmes: list, as_of: date | None = None) -> None:
    """Attach agreements (with contributions), allocations, awards, match contributions and
    bids to each programme: seven queries in all.

    With `as_of`, a partial ledger for runway lists: only rows that end on or after that date
    (history before it cannot extend a runway from it), plus each programme's last funded day
    before it (`programme.funded_before`) so an ended programme still says when it ended. A
    partial ledger is marked (`programme.ledger_as_of`) and funding_table refuses it.
    """
    if not programmes:
        return
    ids = [p.pk for p in programmes]
    current = {}
    if as_of is not None:
        current = {"end__gte": as_of}
        funded_before = _funded_before(ids, as_of)
        for programme in programmes:
            programme.ledger_as_of, programme.funded_before = as_of, funded_before.get(programme.pk)
    agreements = list(Agreement.objects.filter(programme__in=ids, **current))
    lines = list(AgreementContribution.objects.filter(agreement__in=[a.pk for a in agreements]))
    # Few organisations recur across thousands of rows: read each once and share the instance.
    orgs = Organisation.objects.in_bulk({a.provider_id for a in agreements} | {c.partner_id for c in lines})
    # set_cached_value skips the descriptor's checks, which cost more than the rest per row.
    partner_field, provider_field = AgreementContribution.partner.field, Agreement.provider.field
    for line in lines:
        partner_field.set_cached_value(line, orgs[line.partner_id])
    contributions = _grouped(lines, "agreement_id")
    for agreement in agreements:
        provider_field.set_cached_value(agreement, orgs.get(agreement.provider_id))
        _cache(agreement, "contributions", AgreementContribution, contributions.get(agreement.pk, []))
    relations = {
        "agreements": (Agreement, _grouped(agreements, "programme_id")),
        "allocations": (Allocation, _grouped(Allocation.objects.filter(
            programme__in=ids, **({"financial_year__gte": FinancialYear.of(as_of).start_year} if as_of else {})),
            "programme_id")),
        "awards": (Award, _grouped(Award.objects.filter(programme__in=ids, **current).select_related("funder"),
                                   "programme_id")),
        "match_contributions": (MatchContribution, _grouped(
            MatchContribution.objects.filter(programme__in=ids, **current).select_related("partner"), "programme_id")),
        "bids": (Bid, _grouped(Bid.objects.filter(programme__in=ids).select_related("round__stream__funder"),
                               "programme_id")),
    }
    for programme in programmes:
        for name, (model, groups) in relations.items():
            _cache(programme, name, model, groups.get(programme.pk, []))
