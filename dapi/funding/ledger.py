"""Bulk loading of programmes' ledgers for runway and funding tables.

Django's prefetch_related builds a related manager and queryset for every row it attaches;
with thousands of agreements that per-row work, not the queries, dominated the runway API
(bench/pages.py). Here each relation is read in one query, grouped in Python and attached
as the prefetch cache, so `programme.agreements.all()` and friends read it without queries.
"""

from collections import defaultdict

from django.db.models import QuerySet

from dapi.accounts.models import Organisation

from .models import Agreement, AgreementContribution, Allocation, Award, Bid, MatchContribution


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


def attach_ledgers(programmes: list) -> None:
    """Attach agreements (with contributions), allocations, awards, match contributions and
    bids to each programme: seven queries in all."""
    if not programmes:
        return
    ids = [p.pk for p in programmes]
    agreements = list(Agreement.objects.filter(programme__in=ids))
    lines = list(AgreementContribution.objects.filter(agreement__programme__in=ids))
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
        "allocations": (Allocation, _grouped(Allocation.objects.filter(programme__in=ids), "programme_id")),
        "awards": (Award, _grouped(Award.objects.filter(programme__in=ids).select_related("funder"), "programme_id")),
        "match_contributions": (MatchContribution, _grouped(
            MatchContribution.objects.filter(programme__in=ids).select_related("partner"), "programme_id")),
        "bids": (Bid, _grouped(Bid.objects.filter(programme__in=ids).select_related("round__stream__funder"),
                               "programme_id")),
    }
    for programme in programmes:
        for name, (model, groups) in relations.items():
            _cache(programme, name, model, groups.get(programme.pk, []))
