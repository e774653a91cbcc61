"""Uploading an incident file and queueing its ranking (again)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from .. import access, tasks
from ..models import ImportStatus, IncidentImport

ALLOWED = (".csv", ".parquet")


def incident_import_create(*, organisation, upload, as_of, by) -> IncidentImport:
    """Keep the file and queue its ranking. Police analysts of `organisation` only: 404 for anyone
    else, the system included (an import names who uploaded it). The file must be CSV or Parquet.
    The import, its audit row and its queued task commit together."""
    require(access.can_upload(by, organisation))
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError({"file": f"Upload a .csv or .parquet file of incidents, not {suffix or 'this'}."})
    with transaction.atomic(), acting_as(by):
        incident_import = IncidentImport(organisation=organisation, uploaded_by=by, as_of=as_of,
                                         original_name=Path(upload.name).name[:200])
        incident_import.file.save(f"import{suffix}", upload, save=False)
        incident_import.save()
        # The queue is a table in the same database: the import and its task commit together, so
        # no import is ever left waiting for a task that was never queued.
        tasks.rank_import.enqueue(incident_import.pk)
    return incident_import


def incident_import_rerun(*, incident_import: IncidentImport, by) -> IncidentImport:
    """Queue the ranking of an import again after it failed. Police analysts of its force, or the
    system (404 for anyone else). The file is still held: only a rejected file is deleted, and
    that is final."""
    require(is_system(by) or access.can_rank(by, incident_import))
    if incident_import.status != ImportStatus.FAILED:
        raise ValidationError(f"Only a failed ranking can be run again; this import is "
                              f"{incident_import.get_status_display().lower()}.")
    with transaction.atomic(), acting_as(by):
        incident_import.status, incident_import.progress, incident_import.finished_at = ImportStatus.QUEUED, "", None
        incident_import.save(update_fields=["status", "progress", "finished_at"])
        tasks.rank_import.enqueue(incident_import.pk)
    return incident_import
