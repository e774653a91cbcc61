"""`dapi export ocds`: every contract in the ledger as an OCDS 1.1 release package, validated
against the published release package and release schemas copied into tests/schemas (offline)."""

import json
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from dapi.decisions import services as decision_services
from dapi.decisions.models import DecisionStatus, DocumentType
from dapi.funding import services as funding_services
from dapi.funding.models import Agreement, AgreementKind, AgreementStatus, Award, Programme
from dapi.reports import ocds

SCHEMAS = Path(__file__).parent / "schemas"
PERPETRATORS = "Domestic Abuse Perpetrators Service (Hampshire and Southampton)"
VICTIMS = "Domestic Abuse Support Service for Victims (Hampshire only)"
OPCC_HANTS = "Office of the Police and Crime Commissioner for Hampshire"


def _load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


@cache
def validator() -> Draft4Validator:
    """The package refers to the release schema by its id; that id is served from the local copy
    and every other reference is refused, so validation never reaches the network."""
    release = _load("ocds-1.1-release-schema.json")

    def refuse(uri: str):
        raise NoSuchResource(ref=uri)

    registry = Registry(retrieve=refuse).with_resource(
        release["id"], Resource.from_contents(release, default_specification=DRAFT4))
    return Draft4Validator(_load("ocds-1.1-release-package-schema.json"), registry=registry,
                           format_checker=Draft4Validator.FORMAT_CHECKER)


def errors(data: dict) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data))


def export(tmp_path) -> tuple[dict, str]:
    """The package, and what the command told: rows left out (stderr), then the summary (stdout)."""
    path, err, out = tmp_path / "ocds.json", tmp_path / "stderr.txt", tmp_path / "stdout.txt"
    with err.open("w") as stderr, out.open("w") as stdout:
        call_command("export", "ocds", "--output", str(path), stderr=stderr, stdout=stdout)
    return json.loads(path.read_text()), err.read_text() + out.read_text()


def release_of(data: dict, title: str) -> dict:
    return next(r for r in data["releases"] if r["awards"][0]["title"] == title)


def day(value: str) -> date:
    return datetime.fromisoformat(value).date()


def test_the_export_validates_against_the_ocds_release_package_schema(seeded, capsys):
    call_command("export", "ocds")
    data = json.loads(capsys.readouterr().out)
    assert errors(data) == []
    assert data["version"] == "1.1" and data["publishedDate"] and data["uri"].startswith("https://")


def test_every_contract_is_one_release_and_no_grant_is(seeded, tmp_path):
    data, err = export(tmp_path)
    contracts = Agreement.objects.filter(kind=AgreementKind.CONTRACT)
    assert sorted(r["ocid"] for r in data["releases"]) == sorted(f"ocds-dapi00-{a.pk}" for a in contracts)
    assert len(data["releases"]) == 3  # Jenkins Centre and Hampshire's two services
    assert "OCDS: 3 contract releases, 0 amendments." in err
    for r in data["releases"]:
        assert r["initiationType"] == "tender" and r["tag"][:2] == ["award", "contract"]
        assert r["contracts"][0]["awardID"] == r["awards"][0]["id"]


