"""Issue 18, items 8 and 9: the open-data files and the Home Office return downloaded from the reports
page by the commissioners and finance officers of the body that leads the programmes, built by the same
code as `dapi export` and `dapi report home-office`, CSV through the safe writer, every download audited;
the exports name organisations by their org-id identifiers and fall back to the configured prefixes."""

import csv
import io
import json
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.urls import reverse

from dapi.accounts.identifiers import SCHEMES, split
from dapi.accounts.models import Organisation
from dapi.funding.models import Agreement, AgreementKind, Programme
from dapi.reports import giving360, ocds, opendata
from dapi.reports.periods import Quarter
from dapi.reports.returns import home_office_csv

from .test_export_360giving import errors as giving360_errors

CLEVELAND = "cleveland-complex-needs"


def _command(tmp_path, *args) -> str:
    # The command tells the format from the file's extension (dapi/lib/commands.py).
    path = tmp_path / ("out.csv" if "csv" in args or "home-office" in args else "out.json")
    call_command(*args, "--output", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path.read_bytes().decode("utf-8")


def led_by(user):
    return Programme.objects.filter(lead_commissioner__memberships__user=user,
                                    lead_commissioner__memberships__role__in=["commissioner", "finance_officer"])


def test_a_commissioner_downloads_the_360giving_package_of_the_programmes_their_body_leads(cast, client_for, tmp_path):
    response = client_for(cast["commissioner"]).get(reverse("reports:open_data_download", args=["360giving", "json"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="360giving.json"'
    downloaded = json.loads(response.content)
    assert giving360_errors(downloaded) == []
    expected, _ = giving360.grants(*giving360.ledger_rows(led_by(cast["commissioner"])))
    assert downloaded["grants"] == expected and expected
    # The same grants, built the same way, as the command writes for the whole ledger.
    written = {g["id"]: g for g in json.loads(_command(tmp_path, "export", "360giving"))["grants"]}
    assert all(written[g["id"]] == g for g in downloaded["grants"])


def test_the_360giving_sheet_is_the_commands_sheet_written_through_the_safe_csv_writer(cast, client_for, tmp_path):
    agreement = Agreement.objects.filter(kind=AgreementKind.GRANT).exclude(status="draft").order_by("pk").first()
    Agreement.objects.filter(pk=agreement.pk).update(title="=HYPERLINK(\"http://example.invalid\",\"click\")")
    response = client_for(cast["finance-officer"]).get(reverse("reports:open_data_download", args=["360giving", "csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text == opendata.giving360_file("csv", programmes=led_by(cast["finance-officer"])).text
    assert text.splitlines()[1] in _command(tmp_path, "export", "360giving", "--format", "csv").splitlines()
    titles = [row["Title"] for row in csv.DictReader(io.StringIO(text))]
    assert "'=HYPERLINK(\"http://example.invalid\",\"click\")" in titles  # made inert, not a formula


def test_a_commissioner_downloads_the_ocds_package_of_the_programmes_their_body_leads(cast, client_for, tmp_path):
    response = client_for(cast["commissioner"]).get(reverse("reports:open_data_download", args=["ocds", "json"]))
    assert response.status_code == 200
    downloaded = json.loads(response.content)
    expected, _ = ocds.releases(ocds.contracts(led_by(cast["commissioner"])))
    assert downloaded["releases"] == expected and expected
    written = {r["id"]: r for r in json.loads(_command(tmp_path, "export", "ocds"))["releases"]}
    assert all(written[r["id"]] == r for r in downloaded["releases"])
    # Not the whole ledger: a programme led by a council is not the commissioner's body's to publish.
    assert len(written) > len(downloaded["releases"])


def test_every_open_data_download_is_audited_on_each_programme_it_held(cast, client_for):
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    client_for(cast["commissioner"]).get(reverse("reports:open_data_download", args=["ocds", "json"]))
    entries = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).order_by("pk")[before:]
    assert len(entries) == led_by(cast["commissioner"]).count() > 0
    assert {e.actor for e in entries} == {cast["commissioner"]}
    assert all("Downloaded ocds-release-package.json" in e.additional_data["note"] for e in entries)


@pytest.mark.parametrize("role", ["provider-manager", "perpetrator-worker", "panel-member", "evaluator",
                                  "administrator", "police-analyst"])
def test_a_role_that_publishes_nothing_gets_404_for_every_download(cast, client_for, role):
    client = client_for(cast[role])
    for args in (["360giving", "json"], ["360giving", "csv"], ["ocds", "json"]):
        assert client.get(reverse("reports:open_data_download", args=args)).status_code == 404
    assert client.get(reverse("reports:home_office_return", args=[CLEVELAND])).status_code == 404
    page = client.get(reverse("reports:report_list"))
    assert page.status_code == 200 and "Downloads" not in page.content.decode()


def test_signed_out_downloads_go_to_sign_in(seeded, client):
    response = client.get(reverse("reports:open_data_download", args=["360giving", "json"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_format_there_is_not_answers_404(cast, client_for):
    client = client_for(cast["commissioner"])
    assert client.get(reverse("reports:open_data_download", args=["ocds", "csv"])).status_code == 404
    assert client.get(reverse("reports:open_data_download", args=["360giving", "xml"])).status_code == 404


def test_the_reports_page_offers_the_downloads_to_a_commissioner(cast, client_for):
    page = client_for(cast["commissioner"]).get(reverse("reports:report_list")).content.decode()
    assert reverse("reports:open_data_download", args=["360giving", "csv"]) in page
    assert reverse("reports:home_office_return", args=[CLEVELAND]) + "?quarter=" in page


# -- the Home Office return ------------------------------------------------------------------------

def test_a_commissioner_downloads_the_home_office_return_the_command_writes(cast, client_for, tmp_path):
    response = client_for(cast["commissioner"]).get(
        reverse("reports:home_office_return", args=[CLEVELAND]) + "?quarter=2023Q3&today=2024-03-15")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="home-office-return-{CLEVELAND}-2023Q3.csv"'
    text = response.content.decode()
    assert text == _command(tmp_path, "report", "home-office", "--programme", CLEVELAND, "--quarter", "2023Q3",
                            "--today", "2024-03-15")
    programme = Programme.objects.get(slug=CLEVELAND)
    assert text == home_office_csv(programme, Quarter.parse("2023Q3"), date(2024, 3, 15))


def test_the_home_office_return_download_is_audited_on_its_programme(cast, client_for):
    programme = Programme.objects.get(slug=CLEVELAND)
    client_for(cast["finance-officer"]).get(reverse("reports:home_office_return", args=[CLEVELAND]) + "?quarter=2023Q1")
    entry = LogEntry.objects.get_for_object(programme).filter(action=LogEntry.Action.ACCESS).latest("pk")
    assert entry.actor == cast["finance-officer"] and "Home Office return for 2023Q1" in entry.additional_data["note"]


@pytest.mark.parametrize("quarter", ["2023Q5", "Q3", "2023-Q3", "1990Q1"])
def test_a_quarter_that_is_not_one_answers_400_saying_what_is_accepted(cast, client_for, quarter):
    response = client_for(cast["commissioner"]).get(
        reverse("reports:home_office_return", args=[CLEVELAND]) + f"?quarter={quarter}")
    assert response.status_code == 400


# -- identifiers in the exports --------------------------------------------------------------------

def test_only_organisations_with_no_identifier_are_left_on_the_360g_prefix(seeded, tmp_path):
    data = json.loads(_command(tmp_path, "export", "360giving"))
    orgs = {o["id"]: o["name"] for g in data["grants"]
            for o in g["recipientOrganization"] + g["fundingOrganization"]}
    for org_id, name in orgs.items():
        organisation = Organisation.objects.get(name=name)
        if organisation.org_id:
            assert org_id == organisation.org_id and split(org_id)[0] in SCHEMES
        else:
            assert org_id == f"360G-dapi-org-{organisation.pk}"
    # The Home Office (GB-GOR) and the combined authority (GB-LAE) fund: real identifiers.
    assert orgs["GB-GOR-D16"] == "Home Office" and orgs["GB-LAE-GMCA"] == "Greater Manchester Combined Authority"


def test_the_360giving_and_ocds_prefixes_are_configuration(seeded, tmp_path, settings):
    settings.DAPI_360G_PREFIX = "360G-example"
    settings.DAPI_OCID_PREFIX = "ocds-abc123"
    data = json.loads(_command(tmp_path, "export", "360giving"))
    assert all(g["id"].startswith("360G-example-") for g in data["grants"])
    harbour = Organisation.objects.get(name="Harbour Support Services")
    assert giving360.org_id(harbour) == f"360G-example-org-{harbour.pk}"
    releases = json.loads(_command(tmp_path, "export", "ocds"))["releases"]
    assert releases and all(r["ocid"].startswith("ocds-abc123-") for r in releases)


def test_an_ocds_party_with_an_org_id_carries_its_scheme_and_id(seeded, tmp_path):
    hampshire = Organisation.objects.get(name="Hampshire County Council")
    releases = json.loads(_command(tmp_path, "export", "ocds"))["releases"]
    parties = [p for r in releases for p in r["parties"] if p["name"] == hampshire.name]
    assert parties and all(p["identifier"] == {"scheme": "GB-LAE", "id": "HAM", "legalName": hampshire.name}
                           for p in parties)


@pytest.mark.parametrize("variable, value", [("DAPI_360G_PREFIX", "dapi"), ("DAPI_360G_PREFIX", "360G-"),
                                             ("DAPI_OCID_PREFIX", "ocds-1"), ("DAPI_OCID_PREFIX", "dapi00")])
def test_the_server_refuses_to_start_with_a_prefix_not_of_its_standards_form(variable, value):
    import os
    import subprocess
    import sys

    env = {**os.environ, variable: value, "DJANGO_SETTINGS_MODULE": "dapi.settings"}
    run = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode != 0 and "ImproperlyConfigured" in run.stderr and variable in run.stderr
    env[variable] = "360G-example" if variable == "DAPI_360G_PREFIX" else "ocds-abc123"
    assert subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env,
                          capture_output=True, timeout=120).returncode == 0
