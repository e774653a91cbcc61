"""Background work: rank an uploaded incident file (django-tasks; `dapi db_worker` runs the queue).

The task reads and scores the file with the engine and writes only through the services in
services/ranking.py, as the system (`by=None`), each with its audit entry."""

from django_tasks import task

from .engine import InvalidIncidentFile, default_profile, rank, read_incidents, score
from .models import IncidentImport
from .services.ranking import incident_import_fail, incident_import_mark_running, incident_import_reject, ranking_save


@task()
def rank_import(import_id: int) -> str:
    """Validate, score and rank one import. Rankings are written in one transaction, so a worker
    killed half-way leaves none, and running the task again (dapi/worker.py queues it again after a
    dead worker; an analyst can after a failure) replaces whatever an earlier attempt wrote."""
    incident_import = IncidentImport.objects.get(pk=import_id)
    try:
        return rank_one(incident_import)
    except BaseException:
        # The worker records the exception itself; the analyst sees that the ranking failed and
        # that it can be run again, never a page that says "Processing" for ever.
        incident_import_fail(incident_import=incident_import, by=None)
        raise


def rank_one(incident_import: IncidentImport) -> str:
    profile = default_profile()
    incident_import_mark_running(incident_import=incident_import, progress="Reading and validating the file", by=None)
    try:
        incidents = read_incidents(incident_import.file.path, profile)
    except InvalidIncidentFile as e:
        incident_import_reject(incident_import=incident_import, errors=e.errors, by=None)
        return "invalid"
    incident_import_mark_running(incident_import=incident_import, progress="Scoring perpetrators", by=None)
    scores = score(incidents, incident_import.as_of, profile)
    ranked = rank(scores, top_n=10**9)  # keep everyone eligible: cohorts look beyond the top N
    rows = incidents.select("row").collect().height
    incident_import_mark_running(incident_import=incident_import,
                                 progress=f"Saving {ranked.height:,} ranked perpetrators", by=None)
    ranking_save(incident_import=incident_import, ranked=ranked.iter_rows(named=True), rows=rows,
                 perpetrators=scores.height, profile_version=profile.version, by=None)
    return "done"
