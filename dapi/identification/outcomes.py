"""Police-recorded outcomes for cases: RFGV at entry, every 28 days and at exit, and incidents and
harm in the 12 months before and after entry, from the latest ranked import that holds him."""

from dataclasses import dataclass
from statistics import mean

from .engine import before_after, default_profile, read_incidents, rescore_series
from .models import ImportStatus, IncidentImport


@dataclass
class CaseOutcome:
    case: object
    incident_import: IncidentImport
    measures: dict
    series: list[dict]

    @property
    def rfgv_change(self) -> float:
        return self.series[-1]["score"] - self.series[0]["score"]


def _latest_import_with(perpetrator_id: str) -> IncidentImport | None:
    return (IncidentImport.objects.filter(status=ImportStatus.DONE, ranked__perpetrator_id=perpetrator_id)
            .order_by("-as_of", "-pk").first()) or (
        IncidentImport.objects.filter(status=ImportStatus.DONE).order_by("-as_of", "-pk").first())


def case_outcome(case, *, _cache=None) -> CaseOutcome | None:
    """None when the case has not entered the programme or carries no police identifier."""
    pid = case.referral.police_perpetrator_id if case.referral_id else ""
    if not pid or not case.entered_on:
        return None
    incident_import = _latest_import_with(pid)
    if incident_import is None or incident_import.as_of < case.entered_on:
        return None
    profile = default_profile()
    cache = _cache if _cache is not None else {}
    if incident_import.pk not in cache:
        cache[incident_import.pk] = read_incidents(incident_import.file.path, profile)
    incidents = cache[incident_import.pk]
    return CaseOutcome(case=case, incident_import=incident_import,
                       measures=before_after(incidents, pid, case.entered_on, incident_import.as_of, profile),
                       series=rescore_series(incidents, pid, case.entered_on, case.ended_on, incident_import.as_of,
                                             profile))


def programme_outcomes(cases) -> dict | None:
    """Aggregates over the cases with police outcomes: how many, mean change in incidents and harm
    (after minus before), mean RFGV change, and how many had no further incident."""
    cache: dict = {}
    outcomes = [o for o in (case_outcome(c, _cache=cache) for c in cases) if o is not None]
    if not outcomes:
        return None
    return {
        "cases": len(outcomes),
        "mean_incident_change": mean(o.measures["incidents_after"] - o.measures["incidents_before"] for o in outcomes),
        "mean_harm_change": mean(o.measures["harm_after"] - o.measures["harm_before"] for o in outcomes),
        "mean_rfgv_change": mean(o.rfgv_change for o in outcomes),
        "no_further_incident": sum(1 for o in outcomes if o.measures["incidents_after"] == 0),
    }
