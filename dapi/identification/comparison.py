"""Comparison groups for cases referred from police rankings (issue 17, item 7).

For each case that entered a programme on a referral carrying a force's police identifier: that
force's ranked perpetrators who were never referred (by it, into any programme), matched on RFGV
band and area on the case's entry date (engine/comparison.py), with incidents and harm in the 12
months before and after that date for both. The rules are the outcomes' (outcomes.py): only the
newest ranked import of the referring force, never another force's; computed by the background
task (tasks.py) and stored (`CaseComparison`, `Comparator`); reports read the stored rows only and
work out the programme's difference in change and its bootstrap interval from them.
"""

from dataclasses import dataclass
from statistics import mean

import polars as pl

from dapi.cases.models import Case, Referral

from .engine import Profile
from .engine.comparison import BAND_WIDTH, PER_CASE, RESAMPLES, SEED, Difference, difference_in_change, match
from .models import CaseComparison, IncidentImport

__all__ = ["BAND_WIDTH", "PER_CASE", "RESAMPLES", "SEED", "Compared", "compute", "programme_comparison",
           "referred_identifiers"]


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


def programme_comparison(cases) -> Comparison | None:
    """The comparison over the stored comparison groups of `cases` (a queryset or pk subquery);
    None when none of them has one."""
    stored = list(CaseComparison.objects.filter(case__in=cases).order_by("case_id").prefetch_related("comparators"))
    if not stored:
        return None
    matched = [(s, list(s.comparators.all())) for s in stored]
    matched = [(s, others) for s, others in matched if others]
    means = {}
    for group in ("cases", "comparators"):
        for measure in ("incidents_before", "incidents_after", "harm_before", "harm_after"):
            values = [getattr(s, measure) if group == "cases" else mean(getattr(o, measure) for o in others)
                      for s, others in matched]
            means[f"{group}_{measure}"] = mean(values) if values else None

    def difference(what: str) -> Difference | None:
        return difference_in_change([(
            getattr(s, f"{what}_after") - getattr(s, f"{what}_before"),
            [getattr(o, f"{what}_after") - getattr(o, f"{what}_before") for o in others]) for s, others in matched])

    return Comparison(matched=len(matched), unmatched=len(stored) - len(matched),
                      comparators=len({o.perpetrator_id for _, others in matched for o in others}), means=means,
                      incidents=difference("incidents"), harm=difference("harm"))
