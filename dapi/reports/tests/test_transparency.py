"""Issue 18, item 10: the public transparency page. Off unless the deployment turns it on (404 to
everyone, files included); on, anyone without signing in reads the approved decisions and the grants
(recipient, amount, purpose, conditions) and contracts over GBP 10,000 they commit, with links to the
open-data files, which are then public too. Nothing about people."""

import json
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from dapi.cases.tests.builders import CHILD_NAME, PERPETRATOR_NAME, VICTIM_ADDRESS, VICTIM_NAME, tatc_case
from dapi.decisions.models import Decision, DecisionStatus
from dapi.decisions.services import decision_create
from dapi.funding import services as funding_services
from dapi.funding.models import AgreementKind, AgreementStatus, Programme

PAGES = [("reports:transparency", []), ("reports:transparency_file", ["360giving", "json"]),
         ("reports:transparency_file", ["360giving", "csv"]), ("reports:transparency_file", ["ocds", "json"])]


@pytest.fixture
def transparency_on(settings):
    settings.DAPI_TRANSPARENCY_PAGE = True


def text_of(response) -> str:
    return unescape(response.content.decode())


def test_the_page_and_its_files_are_off_unless_the_deployment_turns_them_on(cast, client, client_for, settings):
    assert settings.DAPI_TRANSPARENCY_PAGE is False  # the default
    for name, args in PAGES:
        url = reverse(name, args=args)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
        assert client_for(cast["commissioner"]).get(url).status_code == 404
    settings.DAPI_TRANSPARENCY_PAGE = True
    client.logout()
    for name, args in PAGES:
        assert client.get(reverse(name, args=args)).status_code == 200


def test_anyone_reads_the_approved_decisions_and_the_grants_they_commit(seeded, client, transparency_on):
    response = client.get(reverse("reports:transparency"))
    assert response.status_code == 200
    page = text_of(response)
    cleveland = Decision.objects.get(reference__contains="2022-0007")
    assert cleveland.status == DecisionStatus.APPROVED and cleveland.title in page
    # The grants of Cleveland 2022-0007 (DOMAIN.md section 2): recipient and amount.
    assert "Harbour Support Services" in page and "£121,197.00" in page
    assert "My Sister's Place" in page and "£99,938.00" in page
    for name, args in PAGES[1:]:
        assert reverse(name, args=args) in page


def test_a_decision_not_approved_is_not_published(seeded, client, transparency_on):
    draft = decision_create(by=None, reference="TEST-DRAFT-1", title="A draft decision nobody has approved",
                            organisation=Decision.objects.first().organisation, decision_maker="Commissioner",
                            status=DecisionStatus.DRAFT)
    assert draft.title not in text_of(client.get(reverse("reports:transparency")))


def test_contracts_over_10000_are_published_and_smaller_ones_are_not(seeded, client, transparency_on):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    common = {"programme": programme, "kind": AgreementKind.CONTRACT, "commissioner": programme.lead_commissioner,
              "provider": programme.elements.first().provider, "start": date(2024, 4, 1), "end": date(2025, 3, 31),
              "status": AgreementStatus.APPROVED, "by": None}
    small = funding_services.agreement_create(title="Small evaluation contract", value=Decimal("9500"), **common)
    large = funding_services.agreement_create(title="Large delivery contract", value=Decimal("10000.01"),
                                              conditions="Quarterly returns.", **common)
    decision = decision_create(by=None, reference="TEST-CONTRACTS-1", title="Contracts for 2024/25",
                               organisation=programme.lead_commissioner, decision_maker="Commissioner",
                               status=DecisionStatus.APPROVED, decision_date=date(2024, 3, 1))
    decision.agreements.set([small, large])
    page = text_of(client.get(reverse("reports:transparency")))
    assert "Large delivery contract" in page and "£10,000.01" in page and "Quarterly returns." in page
    assert "Small evaluation contract" not in page


def test_the_page_holds_nothing_about_people(cast, client, transparency_on):
    tatc_case(cast)
    page = text_of(client.get(reverse("reports:transparency")))
    for personal in (VICTIM_NAME, CHILD_NAME, PERPETRATOR_NAME, VICTIM_ADDRESS, "Synthetic"):
        assert personal not in page
    assert "Harbour Support Services" in page  # the page itself is there


def test_the_public_files_are_the_open_data_of_the_whole_ledger(seeded, client, transparency_on, tmp_path):
    from django.core.management import call_command

    response = client.get(reverse("reports:transparency_file", args=["360giving", "json"]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    out = tmp_path / "grants.json"
    call_command("export", "360giving", "--output", str(out), stderr=open(tmp_path / "err", "w"))
    assert json.loads(response.content)["grants"] == json.loads(out.read_text())["grants"]
    releases = json.loads(client.get(reverse("reports:transparency_file", args=["ocds", "json"])).content)["releases"]
    assert releases


def test_a_file_there_is_not_answers_404_even_when_on(seeded, client, transparency_on):
    assert client.get(reverse("reports:transparency_file", args=["ocds", "csv"])).status_code == 404
    assert client.get(reverse("reports:transparency_file", args=["panel", "pdf"])).status_code == 404


def test_the_page_answers_only_get_when_on(seeded, client, transparency_on):
    assert client.post(reverse("reports:transparency")).status_code == 405
