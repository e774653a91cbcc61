"""`dapi export 360giving`: every grant in the ledger, validated against the published 360Giving
1.4 schemas copied into tests/schemas (offline), as JSON and as the standard's CSV sheet."""

import csv
import json
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from dapi.accounts.models import Organisation
from dapi.funding import services as funding_services
from dapi.funding.models import AgreementKind, AgreementStatus, Allocation, Award, Programme
from dapi.reports import giving360

SCHEMAS = Path(__file__).parent / "schemas"
GM_CSPS = {"Manchester": Decimal("60290"), "Bolton": Decimal("33645"), "Stockport": Decimal("33645"),
           "Wigan": Decimal("33645"), "Bury": Decimal("33645"), "Salford": Decimal("33645"),
           "Rochdale": Decimal("33645"), "Trafford": Decimal("33645"), "Oldham": Decimal("33645")}
CSP = " Community Safety Partnership"


def _load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


@cache
def validator() -> Draft202012Validator:
    """The package schema refers to the grant schema as .../1.4.2/360-giving-schema.json while the
    copy's $id says 1.4.3: any reference to that file name resolves to the local copy, anything
    else is refused, so validation never reaches the network."""
    grant = Resource.from_contents(_load("360-giving-schema.json"), default_specification=DRAFT202012)

    def retrieve(uri: str):
        if uri.endswith("/360-giving-schema.json"):
            return grant
        raise NoSuchResource(ref=uri)

    return Draft202012Validator(_load("360-giving-package-schema.json"), registry=Registry(retrieve=retrieve),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(data: dict) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data))


def export(tmp_path, *args) -> tuple[Path, str]:
    path = tmp_path / ("grants.csv" if "csv" in args else "grants.json")
    # What the command told: rows left out (stderr), then the summary (stdout, as the data is in the file).
    err, out = tmp_path / "stderr.txt", tmp_path / "stdout.txt"
    with err.open("w") as stderr, out.open("w") as stdout:
        call_command("export", "360giving", *args, "--output", str(path), stderr=stderr, stdout=stdout)
    return path, err.read_text() + out.read_text()


def grants(tmp_path) -> list[dict]:
    return json.loads(export(tmp_path)[0].read_text())["grants"]


def by_recipient(grant_list, name) -> list[dict]:
    return [g for g in grant_list if g["recipientOrganization"][0]["name"] == name]


def exact(number) -> Decimal:
    """The JSON number as written, as a Decimal (no float arithmetic in between)."""
    return Decimal(repr(number))


def test_the_export_validates_against_the_published_360giving_schema(seeded, capsys):
    call_command("export", "360giving")
    data = json.loads(capsys.readouterr().out)
    assert errors(data) == []
    assert data["version"] == "1.4" and data["license"].startswith("https://")


def test_every_award_grant_agreement_and_allocation_with_a_stated_amount_is_a_grant(seeded, tmp_path):
    kinds = [g["id"].rsplit("-", 1)[0] for g in grants(tmp_path)]
    # Cleveland's two Home Office awards; Harbour, My Sister's Place, Barefoot, the interim coordinator
    # and the Hampton Trust; nine CSPs and GMP. Contracts are OCDS, not grants.
    assert (kinds.count("360G-dapi-award"), kinds.count("360G-dapi-agreement"), kinds.count("360G-dapi-allocation")) \
        == (2, 5, 10)


def test_harbour_my_sisters_place_and_barefoot_are_granted_the_2022_0007_amounts(seeded, tmp_path):
    grant_list = grants(tmp_path)
    year_two = {name: by_recipient(grant_list, name)[0] for name in
                ("Harbour Support Services", "My Sister's Place", "Barefoot Social Research")}
    amounts = {name: exact(g["amountAwarded"]) for name, g in year_two.items()}
    assert amounts == {"Harbour Support Services": Decimal("121197.00"), "My Sister's Place": Decimal("99938.00"),
                       "Barefoot Social Research": Decimal("8000.00")}
    assert sum(amounts.values()) == Decimal("229135.00")
    harbour = year_two["Harbour Support Services"]
    assert harbour["awardDate"] == "2022-09-05"  # the decision record's approval, not the start of delivery
    assert harbour["fundingOrganization"] == [{"id": harbour["fundingOrganization"][0]["id"],
                                               "name": "Office of the Police and Crime Commissioner for Cleveland"}]
    assert harbour["plannedDates"] == [{"startDate": "2022-07-01", "endDate": "2023-10-31", "duration": 16}]
    assert "Reference 2022-0007." in harbour["description"]
    award = next(g for g in grant_list if g["id"] == harbour["relatedActivity"][0])
    assert exact(award["amountAwarded"]) == Decimal("157423.33") and award["fundingOrganization"][0]["name"] == "Home Office"
    assert [(x["name"], x["geoCode"], x["geoCodeType"]) for x in harbour["beneficiaryLocation"]] == [
        ("Hartlepool", "E06000001", "UA"), ("Middlesbrough", "E06000002", "UA"),
        ("Redcar and Cleveland", "E06000003", "UA"), ("Stockton-on-Tees", "E06000004", "UA")]