def test_the_hampshire_perpetrator_contract_has_its_term_extension_parties_and_value(seeded, tmp_path):
    r = release_of(export(tmp_path)[0], PERPETRATORS)
    period = r["contracts"][0]["period"]
    assert (day(period["startDate"]), day(period["endDate"]), day(period["maxExtentDate"])) == (
        date(2019, 4, 1), date(2024, 3, 31), date(2026, 3, 31))
    assert period["endDate"] == "2024-03-31T23:59:59+01:00"  # the whole last day, in UK time
    assert r["awards"][0]["contractPeriod"] == period
    roles = {p["name"]: p["roles"] for p in r["parties"]}
    assert roles == {"Hampshire County Council": ["buyer"], OPCC_HANTS: ["funder"],
                     "Southampton City Council": ["funder"]}
    assert r["buyer"] == {"id": "GB-LAE-HAM", "name": "Hampshire County Council"}
    hcc = next(p for p in r["parties"] if p["id"] == "GB-LAE-HAM")
    assert hcc["identifier"] == {"scheme": "GB-LAE", "id": "HAM", "legalName": "Hampshire County Council"}
    # The decision does not name the provider: no supplier is invented.
    assert "suppliers" not in r["awards"][0]
    # Up to 70,000 + 100,000 + 40,000 a year over 2019/20-2023/24.
    assert r["contracts"][0]["value"] == r["awards"][0]["value"] == {"amount": 1050000, "currency": "GBP"}
    assert r["awards"][0]["date"].startswith("2018-05-23")  # PCCML/000407/2018 approved 23/5/2018
    assert r["contracts"][0]["status"] == "active"
    assert "Southampton City Council up to £40,000.00 a year" in r["contracts"][0]["description"]


def test_the_hampshire_victims_contract_is_paid_by_the_pcc_and_the_county_only(seeded, tmp_path):
    r = release_of(export(tmp_path)[0], VICTIMS)
    assert {p["name"]: p["roles"] for p in r["parties"]} == {"Hampshire County Council": ["buyer"],
                                                             OPCC_HANTS: ["funder"]}
    assert Decimal(repr(r["contracts"][0]["value"]["amount"])) == 5 * (Decimal("294500") + Decimal("1483900"))
    assert day(r["contracts"][0]["period"]["maxExtentDate"]) == date(2026, 3, 31)


def test_the_jenkins_contract_names_its_supplier_and_states_no_value_or_start(seeded, tmp_path):
    r = release_of(export(tmp_path)[0], "Jenkins Centre perpetrator programme contract")
    assert r["awards"][0]["suppliers"][0]["name"] == "Jenkins Centre"
    assert {p["name"]: p["roles"] for p in r["parties"]}["Jenkins Centre"] == ["supplier"]
    assert "value" not in r["contracts"][0] and "startDate" not in r["contracts"][0]["period"]
    assert r["contracts"][0]["status"] == "terminated" and "contractTermination" in r["tag"]  # ended 31 Mar 2023


def test_the_seed_ledger_records_no_variation_so_no_amendment_is_published(seeded, tmp_path):
    data, _ = export(tmp_path)
    assert all("amendments" not in c for r in data["releases"] for c in r["contracts"])
    assert all("contractAmendment" not in r["tag"] for r in data["releases"])


def test_a_later_decision_to_extend_is_published_as_an_amendment(seeded, tmp_path, cast):
    before = release_of(export(tmp_path)[0], PERPETRATORS)
    contract = Agreement.objects.get(title=PERPETRATORS)
    decision_services.decision_create(
        by=None, reference="PCCML/000999/2023", title="Extension of the domestic abuse perpetrators service",
        document_type=DocumentType.REQUEST_FOR_DECISION, organisation=contract.commissioner,
        decision_maker="Police and Crime Commissioner", status=DecisionStatus.APPROVED,
        decision_date=date(2023, 11, 15), decision_text="To extend the contract by two years to 31 March 2026.",
        agreements=[contract])
    decision_services.decision_create(  # proposed, not approved: not an amendment
        by=None, title="A proposal to vary the service", organisation=contract.commissioner,
        decision_maker="Police and Crime Commissioner", status=DecisionStatus.PROPOSED,
        decision_date=date(2024, 1, 10), agreements=[contract])
    funding_services.agreement_update(agreement=contract, by=None, end=date(2026, 3, 31))
    data, err = export(tmp_path)
    assert errors(data) == []
    r = release_of(data, PERPETRATORS)
    [amendment] = r["contracts"][0]["amendments"]
    assert day(amendment["date"]) == date(2023, 11, 15)
    assert amendment["rationale"] == "PCCML/000999/2023 Extension of the domestic abuse perpetrators service"
    assert amendment["description"] == "To extend the contract by two years to 31 March 2026."
    assert "contractAmendment" in r["tag"] and r["id"] != before["id"]
    assert day(r["contracts"][0]["period"]["endDate"]) == date(2026, 3, 31)
    assert r["awards"][0]["date"].startswith("2018-05-23")  # still awarded by the original decision
    assert "OCDS: 3 contract releases, 1 amendments." in err


