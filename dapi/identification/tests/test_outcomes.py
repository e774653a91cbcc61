"""Outcomes of a case from police data, on its page and in the programme's evidence: only from the
referring force's imports, computed in the background and stored, never read from a file by a page."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.cases.models import Assignment, CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.cases.services.referrals import referral_accept
from dapi.demo.cases import load_rules
from dapi.funding.models import Programme
from dapi.identification import models as identification_models
from dapi.identification.models import IncidentImport, RankedPerpetrator
from dapi.identification.services import incident_import_create, refer_from_ranking

from .engine_helpers import HEADER

INCIDENTS = [
    ("I1", "2023-03-01", "Hartlepool", "P1", "V1", "ABH", 30),   # before entry (1 Jun 2023)
    ("I2", "2023-05-01", "Hartlepool", "P1", "V1", "CA", 30),    # before
    ("I3", "2023-09-01", "Hartlepool", "P1", "V1", "NCI", 30),   # after
    ("I9", "2023-09-02", "Hartlepool", "P9", "V9", "GBH", 30),   # someone else
]
# Another force's file holding the same identifier for someone else entirely.
ELSEWHERE = [(f"M{i}", f"2023-{m:02d}-10", "Manchester", "P1", f"W{i}", "GBH", 40)
             for i, m in enumerate([2, 4, 7, 8, 9, 10, 11], start=1)]


def csv_of(rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("i.csv", ("\n".join([HEADER, *(",".join(str(v) for v in r) for r in rows)]) + "\n")
                              .encode())


def upload(force: str, rows, as_of: date, by) -> IncidentImport:
    return incident_import_create(organisation=Organisation.objects.get(name=force), as_of=as_of,
                                  upload=csv_of(rows), by=by)


@pytest.fixture
def manchester_analyst(seeded):
    user = User.objects.create_user("gmp-analyst", password="gmp-analyst-password-1")
    Membership.objects.create(user=user, organisation=Organisation.objects.get(name="Greater Manchester Police"),
                              role=Role.POLICE_ANALYST)
    return user


def referred_and_entered(cast, *, enter: bool = True):
    """Cleveland Police ranks P1 (as of 1 May 2023) and refers him from its ranking on 10 May; Harbour
    accepts, and he enters the programme on 1 Jun 2023."""
    load_rules()
    first = upload("Cleveland Police", INCIDENTS[:2], date(2023, 5, 1), cast["police-analyst"])
    org = Organisation.objects.get
    with time_machine.travel("2023-05-10 09:00 +00:00", tick=False):
        referral = refer_from_ranking(ranked=RankedPerpetrator.objects.get(incident_import=first, perpetrator_id="P1"),
                                      programme=Programme.objects.get(slug="cleveland-complex-needs"),
                                      provider=org(name="Harbour Support Services"), reason="Ranked 1st",
                                      by=cast["police-analyst"])
    case = referral_accept(referral=referral, by=cast["provider-manager"], on=date(2023, 5, 12), reason="Fits",
                           version=referral.version, victim_service=org(name="My Sister's Place"))
    Assignment.objects.create(case=case, worker=cast["perpetrator-worker"], role="coordinator", side="perpetrator",
                              started_on=date(2023, 5, 12))
    steps = ((CaseStatus.ASSESSMENT, date(2023, 5, 20)), (CaseStatus.ACTIVE, date(2023, 6, 1)))
    for to, on in steps if enter else steps[:1]:
        case = case_change_status(case=case, to=to, on=on, by=cast["provider-manager"], version=case.version)
    return case


@pytest.fixture
def case_with_police_data(cast):
    case = referred_and_entered(cast)
    upload("Cleveland Police", INCIDENTS, date(2023, 12, 31), cast["police-analyst"])
    return case


def outcome_page(client, case):
    return client.get(reverse("identification:case_outcomes", args=[case.pk]))


CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">'


def test_the_case_outcome_page_shows_before_and_after_and_rescores(cast, client_for, case_with_police_data):
    case = case_with_police_data
    page = outcome_page(client_for(cast["perpetrator-worker"]), case)
    text = page.content.decode()
    assert page.status_code == 200
    assert f"{CELL}2</td>{CELL}1</td>" in text
    assert "375" in text and "214 of the 365 days" in text  # 1 Jun to 31 Dec 2023 of the 365 days from entry
    assert "1 Jun 2023" in text and "29 Jun 2023" in text  # entry, then every 28 days
    assert outcome_page(client_for(cast["partner-support-worker"]), case).status_code == 404


def test_the_outcome_page_reads_the_stored_outcome_and_never_the_incident_file(cast, client_for,
                                                                               case_with_police_data):
    case = case_with_police_data
    for incident_import in IncidentImport.objects.all():
        incident_import.file.delete(save=False)  # a page that opened a file would fail now
    text = outcome_page(client_for(cast["perpetrator-worker"]), case).content.decode()
    assert f"{CELL}2</td>{CELL}1</td>" in text and "214 of the 365 days" in text
    stored = identification_models.CaseOutcome.objects.get(case=case)
    assert (stored.incidents_before, stored.incidents_after, stored.harm_before, stored.harm_after) == (2, 1, 375, 1)
    assert stored.points.count() == 8 and stored.points.first().point == "entry"  # 1 Jun, every 28 days to 31 Dec


def test_outcomes_come_only_from_the_referring_force_and_never_fall_back(cast, client_for, manchester_analyst):
    case = referred_and_entered(cast)
    # Greater Manchester Police's newer file also holds an identifier "P1", with seven GBH incidents.
    upload("Greater Manchester Police", ELSEWHERE, date(2023, 12, 31), manchester_analyst)
    worker = client_for(cast["perpetrator-worker"])
    text = outcome_page(worker, case).content.decode()
    assert "No outcome yet" in text and "GBH" not in text
    assert not identification_models.CaseOutcome.objects.exists()
    # Cleveland's own file, older than Manchester's, is the one used.
    upload("Cleveland Police", INCIDENTS, date(2023, 11, 30), cast["police-analyst"])
    text = outcome_page(worker, case).content.decode()
    assert f"{CELL}2</td>{CELL}1</td>" in text and "30 Nov 2023" in text
    stored = identification_models.CaseOutcome.objects.get(case=case)
    assert stored.incident_import.organisation.name == "Cleveland Police"


def test_setting_the_entry_date_computes_the_outcome_in_the_background(cast, client_for):
    case = referred_and_entered(cast, enter=False)
    upload("Cleveland Police", INCIDENTS, date(2023, 12, 31), cast["police-analyst"])
    assert not identification_models.CaseOutcome.objects.exists()  # not entered yet: nothing to measure from
    client = client_for(cast["perpetrator-worker"])
    response = client.post(reverse("cases:case_status", args=[case.pk]),
                           {"to": CaseStatus.ACTIVE, "on": "2023-06-01", "version": case.version})
    assert response.status_code == 302
    stored = identification_models.CaseOutcome.objects.get(case=case)  # the task ran (at once in tests)
    assert (stored.entered_on, stored.incidents_before, stored.incidents_after) == (date(2023, 6, 1), 2, 1)
    case.refresh_from_db()
    case_change_status(case=case, to=CaseStatus.COMPLETED, on=date(2023, 10, 1), by=cast["provider-manager"],
                       version=case.version)
    stored = identification_models.CaseOutcome.objects.get(case=case)
    assert stored.ended_on == date(2023, 10, 1) and stored.points.last().point == "exit"


def test_an_outcome_is_audited_for_the_force_without_its_figures(cast, case_with_police_data):
    from auditlog.models import LogEntry

    entries = LogEntry.objects.get_for_model(identification_models.CaseOutcome)
    assert entries.exists() and {e.actor for e in entries} == {cast["police-analyst"]}  # the force's, not everyone's
    assert all(set(e.changes_dict) <= {"case", "incident_import", "entered_on", "ended_on", "id"} for e in entries)


def test_dapi_outcomes_queues_every_police_referred_case_to_be_worked_out_again(cast, case_with_police_data):
    from django.core.management import call_command

    identification_models.CaseOutcome.objects.all().delete()  # as after an upgrade: none stored yet
    call_command("outcomes")
    stored = identification_models.CaseOutcome.objects.get(case=case_with_police_data)  # tasks run at once in tests
    assert (stored.incidents_before, stored.incidents_after) == (2, 1)