def test_every_greater_manchester_csp_allocation_is_a_grant_from_gmca(seeded, tmp_path):
    csps = [g for g in grants(tmp_path) if g["recipientOrganization"][0]["name"].endswith(CSP)]
    amounts = {g["recipientOrganization"][0]["name"].removesuffix(CSP): exact(g["amountAwarded"]) for g in csps}
    assert amounts == GM_CSPS and sum(amounts.values()) == Decimal("329450")
    for g in csps:
        assert g["fundingOrganization"][0]["name"] == "Greater Manchester Combined Authority"
        assert g["awardDate"] == "2024-03-26"  # decided 26/03/2024 for 2023/24
        assert g["plannedDates"][0]["startDate"] == "2023-04-01" and g["plannedDates"][0]["endDate"] == "2024-03-31"
        # The CSP areas carry their metropolitan district's ONS code, and the code says what it is.
        assert g["beneficiaryLocation"][0]["geoCode"].startswith("E08") and g["beneficiaryLocation"][0]["geoCodeType"] == "MD"


def test_amounts_are_written_with_exactly_the_ledgers_pence(seeded, tmp_path):
    path, _ = export(tmp_path)
    text = path.read_text()
    assert '"amountAwarded": 157423.33,' in text and '"amountAwarded": 200124.66,' in text
    ledger = {f"360G-dapi-award-{a.pk}": a.amount for a in Award.objects.all()}
    ledger |= {f"360G-dapi-allocation-{x.pk}": x.amount for x in Allocation.objects.all()}
    published = {g["id"]: exact(g["amountAwarded"]) for g in json.loads(text)["grants"]}
    assert all(published[key] == amount for key, amount in ledger.items() if key in published)


def test_a_json_number_keeps_the_largest_ledger_amount_and_refuses_what_it_cannot_carry():
    assert exact(giving360.json_number(Decimal("999999999999.99"))) == Decimal("999999999999.99")
    assert giving360.json_number(Decimal("121197.00")) == 121197 and isinstance(
        giving360.json_number(Decimal("121197.00")), int)
    with pytest.raises(ValueError, match="more digits"):
        giving360.json_number(Decimal("12345678901234567.89"))


def test_grants_whose_amount_is_not_stated_are_named_on_stderr_not_published(seeded, tmp_path):
    path, err = export(tmp_path)
    unstated = list(Award.objects.filter(amount__isnull=True))
    assert len(unstated) == 2  # GMCA's Home Office 2023/24 parts 1 and 2
    ids = {g["id"] for g in json.loads(path.read_text())["grants"]}
    for award in unstated:
        assert f"Not published: award {award.pk} ({award.title}): the record does not state the amount." in err
        assert f"360G-dapi-award-{award.pk}" not in ids
    assert "17 grants (2 awards, 5 grant agreements, 10 allocations); 2 not published." in err


def test_a_draft_or_a_grant_without_a_named_recipient_is_left_out_with_the_reason(seeded, tmp_path, cast):
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    common = {"by": cast["commissioner"], "programme": cleveland, "kind": AgreementKind.GRANT,
              "commissioner": cleveland.lead_commissioner, "value": Decimal("5000.00"),
              "start": date(2024, 8, 1), "end": date(2025, 3, 31)}
    draft = funding_services.agreement_create(title="Draft strategy grant", status=AgreementStatus.DRAFT,
                                              provider=Organisation.objects.get(name="Harbour Support Services"), **common)
    unnamed = funding_services.agreement_create(title="Grant to a provider yet to be chosen",
                                                status=AgreementStatus.APPROVED, **common)
    path, err = export(tmp_path)
    assert f"grant agreement {draft.pk} (Draft strategy grant): a draft, not yet awarded." in err
    assert f"grant agreement {unnamed.pk} (Grant to a provider yet to be chosen): the record does not name the recipient." in err
    ids = {g["id"] for g in json.loads(path.read_text())["grants"]}
    assert not {f"360G-dapi-agreement-{draft.pk}", f"360G-dapi-agreement-{unnamed.pk}"} & ids


def test_organisations_use_their_org_id_and_numbers_only_where_the_ledger_holds_them(seeded, tmp_path):
    harbour = Organisation.objects.get(name="Harbour Support Services")
    before = by_recipient(grants(tmp_path), harbour.name)[0]["recipientOrganization"][0]
    assert before == {"id": f"360G-dapi-org-{harbour.pk}", "name": harbour.name}  # nothing invented
    Organisation.objects.filter(pk=harbour.pk).update(org_id="GB-CHC-1234567", charity_number="1234567",
                                                      company_number="01234567")
    after = by_recipient(grants(tmp_path), harbour.name)[0]["recipientOrganization"][0]
    assert after == {"id": "GB-CHC-1234567", "name": harbour.name, "charityNumber": "1234567",
                     "companyNumber": "01234567"}