@time_machine.travel("2024-03-15 12:00", tick=False)
def test_a_variation_and_an_extension_are_published_as_amendments_once_each(seeded, tmp_path, cast):
    contract = Agreement.objects.get(title=PERPETRATORS)
    decision = decision_services.decision_create(
        by=None, reference="PCCML/000999/2024", title="Variation and extension of the perpetrators service",
        document_type=DocumentType.REQUEST_FOR_DECISION, organisation=contract.commissioner,
        decision_maker="Police and Crime Commissioner", status=DecisionStatus.APPROVED,
        decision_date=date(2024, 1, 5), programmes=[contract.programme], agreements=[contract])
    funding_services.agreement_vary(agreement=contract, by=None, varied_on=date(2024, 1, 10), decision=decision,
                                    description="Contract value stated after the first-year review",
                                    new_value=Decimal("1050000.00"))
    contract.refresh_from_db()
    funding_services.agreement_extend(agreement=contract, by=None, exercised_on=date(2024, 2, 1),
                                      new_end=date(2026, 3, 31), decision=decision, new_value=Decimal("1470000.00"))
    data, err = export(tmp_path)
    assert errors(data) == []
    r = release_of(data, PERPETRATORS)
    variation, extension = r["contracts"][0]["amendments"]  # the decision approves both: not a third amendment
    assert day(variation["date"]) == date(2024, 1, 10) and variation["id"].endswith(
        f"-variation-{contract.variations.get().pk}")
    assert variation["rationale"] == ("Contract value stated after the first-year review; approved by PCCML/000999/2024 "
                                      "Variation and extension of the perpetrators service")
    assert variation["description"] == "Changed: value £1,050,000.00 (was not stated)."
    assert day(extension["date"]) == date(2024, 2, 1)
    assert extension["rationale"].startswith("Extension option exercised; approved by PCCML/000999/2024")
    assert extension["description"] == ("Changed: value £1,470,000.00 (was £1,050,000.00); end date 2026-03-31 "
                                        "(was 2024-03-31).")
    assert r["contracts"][0]["value"]["amount"] == 1470000 and "contractAmendment" in r["tag"]
    assert day(r["contracts"][0]["period"]["endDate"]) == date(2026, 3, 31)
    assert "OCDS: 3 contract releases, 2 amendments." in err


def test_a_terminated_contract_ends_on_its_termination_and_keeps_its_awarded_term(seeded, tmp_path, cast):
    contract = Agreement.objects.get(title=VICTIMS)
    funding_services.agreement_update(agreement=contract, by=None,
                                      status=AgreementStatus.TERMINATED, terminated_on=date(2021, 9, 30))
    data, _ = export(tmp_path)
    assert errors(data) == []
    r = release_of(data, VICTIMS)
    assert r["contracts"][0]["status"] == "terminated" and "contractTermination" in r["tag"]
    assert r["contracts"][0]["period"]["endDate"] == "2021-09-30T23:59:59+01:00"
    assert day(r["awards"][0]["contractPeriod"]["endDate"]) == date(2024, 3, 31)


