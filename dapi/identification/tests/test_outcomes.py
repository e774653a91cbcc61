"""Outcomes of a case from police data, on its page and in the programme's evidence."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.demo.cases import load_rules
from dapi.cases.models import CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.cases.services.referrals import referral_accept, referral_of_new_person_create
from dapi.funding.models import Programme
from dapi.identification.services import incident_import_create

from .engine_helpers import HEADER

INCIDENTS = [
    ("I1", "2023-03-01", "Hartlepool", "P1", "V1", "ABH", 30),   # before entry (1 Jun 2023)
    ("I2", "2023-05-01", "Hartlepool", "P1", "V1", "CA", 30),    # before
    ("I3", "2023-09-01", "Hartlepool", "P1", "V1", "NCI", 30),   # after
    ("I9", "2023-09-02", "Hartlepool", "P9", "V9", "GBH", 30),   # someone else
]


@pytest.fixture
def case_with_police_data(cast):
    load_rules()
    org = Organisation.objects.get
    referral = referral_of_new_person_create(
        by=cast["police-analyst"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=org(name="Harbour Support Services"), source="police", referring_organisation=org(name="Cleveland Police"),
        received_on=date(2023, 5, 10), reason="Ranked 25th", lawful_basis="law_enforcement", police_perpetrator_id="P1")
    case = referral_accept(referral=referral, by=cast["provider-manager"], on=date(2023, 5, 12), reason="Fits",
                           version=referral.version, victim_service=org(name="My Sister's Place"))
    from dapi.cases.models import Assignment
    Assignment.objects.create(case=case, worker=cast["perpetrator-worker"], role="coordinator", side="perpetrator",
                              started_on=date(2023, 5, 12))
    for to, on in ((CaseStatus.ASSESSMENT, date(2023, 5, 20)), (CaseStatus.ACTIVE, date(2023, 6, 1))):
        case = case_change_status(case=case, to=to, on=on, by=cast["provider-manager"], version=case.version)
    text = "\n".join([HEADER, *(",".join(str(v) for v in r) for r in INCIDENTS)]) + "\n"
    incident_import_create(organisation=org(name="Cleveland Police"), as_of=date(2023, 12, 31),
                           upload=SimpleUploadedFile("i.csv", text.encode()), by=cast["police-analyst"])
    return case


def test_the_case_outcome_page_shows_before_and_after_and_rescores(cast, client_for, case_with_police_data):
    case = case_with_police_data
    page = client_for(cast["perpetrator-worker"]).get(reverse("identification:case_outcomes", args=[case.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">'
    assert f"{cell}2</td>{cell}1</td>" in text
    assert "375" in text and "214 of the 365 days" in text  # 1 Jun to 31 Dec 2023 of the 365 days from entry
    assert "1 Jun 2023" in text and "29 Jun 2023" in text  # entry, then every 28 days
    assert client_for(cast["partner-support-worker"]).get(
        reverse("identification:case_outcomes", args=[case.pk])).status_code == 404
