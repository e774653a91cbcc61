"""Evaluator extracts: approved by a commissioner, pseudonymised, audited, and they expire."""

import csv
import io
import zipfile
from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.demo.cases import load_demo_cases
from dapi.tests.demo_snapshot import loaded
from dapi.cases.models import Case, IdentifyingDetails, Person
from dapi.funding.models import Programme
from dapi.reports.models import ExtractApproval, ExtractDownload
from dapi.reports.services import extract_approve


@pytest.fixture
def approval(seeded, cast):
    loaded(load_demo_cases)
    return extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                           evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                           approved_on=date(2024, 1, 10), expires_on=date(2024, 4, 10),
                           purpose="Home Office evaluation of the pilot", by=cast["commissioner"])


def files_of(response) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(response.content)) as bundle:
        return {name: bundle.read(name).decode() for name in bundle.namelist()}


@time_machine.travel("2024-02-01 12:00")
def test_the_evaluator_downloads_a_pseudonymised_bundle_with_a_data_dictionary(cast, client_for, approval):
    response = client_for(cast["evaluator"]).get(reverse("reports:extract_download", args=[approval.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    files = files_of(response)
    assert set(files) == {"referrals.csv", "cases.csv", "people_linked.csv", "risk_assessments.csv", "contacts.csv",
                          "needs.csv", "data_dictionary.csv", "README.txt"}
    cases = list(csv.DictReader(io.StringIO(files["cases.csv"])))
    assert len(cases) == Case.objects.count()
    everything = "\n".join(files.values())
    for person in Person.objects.all():
        assert person.reference not in everything
    for details in IdentifyingDetails.objects.all():
        assert details.full_name not in everything and details.address not in everything
    assert "Synthetic demo note" not in everything  # no free text
    for row in cases:
        assert len(row["referred_month"]) == 7  # YYYY-MM
    ages = {r["age_band"] for r in csv.DictReader(io.StringIO(files["referrals.csv"]))}
    assert all(band.count("-") == 1 and int(band.split("-")[1]) - int(band.split("-")[0]) == 4 for band in ages)
    dictionary = list(csv.DictReader(io.StringIO(files["data_dictionary.csv"])))
    assert {d["file"] for d in dictionary} == set(files) - {"data_dictionary.csv", "README.txt"}


@time_machine.travel("2024-02-01 12:00")
def test_the_same_person_keeps_the_same_key_across_downloads_and_the_key_is_not_guessable(cast, client_for, approval):
    client = client_for(cast["evaluator"])
    first = files_of(client.get(reverse("reports:extract_download", args=[approval.pk])))["cases.csv"]
    second = files_of(client.get(reverse("reports:extract_download", args=[approval.pk])))["cases.csv"]
    assert first == second
    import hashlib
    case = Case.objects.first()
    assert hashlib.sha256(f"case:{case.pk}".encode()).hexdigest()[:20] not in first


@time_machine.travel("2024-02-01 12:00")
def test_every_download_is_recorded_and_audited(cast, client_for, approval):
    client_for(cast["evaluator"]).get(reverse("reports:extract_download", args=[approval.pk]))
    download = ExtractDownload.objects.get()
    assert download.downloaded_by == cast["evaluator"] and download.rows > 0
    assert LogEntry.objects.get_for_object(approval).filter(action=LogEntry.Action.ACCESS,
                                                            actor=cast["evaluator"]).exists()


@time_machine.travel("2024-04-11 09:00")
def test_an_expired_extract_can_no_longer_be_downloaded(cast, client_for, approval):
    response = client_for(cast["evaluator"]).get(reverse("reports:extract_download", args=[approval.pk]))
    assert response.status_code == 410 and "expired on 10 April 2024" in response.content.decode()
    assert not ExtractDownload.objects.exists()


@time_machine.travel("2024-02-01 12:00")
@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "perpetrator-worker", "panel-member",
                                      "police-analyst"])
def test_no_one_but_the_evaluator_downloads(cast, client_for, approval, username):
    assert client_for(cast[username]).get(
        reverse("reports:extract_download", args=[approval.pk])).status_code == 404


@time_machine.travel("2024-02-01 12:00")
def test_a_commissioner_approves_an_extract_on_the_page(cast, client_for, seeded):
    client = client_for(cast["commissioner"])
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    evaluator = Organisation.objects.get(name="Barefoot Social Research")
    response = client.post(reverse("reports:extract_list"), {
        "programme": programme.pk, "evaluator": evaluator.pk, "purpose": "Evaluation", "expires_on": "2024-05-01"})
    assert response.status_code == 302
    approval = ExtractApproval.objects.get()
    assert (approval.approved_by, approval.approved_on) == (cast["commissioner"], date(2024, 2, 1))
    assert LogEntry.objects.get_for_object(approval).get().actor == cast["commissioner"]


@time_machine.travel("2024-02-01 12:00")
def test_others_cannot_approve(cast, client_for, seeded):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    response = client_for(cast["evaluator"]).post(reverse("reports:extract_list"), {
        "programme": programme.pk, "evaluator": 1, "purpose": "x", "expires_on": "2024-05-01"})
    assert response.status_code == 404 and not ExtractApproval.objects.exists()
