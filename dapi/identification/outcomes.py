"""Police-recorded outcomes for cases: RFGV at entry, every 28 days and at exit, and incidents and
harm in the 12 months before and after entry.

Police data stays with its force: a case's outcomes come only from the newest ranked import of the
force whose analyst referred him (`Referral.referring_organisation`, with the force's identifier
`police_perpetrator_id`), never from another force's, and with no fallback. They are computed by
the background task (tasks.py) when an import is ranked and when a case's entry or end date is set,
and stored (`CaseOutcome`); pages and reports read the stored rows only, never an incident file.
"""

from dataclasses import dataclass
from statistics import mean

import polars as pl
from django.db.models import QuerySet

from dapi.cases.models import Case

from .engine import Profile, before_after_entry, rescore_points
from .models import CaseOutcome, ImportStatus, IncidentImport

POINT_FIELDS = ("on", "point", "score", "recency", "frequency", "gravity", "victims", "incidents", "victim_count",
                "harm_days")
MEASURES = ("incidents_before", "harm_before", "incidents_after", "harm_after", "days_after", "window_days")


@dataclass
class Computed:
    """One case's outcome as computed, ready to store."""

    case: Case
    measures: dict
    points: list[dict]


def force_latest_import(force_id: int) -> IncidentImport | None:
    """The force's newest ranked import (latest as-of date, then latest upload): the only one its
    referred cases' outcomes come from."""
    return IncidentImport.objects.filter(organisation_id=force_id, status=ImportStatus.DONE).order_by(
        "-as_of", "-pk").first()


def referred_police_cases() -> QuerySet[Case]:
    """Cases that entered a programme on a referral carrying a police identifier."""
    return Case.objects.filter(entered_on__isnull=False, referral__isnull=False).exclude(
        referral__police_perpetrator_id="").select_related("referral")


def police_cases(force_id: int) -> QuerySet[Case]:
    """Cases that entered a programme on a referral the force made with its police identifier."""
    return referred_police_cases().filter(referral__referring_organisation_id=force_id)


def police_identifier(case: Case) -> tuple[int, str] | None:
    """(force, identifier) of a case that entered a programme on a referral carrying one; None otherwise."""
    referral = case.referral if case.referral_id else None
    if referral is None or not referral.police_perpetrator_id or not case.entered_on:
        return None
    return referral.referring_organisation_id, referral.police_perpetrator_id


def compute(incidents: pl.LazyFrame, incident_import: IncidentImport, cases: list[Case],
            profile: Profile) -> list[Computed]:
    """The outcomes of `cases` (each referred by the import's force with its identifier, and
    entered on or before the import's as-of date) from `incidents`, the import's validated rows
    (all of them, or the rows of these cases' people only)."""
    if not cases:
        return []
    as_of = incident_import.as_of
    stays = [(c.pk, c.referral.police_perpetrator_id, c.entered_on, c.ended_on) for c in cases]
    measures = {row["key"]: row for row in before_after_entry(incidents, stays, as_of, profile).iter_rows(named=True)}
    points: dict[int, list[dict]] = {c.pk: [] for c in cases}
    for row in rescore_points(incidents, stays, as_of, profile).iter_rows(named=True):
        points[row["key"]].append({f: row[f] for f in POINT_FIELDS})
    return [Computed(case=c, measures={m: measures[c.pk][m] for m in MEASURES}, points=points[c.pk]) for c in cases]


def case_outcome(case: Case) -> CaseOutcome | None:
    """The stored outcome of a case, with its rescores in date order; None when there is none (the
    case has not entered, carries no police identifier, or its force has no ranked import dated on
    or after entry)."""
    return CaseOutcome.objects.filter(case=case).select_related("incident_import").prefetch_related("points").first()


def programme_outcomes(cases) -> dict | None:
    """Aggregates over the stored outcomes of `cases`: how many, mean change in incidents and harm
    (after minus before), mean RFGV change, and how many had no further incident."""
    outcomes = list(CaseOutcome.objects.filter(case__in=cases).values(
        "incidents_before", "incidents_after", "harm_before", "harm_after", "rfgv_change"))
    if not outcomes:
        return None
    return {
        "cases": len(outcomes),
        "mean_incident_change": mean(o["incidents_after"] - o["incidents_before"] for o in outcomes),
        "mean_harm_change": mean(o["harm_after"] - o["harm_before"] for o in outcomes),
        "mean_rfgv_change": mean(o["rfgv_change"] for o in outcomes),
        "no_further_incident": sum(1 for o in outcomes if o["incidents_after"] == 0),
    }
