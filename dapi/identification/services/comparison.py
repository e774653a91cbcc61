"""The stored comparison groups of cases: written by the background tasks (tasks.py) as the system,
each case's match and comparators replaced in one transaction with its audit entry. As for
outcomes (services/outcomes.py), the entries name the analyst whose upload the comparison comes
from, and record which import, entry date and band it comes from, never its figures."""

from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from ..comparison import Compared
from ..engine.comparison import MEASURED
from ..models import CaseComparison, Comparator, IncidentImport


def case_comparisons_save(*, incident_import: IncidentImport, computed: list[Compared], by) -> int:
    """Store each computed comparison group (replacing the case's earlier one). Only the system
    computes them (404 for a person). All or nothing; one audit entry per case. Returns how many
    were stored."""
    require(is_system(by))
    with transaction.atomic(), acting_as(incident_import.uploaded_by):
        for c in computed:
            p = c.person
            comparison, _ = CaseComparison.objects.update_or_create(case=c.case, defaults={
                "incident_import": incident_import, "entered_on": c.case.entered_on, "area": p["area"] or "",
                "band": p["band"], "score": p["score"], "days_after": p["days_after"],
                "window_days": p["window_days"], **{m: p[m] for m in MEASURED}})
            Comparator.objects.filter(comparison=comparison).delete()
            Comparator.objects.bulk_create(Comparator(comparison=comparison, perpetrator_id=o["perpetrator_id"],
                                                      score=o["score"], **{m: o[m] for m in MEASURED})
                                           for o in c.comparators)
    return len(computed)


def case_comparisons_clear(*, case_ids, by) -> int:
    """Remove the stored comparison groups of cases that no longer have one. Only the system;
    audited per comparison."""
    require(is_system(by))
    removed = 0
    with transaction.atomic():
        for comparison in CaseComparison.objects.filter(case__in=case_ids).select_related(
                "incident_import__uploaded_by"):
            with acting_as(comparison.incident_import.uploaded_by):
                comparison.delete()
            removed += 1
    return removed