@pytest.mark.parametrize("code, expected", [
    ("E06000001", "UA"), ("E08000003", "MD"), ("E10000014", "CTY"), ("E07000041", "NMD"), ("E23000001", "PFA"),
    ("W06000015", "UA"), ("E22000001", "CSP"), ("", None), ("E08", None), ("X99000001", None)])
def test_the_geo_code_type_comes_from_the_ons_code(code, expected):
    assert giving360.geo_code_type(code) == expected


@pytest.mark.parametrize("start, end, months", [
    (date(2022, 7, 1), date(2023, 10, 31), 16), (date(2023, 4, 1), date(2024, 3, 31), 12),
    (date(2023, 11, 1), date(2024, 7, 31), 9), (date(2023, 4, 15), date(2023, 5, 31), 1.5)])
def test_planned_duration_is_in_months(start, end, months):
    assert giving360.duration_months(start, end) == months


def test_a_broken_package_fails_validation_where_it_is_broken(seeded, tmp_path):
    data = json.loads(export(tmp_path)[0].read_text())
    del data["grants"][0]["recipientOrganization"]
    data["grants"][1]["amountAwarded"] = "157423.33"
    data["grants"][2]["awardDate"] = "5 September 2022"
    found = errors(data)
    assert any(e.startswith("grants/0: ") for e in found)  # neither recipient kind: the oneOf fails
    assert any(e.startswith("grants/1/amountAwarded: ") for e in found)
    assert any(e.startswith("grants/2/awardDate: ") for e in found)
    assert errors({**data, "grants": []}) == ["grants: [] should be non-empty"]


def _schema_titles() -> tuple[dict, dict]:
    """Column title -> JSON key, for the grant's fields and for each array item's fields."""
    schema = _load("360-giving-schema.json")
    top, items = {}, {}
    for key, prop in schema["properties"].items():
        if "$ref" in prop:  # currency: the title is on the definition it refers to
            prop = schema["$defs"][prop["$ref"].removeprefix("#/$defs/")]
        top[prop.get("title")] = key
        ref = prop.get("items", {}).get("$ref", "")
        if ref.startswith("#/$defs/"):
            items[key] = {p.get("title"): k for k, p in schema["$defs"][ref.removeprefix("#/$defs/")]["properties"].items()}
    return top, items


def test_the_csv_sheet_uses_the_standards_titles_and_says_what_the_json_says(seeded, tmp_path):
    grant_list = grants(tmp_path)
    path, _ = export(tmp_path, "--format", "csv")
    rows = list(csv.reader(path.open(newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(grant_list)
    top, items = _schema_titles()
    for column, title in enumerate(header):
        parts = title.split(":")
        key = top[parts[0]]
        for grant, row in zip(grant_list, body):
            if len(parts) == 1:
                value = grant.get(key)
                expected = ("" if value is None else ";".join(value) if isinstance(value, list) else
                            f"{exact(value):.2f}" if key == "amountAwarded" else str(value))
            else:
                index = int(parts[1]) if len(parts) == 3 else 0
                sub = items[key][parts[-1]]
                entries = grant.get(key, [])
                value = entries[index].get(sub) if index < len(entries) else None
                expected = "" if value is None else str(value)
            assert row[column] == expected, (title, grant["id"])
    assert {"Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Recipient Org:Identifier",
            "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Planned Dates:Start Date",
            "Beneficiary Location:0:Geographic Code", "Beneficiary Location:3:Name", "Grant Programme:Title"} <= set(header)
    table = [dict(zip(header, row)) for row in body]
    assert any(r["Recipient Org:Name"] == "Harbour Support Services" and r["Amount Awarded"] == "121197.00" for r in table)
    assert sum(Decimal(r["Amount Awarded"]) for r in table if r["Recipient Org:Name"].endswith(CSP)) == Decimal("329450.00")


def test_an_empty_ledger_is_refused_rather_than_written_as_an_invalid_package(db, tmp_path):
    with pytest.raises(CommandError, match="at least one grant"):
        export(tmp_path)
    assert not (tmp_path / "grants.json").exists()


def test_the_export_reads_in_a_fixed_number_of_queries(seeded, cast):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            giving360.grants(*giving360.ledger_rows())
        return len(captured)

    before = queries()
    manchester = Allocation.objects.select_related("programme", "recipient", "area", "award").first()
    for year in (2024, 2025, 2026):
        funding_services.allocation_create(
            by=cast["commissioner"], programme=manchester.programme, recipient=manchester.recipient,
            area=manchester.area, award=manchester.award, financial_year=year, amount=Decimal("1000.00"))
    assert queries() == before
