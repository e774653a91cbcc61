"""Every identification write goes through a service that checks who is asking, writes its audit
entry with the change, and writes nothing when it refuses (identification/services/)."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.cases.models import Person, Referral
from dapi.demo.cases import load_rules
from dapi.funding.models import Programme
from dapi.identification import services
from dapi.identification.models import IncidentImport, RankedPerpetrator

from .test_identification_pages import csv_upload
ROW = {"area": "Hartlepool", "rank": 1, "perpetrator_id": "P9", "score": 50.0, "recency": 100, "frequency": 10,
       "gravity": 40.0, "victims": 30, "incidents": 1, "victim_count": 1, "harm_days": 20.0, "days_since": 3,
       "last_incident": date(2024, 3, 28), "serial": False}


@pytest.fixture
def queued(settings):
    """Uploads wait in the database queue instead of being ranked at once, so that a test can take
    the ranking's steps itself."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def police():
    return Organisation.objects.get(name="Cleveland Police")


def upload(police, by) -> IncidentImport:
    """The five incidents of test_identification_pages: P2 (Hartlepool) and P1 (Middlesbrough) ranked."""
    return services.incident_import_create(organisation=police, upload=csv_upload(), as_of=date(2024, 3, 31), by=by)


def entries(incident_import) -> list[tuple]:
    """The import's audit entries, oldest first: actor, action and the fields changed."""
    return [(e.actor.username if e.actor else None, e.action, sorted(e.changes or {}))
            for e in LogEntry.objects.get_for_object(incident_import).order_by("pk")]


def import_entries() -> int:
    return LogEntry.objects.filter(content_type__model="incidentimport").count()


def test_an_upload_is_audited_as_the_analysts(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    [(actor, action, fields)] = entries(incident_import)
    assert (actor, action) == ("police-analyst", LogEntry.Action.CREATE)
    assert {"organisation", "original_name", "file", "as_of", "status", "uploaded_by"} <= set(fields)


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "evaluator", "administrator"])
def test_an_upload_by_anyone_but_the_forces_analysts_is_refused_and_writes_nothing(cast, police, username,
                                                                                  uploads_in_a_temporary_directory):
    with pytest.raises(Http404):
        upload(police, cast[username])
    assert not IncidentImport.objects.exists() and import_entries() == 0
    assert not list(uploads_in_a_temporary_directory.rglob("*.csv"))


def test_the_system_cannot_upload_because_an_import_names_its_uploader(cast, police):
    with pytest.raises(Http404):
        upload(police, None)
    assert not IncidentImport.objects.exists()


def test_the_ranking_writes_its_steps_and_its_ranked_perpetrators_to_the_audit_log_for_the_uploader(cast, police):
    incident_import = upload(police, cast["police-analyst"])
    assert entries(incident_import)[1:] == [
        ("police-analyst", LogEntry.Action.UPDATE, ["status"]),
        ("police-analyst", LogEntry.Action.UPDATE, ["finished_at", "perpetrators", "profile_version", "rows", "status"]),
        ("police-analyst", LogEntry.Action.UPDATE, ["ranked_perpetrators"]),
    ]
    batch = LogEntry.objects.get_for_object(incident_import).order_by("pk").last()
    assert batch.changes == {"ranked_perpetrators": ["0", "2"]}
    assert batch.object_repr == f"Incident import {incident_import.pk} (incidents.csv, as of 2024-03-31)"


