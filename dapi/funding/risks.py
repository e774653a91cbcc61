"""What a programme's runway puts at risk, beside the money: the open cases its end would strand, by
provider (DOMAIN.md section 3), and the funding conditions its agreements' contributions depend on
that are unmet (cofunding.funding_risks).

The case counts come from the function `settings.DAPI_ACTIVE_CASES_BY_PROVIDER` names (a dotted path:
funding stands below cases and cannot import them; the project's settings name
`dapi.cases.selectors.active_cases_by_provider`), counts only, never a case or a person. Commissioners
and finance officers see them as they see the dashboard's, exact; selectors.runway_as_seen_by gives
everyone else only their own organisation's. Two queries for any number of runways.
"""

from dataclasses import replace
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string

from .cofunding import funding_risks
from .models import FundingCondition
from .runway import OPEN_STATUSES, Runway, StrandedCases


def with_cases_and_risks(runways: list[Runway], today: date) -> list[Runway]:
    """`runways` (all as of `today`) with the cases open on `today` by provider, most first, and the
    unmet funding conditions of the agreements still running."""
    if not runways:
        return runways
    ids = [r.programme.pk for r in runways]
    counts = import_string(settings.DAPI_ACTIVE_CASES_BY_PROVIDER)(ids, today)
    conditions: dict[int, list[FundingCondition]] = {}
    for c in FundingCondition.objects.filter(agreement__programme__in=ids).select_related("agreement", "partner"):
        if c.agreement.status in OPEN_STATUSES and c.agreement.funded_until >= today:
            conditions.setdefault(c.agreement.programme_id, []).append(c)
    out = []
    for r in runways:
        stranded = sorted((StrandedCases(pk, name, n) for pk, name, n in counts.get(r.programme.pk, []) if n),
                          key=lambda s: (-s.active_cases, s.provider))
        out.append(replace(r, stranded_cases=stranded,
                           funding_risks=funding_risks(conditions.get(r.programme.pk, []), today)))
    return out
