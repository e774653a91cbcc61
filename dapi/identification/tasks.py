"""Background work: rank an uploaded incident file (django-tasks; `dapi db_worker` runs the queue)."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .engine import InvalidIncidentFile, default_profile, rank, read_incidents, score
from .models import ImportStatus, IncidentImport, RankedPerpetrator

BATCH = 5000


def _progress(incident_import: IncidentImport, status: str, text: str) -> None:
    IncidentImport.objects.filter(pk=incident_import.pk).update(status=status, progress=text)


@task()
def rank_import(import_id: int) -> str:
    """Validate, score and rank one import. Rankings are written in one transaction, so a worker
    killed half-way leaves none, and running the task again (dapi/worker.py queues it again after a
    dead worker; an analyst can after a failure) replaces whatever an earlier attempt wrote."""
    try:
        return _rank(import_id)
    except BaseException:
        # The worker records the exception itself; the analyst sees that the ranking failed and
        # that it can be run again, never a page that says "Processing" for ever.
        IncidentImport.objects.filter(pk=import_id).update(status=ImportStatus.FAILED, progress="",
                                                           finished_at=timezone.now())
        raise


def _rank(import_id: int) -> str:
    incident_import = IncidentImport.objects.get(pk=import_id)
    profile = default_profile()
    _progress(incident_import, ImportStatus.RUNNING, "Reading and validating the file")
    try:
        incidents = read_incidents(incident_import.file.path, profile)
    except InvalidIncidentFile as e:
        # Nothing of a rejected file is kept: only the list of what was wrong with it.
        incident_import.file.delete(save=False)
        IncidentImport.objects.filter(pk=import_id).update(status=ImportStatus.INVALID, errors=e.errors, file="",
                                                           progress="", finished_at=timezone.now())
        return "invalid"
    _progress(incident_import, ImportStatus.RUNNING, "Scoring perpetrators")
    scores = score(incidents, incident_import.as_of, profile)
    ranked = rank(scores, top_n=10**9)  # keep everyone eligible: cohorts look beyond the top N
    rows = incidents.select("row").collect().height
    _progress(incident_import, ImportStatus.RUNNING, f"Saving {ranked.height:,} ranked perpetrators")
    with transaction.atomic():
        RankedPerpetrator.objects.filter(incident_import_id=import_id).delete()
        batch = []
        for r in ranked.iter_rows(named=True):
            batch.append(RankedPerpetrator(
                incident_import_id=import_id, area=r["area"], rank=r["rank"], perpetrator_id=r["perpetrator_id"],
                score=r["score"], recency=r["recency"], frequency=r["frequency"], gravity=r["gravity"],
                victims=r["victims"], incidents=r["incidents"], victim_count=r["victim_count"],
                harm_days=r["harm_days"], days_since=r["days_since"], last_incident=r["last_incident"],
                serial=r["serial"]))
            if len(batch) >= BATCH:
                RankedPerpetrator.objects.bulk_create(batch)
                batch = []
        RankedPerpetrator.objects.bulk_create(batch)
        IncidentImport.objects.filter(pk=import_id).update(
            status=ImportStatus.DONE, progress="", errors=[], profile_version=profile.version, rows=rows,
            perpetrators=scores.height, finished_at=timezone.now())
    return "done"
