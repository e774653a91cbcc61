"""360Giving and OCDS exports of the seeded ledger, validated against the published schemas."""

import csv
import io
import json
from decimal import Decimal

from django.core.management import call_command

from .schema_validation import giving360_errors, ocds_errors

GM_CSPS = {"Manchester": 60290, "Bolton": 33645, "Stockport": 33645, "Wigan": 33645, "Bury": 33645,
           "Salford": 33645, "Rochdale": 33645, "Trafford": 33645, "Oldham": 33645}


def export(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_360giving_export_validates_against_the_published_schema(seeded):
    data = json.loads(export("360giving")[0])
    assert data["grants"] and giving360_errors(data) == []


def test_the_360giving_export_lists_harbour_and_every_greater_manchester_csp_allocation(seeded):
    grants = json.loads(export("360giving")[0])["grants"]
    harbour = [g for g in grants if g["recipientOrganization"][0]["name"] == "Harbour Support Services"]
    assert Decimal(str(harbour[0]["amountAwarded"])) == Decimal("121197.00")
    csp = {g["recipientOrganization"][0]["name"].removesuffix(" Community Safety Partnership"): g["amountAwarded"]
           for g in grants if g["recipientOrganization"][0]["name"].endswith("Community Safety Partnership")}
    assert csp == GM_CSPS and sum(csp.values()) == 329450
    for g in grants:
        for key in ("id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization",
                    "fundingOrganization"):
            assert g[key], (g["id"], key)


def test_grants_whose_amount_is_not_stated_are_named_not_invented(seeded):
    data, err = export("360giving")
    assert "Not published: award" in err and "does not state the amount" in err
    assert '"amountAwarded": 0' not in data


def test_a_broken_export_fails_validation(seeded):
    data = json.loads(export("360giving")[0])
    del data["grants"][0]["fundingOrganization"]
    data["grants"][1]["currency"] = "pounds"
    assert len(giving360_errors(data)) >= 2


def test_the_360giving_csv_has_the_standards_column_titles(seeded, tmp_path):
    path = tmp_path / "grants.csv"
    export("360giving", "--format", "csv", "--output", str(path))
    rows = list(csv.DictReader(path.open()))
    assert {"Identifier", "Amount Awarded", "Recipient Org:Identifier", "Funding Org:Name"} <= set(rows[0])
    assert any(r["Recipient Org:Name"] == "Harbour Support Services" and r["Amount Awarded"] == "121197.00"
               for r in rows)


def test_the_ocds_export_validates_against_the_release_package_schema(seeded):
    data = json.loads(export("ocds")[0])
    assert data["releases"] and ocds_errors(data) == []


def test_the_hampshire_contracts_carry_parties_and_the_extension_as_max_extent(seeded):
    releases = json.loads(export("ocds")[0])["releases"]
    perpetrator = next(r for r in releases if "Perpetrators Service" in r["awards"][0]["title"])
    period = perpetrator["contracts"][0]["period"]
    assert (period["startDate"], period["endDate"], period["maxExtentDate"]) == (
        "2019-04-01T00:00:00Z", "2024-03-31T00:00:00Z", "2026-03-31T00:00:00Z")
    roles = {p["name"]: p["roles"] for p in perpetrator["parties"]}
    assert roles["Hampshire County Council"] == ["buyer"]
    assert roles["Office of the Police and Crime Commissioner for Hampshire"] == ["funder"]
    assert roles["Southampton City Council"] == ["funder"]
    # 70,000 + 100,000 + 40,000 a year over five financial years
    assert perpetrator["contracts"][0]["value"] == {"amount": 1050000.0, "currency": "GBP"}
    assert perpetrator["buyer"]["id"] == "GB-LAE-HAM"


def test_a_broken_ocds_release_fails_validation(seeded):
    data = json.loads(export("ocds")[0])
    del data["releases"][0]["ocid"]
    data["releases"][0]["contracts"][0]["period"]["maxExtentDate"] = "next spring"
    assert len(ocds_errors(data)) >= 1
