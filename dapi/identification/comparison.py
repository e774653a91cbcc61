"""Comparison groups for cases referred from police rankings (issue 17, item 7).

For each case that entered a programme on a referral carrying a force's police identifier: that
force's ranked perpetrators who were never referred (by it, into any programme), matched on RFGV
band and area on the case's entry date (engine/comparison.py), with incidents and harm in the 12
months before and after that date for both. The rules are the outcomes' (outcomes.py): only the
newest ranked import of the referring force, never another force's; computed by the background
task (tasks.py) and stored (`CaseComparison`, `Comparator`); reports read the stored rows only and
work out the programme's difference in change and its bootstrap interval from them.
"""

import hashlib
from dataclasses import dataclass
from statistics import mean

import polars as pl
from django.conf import settings

from dapi.cases.models import Case, Referral
from dapi.lib.aggregates import kept

from .engine import Profile
from .engine.comparison import BAND_WIDTH, PER_CASE, RESAMPLES, SEED, Difference, difference_in_change, match
from .models import CaseComparison, Comparator, IncidentImport

__all__ = ["BAND_WIDTH", "PER_CASE", "RESAMPLES", "SEED", "Compared", "compute", "police_referred",
           "programme_comparison", "programme_comparisons_make", "referred_identifiers"]


@dataclass
class Compared:
    """One case's match as computed, ready to store."""

    case: Case
    person: dict
    comparators: list[dict]


def referred_identifiers(force_id: int) -> set[str]:
    """Every police identifier the force has referred into any programme, whatever came of the
    referral: none of them is ever a comparator."""
    return set(Referral.objects.filter(referring_organisation_id=force_id).exclude(
        police_perpetrator_id="").values_list("police_perpetrator_id", flat=True))


def compute(incidents: pl.LazyFrame, incident_import: IncidentImport, cases: list[Case],
            profile: Profile) -> list[Compared]:
    """The comparison groups of `cases` (each referred by the import's force with its identifier,
    entered on or before the import's as-of date) from `incidents`, all the import's validated
    rows (everyone is scored on each entry date, so a subset of people would not do)."""
    if not cases:
        return []
    stays = [(c.pk, c.referral.police_perpetrator_id, c.entered_on) for c in cases]
    people, comparators = match(incidents, stays, referred_identifiers(incident_import.organisation_id),
                                incident_import.as_of, profile)
    by_case: dict[int, list[dict]] = {c.pk: [] for c in cases}
    for comparator in comparators:
        by_case[comparator["key"]].append(comparator)
    return [Compared(case=c, person=p, comparators=by_case[c.pk]) for c, p in zip(cases, people)]


@dataclass
class Comparison:
    """A programme's comparison, from stored rows: counts of cases matched and unmatched and of
    distinct comparators; mean incidents and harm before and after for the matched cases and for
    their comparators (each case's comparators averaged, then averaged over cases); and the
    difference in change (cases' change less their comparators') with its bootstrap interval."""

    matched: int
    unmatched: int
    comparators: int
    means: dict
    incidents: Difference | None
    harm: Difference | None


def police_referred(cases):
    """The cases of `cases` (a queryset or pk subquery) that can have a comparison group: entered,
    on a referral carrying a police identifier."""
    return Case.objects.filter(pk__in=cases, entered_on__isnull=False, referral__isnull=False).exclude(
        referral__police_perpetrator_id="")


def programme_comparison(cases) -> Comparison | None:
    """The comparison over the stored comparison groups of `cases` (a queryset or pk subquery);
    None when none of them has one.

    Its two bootstraps take about a second at 2,000 matched cases, so the result is kept in the
    aggregates cache under a fingerprint of the stored groups it comes from (each group's id and
    when it was computed, which every recomputation changes): whoever asks for the same groups
    gets the same result, made once, and a group computed again or removed makes a new one. The
    background tasks make it for each programme as they store the groups (`programme_comparisons_make`),
    so a dashboard or pack does not wait for it. DAPI_AGGREGATE_CACHE_SECONDS 0 (the tests) makes it
    afresh every time."""
    stored = list(CaseComparison.objects.filter(case__in=cases).order_by("case_id").values_list(
        "pk", "computed_at"))
    if not stored:
        return None
    if settings.DAPI_AGGREGATE_CACHE_SECONDS <= 0:
        return _comparison([pk for pk, _ in stored])
    fingerprint = hashlib.sha256(repr(stored).encode()).hexdigest()
    return kept(f"comparison:{fingerprint}", lambda: _comparison([pk for pk, _ in stored]))


def programme_comparisons_make(case_ids) -> None:
    """Make and keep the comparison of each programme of `case_ids` over all its cases (the
    dashboard's and the pack's scope without an area or provider filter), after their groups were
    stored or removed. Nothing to keep when results are made afresh every time."""
    if settings.DAPI_AGGREGATE_CACHE_SECONDS <= 0:
        return
    for programme_id in set(Case.objects.filter(pk__in=case_ids).values_list("programme_id", flat=True)):
        programme_comparison(police_referred(Case.objects.filter(programme_id=programme_id).values("pk")))


def _comparison(ids: list[int]) -> Comparison:
    """The comparison over the stored groups `ids`, in that order (the bootstrap's draws follow it)."""
    fields = ["incidents_before", "incidents_after", "harm_before", "harm_after"]
    own = {pk: values for pk, *values in CaseComparison.objects.filter(pk__in=ids).values_list("pk", *fields)}
    others: dict[int, list[tuple]] = {pk: [] for pk in ids}
    people = set()
    for comparison_id, perpetrator_id, *values in Comparator.objects.filter(comparison__in=ids).order_by(
            "comparison", "pk").values_list("comparison_id", "perpetrator_id", *fields):
        others[comparison_id].append(values)
        people.add(perpetrator_id)
    matched = [(own[pk], others[pk]) for pk in ids if others[pk]]
    means = {}
    for i, measure in enumerate(fields):
        case_values = [case[i] for case, _ in matched]
        comparator_values = [mean(o[i] for o in group) for _, group in matched]
        means[f"cases_{measure}"] = mean(case_values) if matched else None
        means[f"comparators_{measure}"] = mean(comparator_values) if matched else None

    def difference(before: int, after: int) -> Difference | None:
        return difference_in_change([(case[after] - case[before], [o[after] - o[before] for o in group])
                                     for case, group in matched])

    return Comparison(matched=len(matched), unmatched=len(ids) - len(matched), comparators=len(people),
                      means=means, incidents=difference(0, 1), harm=difference(2, 3))
