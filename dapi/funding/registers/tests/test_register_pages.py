"""The register pages (issue 18, item 7): upload -> match the columns -> preview -> confirm, nothing
created before the confirm; bad files refused on the upload page; downloads for those who see the
ledger; 404 for everyone else."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dapi.funding.models import Agreement
from dapi.funding.registers.files import read_register

from .builders import OFFICE_HEADERS, office_row, office_rows, write_csv, write_xlsx


def upload(client, path, name=None):
    return client.post(reverse("funding:register_import"),
                       {"file": SimpleUploadedFile(name or path.name, path.read_bytes())})


def mapping_post(**changes):
    chosen = {"reference": "0", "title": "1", "programme": "2", "kind": "3", "commissioner": "4", "provider": "5",
              "value": "6", "start": "7", "end": "8", "status": "9", "extension_until": "",
              "break_notice_months": ""}
    return chosen | changes


def test_the_finance_officer_uploads_maps_previews_and_confirms(cast, client_for, tmp_path):
    client = client_for(cast["finance-officer"])
    before = Agreement.objects.count()
    response = upload(client, write_xlsx(tmp_path / "office register.xlsx", office_rows(12)))
    assert response.status_code == 302 and response["Location"] == reverse("funding:register_map")
    page = client.get(reverse("funding:register_map")).content.decode()
    assert '<option value="0" selected>Contract ref</option>' in page  # suggested from the header
    assert "Synthetic register agreement 1" in page  # the file's first rows
    response = client.post(reverse("funding:register_map"), mapping_post())
    assert response["Location"] == reverse("funding:register_preview")
    preview = client.get(reverse("funding:register_preview")).content.decode()
    assert "Confirm and create 12 agreements" in preview and "REG-0012" in preview and "£1,012.50" in preview
    assert Agreement.objects.count() == before  # nothing yet
    response = client.post(reverse("funding:register_confirm"))
    assert response["Location"] == reverse("funding:register_import")
    assert Agreement.objects.count() == before + 12
    assert "12 agreements created from office register.xlsx" in client.get(response["Location"]).content.decode()
    # The upload is gone once imported: confirming again creates nothing.
    client.post(reverse("funding:register_confirm"))
    assert Agreement.objects.count() == before + 12


def test_a_register_with_bad_rows_previews_every_problem_and_cannot_be_confirmed(cast, client_for, tmp_path):
    client = client_for(cast["commissioner"])
    rows = office_rows(3) + [office_row(4, **{"Contract ref": "REG-0001"}), office_row(5, Amount="£12,50x")]
    upload(client, write_csv(tmp_path / "register.csv", rows))
    client.post(reverse("funding:register_map"), mapping_post())
    preview = client.get(reverse("funding:register_preview")).content.decode()
    assert "2 problems to correct: nothing will be created" in preview
    assert "Row 5, column “Contract ref” (Reference): &#x27;REG-0001&#x27; is also the reference of row 2" in preview
    assert "Row 6, column “Amount” (Value)" in preview and "Confirm and create" not in preview
    before = Agreement.objects.count()
    response = client.post(reverse("funding:register_confirm"))
    assert response["Location"] == reverse("funding:register_preview") and Agreement.objects.count() == before


def test_a_mapping_missing_a_required_field_is_refused_on_the_page(cast, client_for, tmp_path):
    client = client_for(cast["commissioner"])
    upload(client, write_csv(tmp_path / "register.csv", office_rows(2)))
    response = client.post(reverse("funding:register_map"), mapping_post(end=""))
    assert response.status_code == 200 and "Choose the column that holds End." in response.content.decode()
    response = client.post(reverse("funding:register_map"), mapping_post(title="0"))
    assert "The column “Contract ref” is chosen for both Reference and Title" in response.content.decode()
    assert client.get(reverse("funding:register_preview")).status_code == 302  # no mapping confirmed yet


def test_a_bad_file_is_refused_on_the_upload_page_with_what_would_be_read(cast, client_for, tmp_path, settings):
    client = client_for(cast["finance-officer"])
    (tmp_path / "register.pdf").write_bytes(b"%PDF-1.4")
    page = upload(client, tmp_path / "register.pdf").content.decode()
    assert "register.pdf is not a register dapi can read: upload a .csv or .xlsx file" in page
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip at all")
    assert "fake.xlsx is not an .xlsx workbook" in upload(client, tmp_path / "fake.xlsx").content.decode()
    settings.DAPI_REGISTER_MAX_BYTES = 1024 * 1024
    big = write_csv(tmp_path / "big.csv", office_rows(12000))
    assert "a register may be at most 1 MB" in upload(client, big).content.decode()
    assert client.get(reverse("funding:register_map"))["Location"] == reverse("funding:register_import")


def test_the_downloads_hold_the_register_in_the_import_layout(cast, client_for):
    client = client_for(cast["finance-officer"])
    for kind in ("csv", "xlsx"):
        response = client.get(reverse("funding:register_download") + f"?format={kind}")
        assert response.status_code == 200 and response["Content-Disposition"] == f'attachment; filename="register.{kind}"'
        sheet = read_register(f"register.{kind}", response.content)
        assert sheet.headers[:2] == ["Reference", "Title"] and len(sheet.rows) == Agreement.objects.count()


def test_those_who_keep_no_ledger_get_404_and_those_who_do_see_the_page(cast, client_for, tmp_path):
    for username in ("provider-manager", "panel-member", "evaluator", "perpetrator-worker"):
        client = client_for(cast[username])
        assert client.get(reverse("funding:register_import")).status_code == 404
        assert client.get(reverse("funding:register_download")).status_code == 404
        assert upload(client, write_csv(tmp_path / "r.csv", office_rows(1))).status_code == 404
    assert client_for(cast["commissioner"]).get(reverse("funding:register_import")).status_code == 200
    assert OFFICE_HEADERS[0] == "Contract ref"
