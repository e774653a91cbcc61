"""The stored police outcomes of cases: written by the background tasks (tasks.py) as the system,
each case's outcome and rescores replaced in one transaction with its audit entries. As for the
ranking (services/ranking.py), the entries name the analyst whose upload the outcome comes from:
an entry without an actor is read by every administrator, and this is the force's police data.
The entries record which import and dates an outcome comes from, never its figures."""

from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from ..models import CaseOutcome, IncidentImport, OutcomePoint
from ..outcomes import POINT_FIELDS, Computed


def case_outcomes_save(*, incident_import: IncidentImport, computed: list[Computed], by) -> int:
    """Store each computed outcome (replacing the case's earlier one and its rescores). Only the
    system computes outcomes (404 for a person). All or nothing; the audit log has one entry per
    case's outcome (numbers and dates only). Returns how many were stored."""
    require(is_system(by))
    with transaction.atomic(), acting_as(incident_import.uploaded_by):
        for c in computed:
            scores = [p["score"] for p in c.points]
            outcome, _ = CaseOutcome.objects.update_or_create(case=c.case, defaults={
                "incident_import": incident_import, "entered_on": c.case.entered_on, "ended_on": c.case.ended_on,
                "rfgv_change": scores[-1] - scores[0] if scores else 0.0, **c.measures})
            OutcomePoint.objects.filter(outcome=outcome).delete()
            OutcomePoint.objects.bulk_create(OutcomePoint(outcome=outcome, **{f: p[f] for f in POINT_FIELDS})
                                             for p in c.points)
    return len(computed)


def case_outcomes_clear(*, case_ids, by) -> int:
    """Remove the stored outcomes of cases that no longer have one (no ranked import of the
    referring force dated on or after entry). Only the system; audited per outcome."""
    require(is_system(by))
    removed = 0
    with transaction.atomic():
        for outcome in CaseOutcome.objects.filter(case__in=case_ids).select_related("incident_import__uploaded_by"):
            with acting_as(outcome.incident_import.uploaded_by):
                outcome.delete()
            removed += 1
    return removed