def test_a_draft_is_left_out_and_an_award_paying_for_a_contract_makes_its_funder_a_party(seeded, tmp_path, cast):
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    common = {"by": cast["commissioner"], "programme": cleveland, "kind": AgreementKind.CONTRACT,
              "commissioner": cleveland.lead_commissioner, "value": Decimal("48000.00"),
              "start": date(2022, 7, 1), "end": date(2023, 10, 31)}
    draft = funding_services.agreement_create(title="Draft evaluation contract", status=AgreementStatus.DRAFT, **common)
    paid = funding_services.agreement_create(
        title="Navigator training contract", status=AgreementStatus.APPROVED,
        award=Award.objects.get(amount=Decimal("157423.33")), **common)
    data, err = export(tmp_path)
    assert f"Not published: contract {draft.pk} (Draft evaluation contract): a draft, not yet awarded." in err
    assert f"ocds-dapi00-{draft.pk}" not in {r["ocid"] for r in data["releases"]}
    r = release_of(data, "Navigator training contract")
    assert {p["name"]: p["roles"] for p in r["parties"]} == {
        "Office of the Police and Crime Commissioner for Cleveland": ["buyer"], "Home Office": ["funder"]}
    assert r["contracts"][0]["status"] == "pending" and r["ocid"] == f"ocds-dapi00-{paid.pk}"
    assert errors(data) == []


def test_a_release_date_comes_from_the_record_not_from_the_time_of_the_export(seeded, tmp_path, cast):
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    with time_machine.travel("2024-05-01 10:00 +01:00", tick=False):
        contract = funding_services.agreement_create(
            by=cast["commissioner"], programme=cleveland, kind=AgreementKind.CONTRACT, title="Navigator training contract",
            commissioner=cleveland.lead_commissioner, value=Decimal("48000.00"), start=date(2024, 7, 1),
            end=date(2025, 3, 31), status=AgreementStatus.APPROVED)
    with time_machine.travel("2025-01-06 09:00 +00:00", tick=False):
        first, _ = export(tmp_path)
    with time_machine.travel("2025-01-06 09:01 +00:00", tick=False):
        second, _ = export(tmp_path)
    assert first["publishedDate"] != second["publishedDate"]  # two exports, a minute apart
    r1, r2 = release_of(first, "Navigator training contract"), release_of(second, "Navigator training contract")
    assert r1["id"] == r2["id"] == f"ocds-dapi00-{contract.pk}-1-0"
    assert r1["date"] == r2["date"] == "2024-05-01T10:00:00+01:00"  # when this version was recorded
    # Seed contracts keep the date of the decision that awarded them.
    assert release_of(first, PERPETRATORS)["date"] == release_of(second, PERPETRATORS)["date"]
    with time_machine.travel("2025-02-03 12:00 +00:00", tick=False):
        funding_services.agreement_update(agreement=contract, by=cast["commissioner"], value=Decimal("50000.00"))
    with time_machine.travel("2025-02-04 12:00 +00:00", tick=False):
        third, _ = export(tmp_path)
    r3 = release_of(third, "Navigator training contract")
    assert (r3["id"], r3["date"]) == (f"ocds-dapi00-{contract.pk}-2-0", "2025-02-03T12:00:00+00:00")
    assert errors(third) == []


def test_a_broken_release_fails_validation_where_it_is_broken(seeded, tmp_path):
    data, _ = export(tmp_path)
    del data["releases"][0]["ocid"]
    data["releases"][1]["contracts"][0]["period"]["maxExtentDate"] = "next spring"
    data["releases"][2]["contracts"][0]["status"] = "ended"
    found = errors(data)
    assert "releases/0: 'ocid' is a required property" in found
    assert any(e.startswith("releases/1/contracts/0/period/maxExtentDate: ") for e in found)
    assert any(e.startswith("releases/2/contracts/0/status: ") for e in found)


@pytest.mark.parametrize("when, text", [
    (date(2024, 1, 31), "2024-01-31T23:59:59+00:00"), (date(2024, 3, 31), "2024-03-31T23:59:59+01:00")])
def test_an_end_date_is_the_end_of_that_day_in_uk_time(when, text):
    assert ocds.end_of(when) == text


def test_csv_is_refused_for_ocds_and_an_empty_ledger_is_not_written(db, tmp_path):
    with pytest.raises(CommandError, match="360giving only"):
        call_command("export", "ocds", "--format", "csv")
    with pytest.raises(CommandError, match="at least one contract"):
        export(tmp_path)
    assert not (tmp_path / "ocds.json").exists()