def test_marking_an_import_running_is_audited_once_for_the_change_of_status(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_mark_running(incident_import=incident_import, progress="Reading", by=None)
    services.incident_import_mark_running(incident_import=incident_import, progress="Scoring", by=None)
    incident_import.refresh_from_db()
    assert (incident_import.status, incident_import.progress) == ("running", "Scoring")
    running = LogEntry.objects.get_for_object(incident_import).order_by("pk").last()
    assert (running.actor, running.changes) == (cast["police-analyst"], {"status": ["queued", "running"]})
    assert import_entries() == 2


def test_a_rejected_file_is_deleted_and_its_rejection_audited(cast, police, queued, uploads_in_a_temporary_directory):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_reject(incident_import=incident_import, errors=["row 2: offence \"SLAP\" is not known"],
                                    by=None)
    incident_import.refresh_from_db()
    assert (incident_import.status, incident_import.file.name, incident_import.errors) == (
        "invalid", "", ["row 2: offence \"SLAP\" is not known"])
    assert not list(uploads_in_a_temporary_directory.rglob("*.csv"))
    assert entries(incident_import)[-1] == ("police-analyst", LogEntry.Action.UPDATE,
                                          ["errors", "file", "finished_at", "status"])


def test_a_failed_ranking_is_audited(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_fail(incident_import=incident_import, by=None)
    incident_import.refresh_from_db()
    assert incident_import.status == "failed" and incident_import.finished_at
    assert entries(incident_import)[-1] == ("police-analyst", LogEntry.Action.UPDATE, ["finished_at", "status"])


def test_the_systems_ranking_entries_name_the_uploader_so_only_their_forces_administrators_read_them(
        cast, police, queued):
    from dapi.accounts.models import Membership, Role, User
    from dapi.audit.access import log_entries_for

    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_fail(incident_import=incident_import, by=None)
    entry = LogEntry.objects.get_for_object(incident_import).order_by("pk").last()
    force_administrator = User.objects.create_user("force-administrator")
    Membership.objects.create(user=force_administrator, organisation=police, role=Role.ADMINISTRATOR)
    assert log_entries_for(force_administrator).filter(pk=entry.pk).exists()
    # The demo administrator administers the Cleveland OPCC, not the force.
    assert not log_entries_for(cast["administrator"]).filter(pk=entry.pk).exists()


def test_saving_a_ranking_replaces_the_earlier_one_with_one_audit_entry_for_the_batch(cast, police):
    incident_import = upload(police, cast["police-analyst"])
    saved = services.ranking_save(incident_import=incident_import, ranked=[ROW], rows=1, perpetrators=1,
                                  profile_version="rfgv-default-1", by=None)
    assert saved == 1
    assert list(RankedPerpetrator.objects.filter(incident_import=incident_import).values_list(
        "perpetrator_id", flat=True)) == ["P9"]
    batch = LogEntry.objects.get_for_object(incident_import).order_by("pk").last()
    assert (batch.actor, batch.action, batch.changes) == (cast["police-analyst"], LogEntry.Action.UPDATE,
                                                          {"ranked_perpetrators": ["2", "1"]})


@pytest.mark.parametrize("service,kwargs", [
    (services.ranking_save, {"ranked": [ROW], "rows": 1, "perpetrators": 1, "profile_version": "x"}),
    (services.incident_import_mark_running, {"progress": "Reading"}),
    (services.incident_import_reject, {"errors": ["bad"]}),
    (services.incident_import_fail, {}),
])
def test_the_rankings_writes_by_anyone_but_the_forces_analysts_are_refused_and_write_nothing(cast, police, service,
                                                                                            kwargs):
    incident_import = upload(police, cast["police-analyst"])
    before = (import_entries(), list(RankedPerpetrator.objects.values_list("pk", flat=True)))
    with pytest.raises(Http404):
        service(incident_import=incident_import, by=cast["commissioner"], **kwargs)
    incident_import.refresh_from_db()
    assert incident_import.status == "done" and incident_import.file
    assert (import_entries(), list(RankedPerpetrator.objects.values_list("pk", flat=True))) == before


def test_the_forces_analyst_may_take_a_rankings_step_themselves(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_fail(incident_import=incident_import, by=cast["police-analyst"])
    assert entries(incident_import)[-1] == ("police-analyst", LogEntry.Action.UPDATE, ["finished_at", "status"])


def test_running_a_ranking_again_by_anyone_but_the_forces_analysts_is_refused_and_writes_nothing(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_fail(incident_import=incident_import, by=None)
    before = import_entries()
    with pytest.raises(Http404):
        services.incident_import_rerun(incident_import=incident_import, by=cast["provider-manager"])
    incident_import.refresh_from_db()
    assert incident_import.status == "failed" and import_entries() == before


def test_running_a_ranking_again_is_audited(cast, police, queued):
    incident_import = upload(police, cast["police-analyst"])
    services.incident_import_fail(incident_import=incident_import, by=None)
    services.incident_import_rerun(incident_import=incident_import, by=cast["police-analyst"])
    last = LogEntry.objects.get_for_object(incident_import).order_by("pk").last()
    assert (last.actor, last.changes["status"]) == (cast["police-analyst"], ["failed", "queued"])


def refer(ranked, by):
    return services.refer_from_ranking(
        ranked=ranked, by=by, programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=Organisation.objects.get(name="Harbour Support Services"), reason="Complex needs suspected")


def test_a_referral_from_the_ranking_is_audited_as_the_analysts(cast, police):
    load_rules()
    ranked = upload(police, cast["police-analyst"]).ranked.get(perpetrator_id="P1")
    referral = refer(ranked, cast["police-analyst"])
    assert LogEntry.objects.get_for_object(referral).get(action=LogEntry.Action.CREATE).actor == cast["police-analyst"]
    assert LogEntry.objects.get_for_object(referral.person).filter(actor=cast["police-analyst"]).exists()


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "perpetrator-worker"])
def test_a_referral_from_the_ranking_by_anyone_but_the_forces_analysts_is_refused_and_writes_nothing(cast, police,
                                                                                                     username):
    load_rules()
    ranked = upload(police, cast["police-analyst"]).ranked.get(perpetrator_id="P1")
    with pytest.raises(Http404):
        refer(ranked, cast[username])
    assert not Referral.objects.exists() and not Person.objects.exists()
    assert not LogEntry.objects.filter(content_type__model__in=["referral", "person"]).exists()


def test_a_bad_file_without_the_optional_age_column_is_rejected_with_its_row_errors_and_deleted(
        cast, police, uploads_in_a_temporary_directory):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = ("incident_id,occurred_on,area,perpetrator_id,victim_id,offence\n"
            "I1,2024-03-01,Hartlepool,P1,V1,CA\nI2,2024-02-01,Hartlepool,P1,V2,SLAP\n")
    incident_import = services.incident_import_create(
        organisation=police, upload=SimpleUploadedFile("no_age.csv", text.encode(), content_type="text/csv"),
        as_of=date(2024, 3, 31), by=cast["police-analyst"])
    incident_import.refresh_from_db()
    assert (incident_import.status, incident_import.file.name) == ("invalid", "")
    assert incident_import.errors[0] == 'row 2: offence "SLAP" is not a known offence code'
    assert not list(uploads_in_a_temporary_directory.rglob("*.csv"))
