"""The ranking's writes: an import's status as its ranking moves on, and the ranked perpetrators.

The background task (dapi/identification/tasks.py) calls these as the system (`by=None`); police
analysts of the importing force may call them too, and anyone else is refused with 404. Each
service writes its change and its audit entry in one transaction.
"""

from collections.abc import Iterable

from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from .. import access
from ..models import ImportStatus, IncidentImport, RankedPerpetrator

BATCH = 5000
RANKED_FIELDS = ("area", "rank", "perpetrator_id", "score", "recency", "frequency", "gravity", "victims", "incidents",
                 "victim_count", "harm_days", "days_since", "last_incident", "serial")


def _check(by, incident_import: IncidentImport) -> None:
    require(is_system(by) or access.can_rank(by, incident_import))


def _on_behalf_of(by, incident_import: IncidentImport):
    """Whom the audit entries of the ranking name: the person, or for the system's background work
    the analyst whose upload it is. System entries (no actor) are read by every administrator, and
    an import is its force's police data, for its force's administrators only."""
    return incident_import.uploaded_by if is_system(by) else by


def incident_import_mark_running(*, incident_import: IncidentImport, progress: str, by) -> IncidentImport:
    """Say that the import is being ranked and which step it is on. Committed at once, so the
    analyst's page follows the ranking. The audit entry records the change of status; the words
    of each step are not audited."""
    _check(by, incident_import)
    with transaction.atomic(), acting_as(_on_behalf_of(by, incident_import)):
        incident_import.status, incident_import.progress = ImportStatus.RUNNING, progress
        incident_import.save(update_fields=["status", "progress"])
    return incident_import


def incident_import_reject(*, incident_import: IncidentImport, errors: list[str], by) -> IncidentImport:
    """Reject an import whose file is not valid, keeping only the list of what was wrong with it:
    the file is deleted first, so nothing of it is kept whatever happens next, and nothing is
    ranked. The import and its audit entry are saved together."""
    _check(by, incident_import)
    incident_import.file.delete(save=False)
    with transaction.atomic(), acting_as(_on_behalf_of(by, incident_import)):
        incident_import.status, incident_import.errors = ImportStatus.INVALID, errors
        incident_import.progress, incident_import.finished_at = "", timezone.now()
        incident_import.save(update_fields=["status", "errors", "file", "progress", "finished_at"])
    return incident_import


def incident_import_fail(*, incident_import: IncidentImport, by) -> IncidentImport:
    """Say that the ranking stopped before it finished (its worker was stopped, the database went
    away): nothing of it was saved, and the force's analysts can run it again from the file,
    which is still held. The import and its audit entry are saved together."""
    _check(by, incident_import)
    with transaction.atomic(), acting_as(_on_behalf_of(by, incident_import)):
        incident_import.status, incident_import.progress = ImportStatus.FAILED, ""
        incident_import.finished_at = timezone.now()
        incident_import.save(update_fields=["status", "progress", "finished_at"])
    return incident_import


def ranking_save(*, incident_import: IncidentImport, ranked: Iterable[dict], rows: int, perpetrators: int,
                 profile_version: str, by) -> int:
    """Replace the import's rankings with `ranked` (one mapping of RANKED_FIELDS per perpetrator)
    and mark it ranked, with `rows` incidents read and `perpetrators` scored. All or nothing, in
    one transaction: a worker killed half-way leaves no ranking, and running it again replaces
    what an earlier attempt wrote. One audit entry names the import and how many ranked
    perpetrators it held before and holds now, beside the import's own. Returns how many were saved."""
    _check(by, incident_import)
    saved = 0
    with transaction.atomic(), acting_as(_on_behalf_of(by, incident_import)):
        before, _ = RankedPerpetrator.objects.filter(incident_import=incident_import).delete()
        batch = []
        for row in ranked:
            batch.append(RankedPerpetrator(incident_import=incident_import, **{f: row[f] for f in RANKED_FIELDS}))
            if len(batch) >= BATCH:
                RankedPerpetrator.objects.bulk_create(batch)
                saved, batch = saved + len(batch), []
        RankedPerpetrator.objects.bulk_create(batch)
        saved += len(batch)
        incident_import.status, incident_import.progress, incident_import.errors = ImportStatus.DONE, "", []
        incident_import.profile_version, incident_import.rows = profile_version, rows
        incident_import.perpetrators, incident_import.finished_at = perpetrators, timezone.now()
        incident_import.save(update_fields=["status", "progress", "errors", "profile_version", "rows", "perpetrators",
                                            "finished_at"])
        LogEntry.objects.log_create(incident_import, action=LogEntry.Action.UPDATE,
                                    changes={"ranked_perpetrators": [str(before), str(saved)]})
    return saved
