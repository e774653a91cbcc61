"""Police analysts upload incidents, see the ranking explained, pick a cohort and refer; no one else sees any of it."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dapi.demo.cases import load_rules
from dapi.cases.models import Referral
from dapi.funding.models import Programme
from dapi.identification.models import IncidentImport, RankedPerpetrator

from .engine_helpers import HEADER, ago

ROWS = [
    ("I1", ago(29), "Middlesbrough", "P1", "V1", "CA", 30), ("I2", ago(40), "Middlesbrough", "P1", "V2", "ABH", 30),
    ("I3", ago(3), "Hartlepool", "P2", "V3", "SA", 40), ("I4", ago(100), "Hartlepool", "P2", "V3", "NCI", 40),
    ("I5", ago(1), "Hartlepool", "P3", "V4", "GBH", 22),
]


def csv_upload(rows=ROWS, name="incidents.csv"):
    text = "\n".join([HEADER, *(",".join(str(v) for v in r) for r in rows)]) + "\n"
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, rows=ROWS, name="incidents.csv"):
    from dapi.accounts.models import Organisation
    return client.post(reverse("identification:import_list"), {
        "file": csv_upload(rows, name), "as_of": "2024-03-31",
        "organisation": Organisation.objects.get(name="Cleveland Police").pk})


def test_an_upload_is_ranked_in_the_background_and_shown_per_area(cast, client_for):
    client = client_for(cast["police-analyst"])
    response = upload(client)
    imp = IncidentImport.objects.get()
    assert response.url == reverse("identification:import_detail", args=[imp.pk])
    assert (imp.status, imp.rows, imp.perpetrators, imp.profile_version) == ("done", 5, 3, "rfgv-default-1")
    assert list(RankedPerpetrator.objects.values_list("area", "rank", "perpetrator_id")) == [
        ("Hartlepool", 1, "P2"), ("Middlesbrough", 1, "P1")]
    page = client.get(response.url).content.decode()
    assert "57.7836" in page and "65.5829" in page
    assert LogEntry.objects.get_for_object(imp).filter(actor=cast["police-analyst"]).exists()


def test_a_bad_file_is_rejected_with_its_rows_named_and_nothing_ranked(cast, client_for,
                                                                      uploads_in_a_temporary_directory):
    rows = list(ROWS) + [("I6", "2024-02-30", "Hartlepool", "P1", "V1", "CA", 30),
                         ("I7", ago(3), "Hartlepool", "P1", "V1", "SLAP", 30)]
    client = client_for(cast["police-analyst"])
    page = client.get(upload(client, rows).url).content.decode()
    assert "nothing was ranked" in page
    assert "row 6: occurred_on &quot;2024-02-30&quot; is not a date (expected YYYY-MM-DD)" in page
    assert "row 7: offence &quot;SLAP&quot; is not a known offence code" in page
    imp = IncidentImport.objects.get()
    assert imp.status == "invalid" and not RankedPerpetrator.objects.exists()
    assert not imp.file and not list(uploads_in_a_temporary_directory.rglob("*.csv"))


def test_only_csv_and_parquet_are_accepted(cast, client_for):
    client = client_for(cast["police-analyst"])
    page = upload(client, name="incidents.xlsx").content.decode()
    assert "Upload a .csv or .parquet file" in page and not IncidentImport.objects.exists()


def test_the_score_is_explained_component_by_component(cast, client_for):
    client = client_for(cast["police-analyst"])
    upload(client)
    ranked = RankedPerpetrator.objects.get(perpetrator_id="P1")
    page = client.get(reverse("identification:perpetrator_detail", args=[ranked.incident_import_id, ranked.pk]))
    text = page.content.decode()
    assert "band 29-91 days gives 80 points" in text
    assert "100 x log10(1 + 375) / log10(1 + 1825) = 78.9571" in text
    assert "0.2 x 80 + 0.2 x 30 + 0.4 x 78.9571 + 0.2 x 60 = 65.5829" in text


def test_referring_from_the_ranking_creates_a_referral_carrying_the_score(cast, client_for):
    load_rules()
    from dapi.accounts.models import Organisation
    client = client_for(cast["police-analyst"])
    upload(client)
    ranked = RankedPerpetrator.objects.get(perpetrator_id="P1")
    response = client.post(reverse("identification:perpetrator_detail", args=[ranked.incident_import_id, ranked.pk]), {
        "programme": Programme.objects.get(slug="cleveland-complex-needs").pk,
        "provider": Organisation.objects.get(name="Harbour Support Services").pk,
        "reason": "Ranked outside the top 20 with complex needs suspected"})
    assert response.status_code == 302, response.content.decode()[response.content.decode().find("govuk-error-summary"):][:1500]
    referral = Referral.objects.get()
    assert response.url == reverse("cases:referral_detail", args=[referral.pk])
    assert (str(referral.rfgv_score), referral.rfgv_profile, referral.matac_rank, referral.police_perpetrator_id) == (
        "65.5829", "rfgv-default-1", 1, "P1")
    assert referral.area.name == "Middlesbrough" and referral.source == "police"
    # ranked 1st in Middlesbrough: inside the top 20, so Cleveland's rules say no, in words
    assert "ranked 1st on the area's MATAC list, inside the top 20" in referral.screening["summary"]


def test_the_cleveland_cohort_is_outside_the_top_20(cast, client_for):
    load_rules()
    rows = [(f"I{p}-{i}", ago(10 + p + i), "Hartlepool", f"P{p:02d}", f"V{p}", "CA", 30)
            for p in range(25) for i in range(2)]
    client = client_for(cast["police-analyst"])
    upload(client, rows)
    imp = IncidentImport.objects.get()
    page = client.get(reverse("identification:cohort", args=[imp.pk, "cleveland-complex-needs"])).content.decode()
    assert "5 in the cohort" in page and "outside the area&#x27;s top 20" in page
    assert "Checked when referred: Complex needs present" in page


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "perpetrator-worker",
                                      "partner-support-worker", "panel-member", "evaluator", "administrator"])
def test_no_one_but_the_forces_analysts_sees_imports(cast, client_for, username):
    upload(client_for(cast["police-analyst"]))
    imp = IncidentImport.objects.get()
    client = client_for(cast[username])
    assert client.get(reverse("identification:import_detail", args=[imp.pk])).status_code == 404
    assert "incidents.csv" not in client.get(reverse("identification:import_list")).content.decode()
    assert upload(client).status_code in (200, 404) and IncidentImport.objects.count() == 1


def test_the_whole_ranking_downloads_as_csv_in_the_columns_dapi_rank_writes_and_the_read_is_audited(cast,
                                                                                                   client_for):
    analyst = cast["police-analyst"]
    client = client_for(analyst)
    formula = [("I6", ago(2), "Redcar", "=HYPERLINK(x)", "V6", "CA", 30),
               ("I7", ago(5), "Redcar", "=HYPERLINK(x)", "V7", "CA", 30)]
    upload(client, ROWS + formula)
    imp = IncidentImport.objects.get()
    before = LogEntry.objects.get_for_object(imp).filter(actor=analyst, action=LogEntry.Action.ACCESS).count()
    response = client.get(reverse("identification:ranking_csv", args=[imp.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="ranking-{imp.pk}-2024-03-31.csv"'
    lines = response.content.decode().splitlines()
    assert lines[0] == ("area,rank,perpetrator_id,score,recency,frequency,gravity,victims,incidents,victim_count,"
                        "harm_days,last_incident,serial")
    assert lines[1].startswith("Hartlepool,1,P2,57.7836,100,30,69.4591,20,2,1,183.25,")
    assert lines[3].startswith("Redcar,1,'=HYPERLINK(x),")  # made inert by the safe writer
    assert len(lines) == 4
    after = LogEntry.objects.get_for_object(imp).filter(actor=analyst, action=LogEntry.Action.ACCESS).count()
    assert after == before + 1


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "panel-member", "administrator"])
def test_no_one_but_the_forces_analysts_downloads_a_ranking(cast, client_for, username):
    upload(client_for(cast["police-analyst"]))
    imp = IncidentImport.objects.get()
    assert client_for(cast["police-analyst"]).get(reverse("identification:ranking_csv", args=[imp.pk])).status_code == 200
    assert client_for(cast[username]).get(reverse("identification:ranking_csv", args=[imp.pk])).status_code == 404


def test_a_long_cohort_is_paged_a_hundred_at_a_time(cast, client_for):
    load_rules()
    rows = [(f"I{p}-{i}", ago(10 + p % 300 + i), "Hartlepool", f"P{p:03d}", f"V{p}", "CA", 30)
            for p in range(250) for i in range(2)]
    client = client_for(cast["police-analyst"])
    upload(client, rows)
    imp = IncidentImport.objects.get()
    url = reverse("identification:cohort", args=[imp.pk, "cleveland-complex-needs"])
    first = client.get(url).content.decode()
    assert "230 in the cohort: 1 to 100 shown" in first and "Page 1 of 3" in first and 'rel="prev"' not in first
    last = client.get(url + "?page=3").content.decode()
    assert "230 in the cohort: 201 to 230 shown" in last and 'rel="next"' not in last
    assert client.get(url + "?page=nonsense").content.decode().count("Page 1 of 3") == 1
    assert "201 to 230 shown" in client.get(url + "?page=99").content.decode()
