"""Uploading an incident file and queueing its ranking (again)."""

import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from .. import access, tasks
from ..engine.read import csv_rows, parquet_rows
from ..models import ImportStatus, IncidentImport

ALLOWED = (".csv", ".parquet")
SPLIT = "Split it into smaller files (by period or by area) and upload each."


def _rows(upload, suffix: str) -> int | None:
    """The upload's rows, without reading it into memory: a Parquet file's footer (from the file on
    disk where Django streamed the upload to one), a CSV's lines as its chunks go by."""
    upload.seek(0)
    try:
        if suffix == ".csv":
            return csv_rows(upload.chunks())
        path = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else None
        # Only uploads small enough for Django to keep in memory have no file of their own.
        return parquet_rows(path or io.BytesIO(upload.read()))
    finally:
        upload.seek(0)


def check_size(upload, suffix: str) -> None:
    """Refuse (ValidationError on "file") an upload past DAPI_INCIDENT_MAX_MB or DAPI_INCIDENT_MAX_ROWS,
    before anything is stored: the ranking reads the whole file into the worker's memory (a 552 KB
    Parquet file of 30 million rows took it to 4.4 GB)."""
    name = Path(upload.name).name
    if upload.size > settings.DAPI_INCIDENT_MAX_BYTES:
        raise ValidationError({"file": f"{name} is {upload.size / 1024 / 1024:,.1f} MB; an incident file may be at "
                                       f"most {settings.DAPI_INCIDENT_MAX_BYTES / 1024 / 1024:,.0f} MB. {SPLIT}"})
    rows = _rows(upload, suffix)
    if rows is not None and rows > settings.DAPI_INCIDENT_MAX_ROWS:
        raise ValidationError({"file": f"{name} has {rows:,} rows; an incident file may have at most "
                                       f"{settings.DAPI_INCIDENT_MAX_ROWS:,}. {SPLIT}"})


def incident_import_create(*, organisation, upload, as_of, by) -> IncidentImport:
    """Keep the file and queue its ranking. Police analysts of `organisation` only: 404 for anyone
    else, the system included (an import names who uploaded it). The file must be CSV or Parquet,
    within DAPI_INCIDENT_MAX_MB and DAPI_INCIDENT_MAX_ROWS (check_size: refused, nothing stored).
    The import, its audit row and its queued task commit together."""
    require(access.can_upload(by, organisation))
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError({"file": f"Upload a .csv or .parquet file of incidents, not {suffix or 'this'}."})
    check_size(upload, suffix)
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
