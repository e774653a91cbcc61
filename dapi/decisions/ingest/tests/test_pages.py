"""Importing a published record on the web: upload, review beside the highlighted source text,
edit, confirm. Nothing exists before confirmation; confirming is one audited step that keeps the
document; only commissioners and finance officers of the body may do any of it."""

import re
from datetime import date
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.decisions.models import Decision, IngestedDocument, IngestStatus, Meeting, Resolution, StatedTotal
from dapi.funding.models import Agreement, Allocation, Award, MatchContribution, Programme

DOCUMENTS = Path(__file__).parent / "documents"
CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"
COUNTED = [Decision, Award, Agreement, Allocation, MatchContribution, StatedTotal, Meeting, Resolution, Programme,
           Organisation]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


def upload(client, path: Path, organisation=CLEVELAND_OPCC, name=None, content=None):
    body = SimpleUploadedFile(name or path.name, path.read_bytes() if content is None else content)
    return client.post(reverse("decisions:ingest_upload"),
                       {"file": body, "organisation": Organisation.objects.get(name=organisation).pk})


class FormReader(HTMLParser):
    """What a browser would send for the review form as rendered: every field's current value."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea, self._options = {}, None, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data.setdefault(a["name"], []).append(a.get("value", "on"))
            elif a.get("type") == "radio":
                if "checked" in a:
                    self.data[a["name"]] = a.get("value", "on")
            else:
                self.data[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select:
            self._options.append(a.get("value", ""))
            if "selected" in a:
                self.data[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.data.setdefault(self._select, self._options[0] if self._options else "")
            self._select = None
        elif tag == "textarea":
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def review_form(client, document) -> tuple[dict, str]:
    html = client.get(reverse("decisions:ingest_review", args=[document.pk])).content.decode()
    reader = FormReader()
    reader.feed(html)
    data = {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in reader.data.items()
            if k != "csrfmiddlewaretoken"}
    return data, unescape(html)


def leave_out_other_lines(data: dict) -> dict:
    """Untick every line still "Other": the reviewer's explicit choice not to create it."""
    for key in [k for k, v in data.items() if k.endswith("-role") and v == "other"]:
        data.pop(key.replace("-role", "-include"), None)
    return data


def line_index(data: dict, amount: str) -> int:
    return next(int(k.split("-")[1]) for k, v in data.items() if k.endswith("-amount") and v == amount)


def test_commissioner_uploads_a_record_and_reviews_it_beside_the_highlighted_text(cast, client_for):
    client = client_for(cast["commissioner"])
    before = counts()
    response = upload(client, DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt")
    document = IngestedDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:ingest_review", args=[document.pk])
    assert (document.status, document.uploaded_by, document.original_name) == (
        IngestStatus.DRAFT, cast["commissioner"], "002_77636eefc96c41bc.txt")
    assert counts() == before  # nothing but the draft exists before confirmation
    [created] = LogEntry.objects.get_for_object(document)
    assert (created.action, created.actor) == (LogEntry.Action.CREATE, cast["commissioner"])

    data, html = review_form(client, document)
    reference_mark = re.search(r'<a class="govuk-link" href="#(src-\d+)">Show the reference', html)[1]
    assert re.search(rf'<mark id="{reference_mark}" title="[^"]*">2022-0007</mark>', html)
    amount_mark = re.search(r'Money line 5: £121,197.00</legend>.*?href="#(src-\d+)"', html, re.S)[1]
    assert re.search(rf'<mark id="{amount_mark}" title="[^"]*">£121,197.00</mark>', html)
    assert "Existing organisation: <strong>Harbour Support Services</strong> (same name)" in html
    assert "Reconciles: the stated total on line 4 of £229,135.00" in html
    assert data["decision-reference"] == "2022-0007"
    decided = (data["decision-decision_date_day"], data["decision-decision_date_month"], data["decision-decision_date_year"])
    assert decided == ("5", "9", "2022")  # the GOV.UK date input: day, month, year
    assert data[f"money-{line_index(data, '121197.00')}-include"] == "on"
    assert f"money-{line_index(data, '200124.66')}-include" not in data  # year one, before this decision's period
    assert counts() == before


def test_confirming_creates_the_decision_and_its_money_in_one_audited_step(cast, client_for):
    commissioner = cast["commissioner"]
    client = client_for(commissioner)
    upload(client, DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt")
    document = IngestedDocument.objects.get()
    data, html = review_form(client, document)
    assert "Likely duplicate of" in html  # the demo holds 2022-0007 already: created again only on purpose
    before = counts()
    data.update({"decision-title": "Perpetrator programme year two (imported)", "confirm": "",
                 "decision-new_programme_name": "Cleveland perpetrator programme, imported",
                 "decision-not_duplicate": "on"})
    harbour = line_index(data, "121197.00")
    data[f"money-{harbour}-title"] = "Harbour year two grant"
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]), data)

    decision = Decision.objects.get(title="Perpetrator programme year two (imported)")
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:decision_detail", args=[decision.pk])
    assert (decision.reference, decision.decision_date, decision.status) == ("2022-0007", date(2022, 9, 5), "approved")
    opcc = Organisation.objects.get(name=CLEVELAND_OPCC)
    assert sorted((a.provider.name, a.value, a.kind) for a in decision.agreements.all()) == [
        ("Barefoot Social Research", Decimal("8000.00"), "grant"), ("Harbour Support Services", Decimal("121197.00"), "grant"),
        ("My Sister's Place", Decimal("99938.00"), "grant")]
    assert decision.agreements.get(provider__name="Harbour Support Services").title == "Harbour year two grant"
    [award] = decision.awards.all()
    assert (award.funder.name, award.recipient, award.amount, award.start) == (
        "Home Office", opcc, Decimal("157423.33"), date(2022, 7, 1))
    [match] = decision.match_contributions.all()
    assert (match.partner, match.amount, match.award) == (opcc, Decimal("71711.67"), award)
    assert sorted((t.component, t.amount) for t in decision.stated_totals.all()) == [
        ("agreements", Decimal("229135.00")), ("sources", Decimal("229135.00"))]
    assert [(i.topic, i.considered) for i in decision.implications.all()][0] == ("Financial", True)
    after = counts()
    assert after["Organisation"] == before["Organisation"]  # every counterparty matched an existing one
    assert after["Programme"] == before["Programme"] + 1

    document.refresh_from_db()
    assert (document.status, document.decision, document.confirmed_by) == (IngestStatus.CONFIRMED, decision, commissioner)
    for instance in [decision, award, match, document, *decision.agreements.all()]:
        assert LogEntry.objects.get_for_object(instance).filter(actor=commissioner).exists(), instance
    page = unescape(client.get(reverse("decisions:decision_detail", args=[decision.pk])).content.decode())
    assert page.count("Reconciles") == 2 and "002_77636eefc96c41bc.txt" in page
    downloaded = client.get(reverse("decisions:ingest_file", args=[document.pk]))
    assert b"".join(downloaded.streaming_content) == (DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt").read_bytes()


def test_gmca_allocations_go_to_the_existing_csps_police_force_and_trust(cast, client_for):
    client = client_for(cast["finance-officer"])
    upload(client, DOCUMENTS / "seeds" / "003_6506066fdcbcc86a.txt", organisation="Greater Manchester Combined Authority")
    document = IngestedDocument.objects.get()
    data, html = review_form(client, document)
    assert "Existing: Greater Manchester Police (GMP stands for it)" in html
    assert "Existing: The Hampton Trust (same name)" in html
    organisations = Organisation.objects.count()
    client.post(reverse("decisions:ingest_review", args=[document.pk]), {**leave_out_other_lines(data), "confirm": ""})
    decision = IngestedDocument.objects.get().decision
    allocations = {a.recipient.name: a.amount for a in decision.allocations.all()}
    assert allocations["Manchester Community Safety Partnership"] == Decimal("60290.00")
    assert allocations["Oldham Community Safety Partnership"] == Decimal("33645.00")
    assert allocations["Greater Manchester Police"] == Decimal("90000.00")
    assert all(a.financial_year == 2023 for a in decision.allocations.all())
    assert [a.provider.name for a in decision.agreements.all()] == ["The Hampton Trust"]
    assert Organisation.objects.count() == organisations
    [total] = decision.stated_totals.all()
    assert (total.amount, total.component, total.financial_year) == (Decimal("329450.00"), "allocations", 2023)
    assert (decision.is_key_decision, decision.publication_date) == (False, date(2024, 5, 9))


def test_confirming_minutes_records_the_panels_resolutions_with_their_due_dates(cast, client_for):
    opcc = "Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland"
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "seeds" / "000_97173f9075f11a76.txt", organisation=opcc)
    document = IngestedDocument.objects.get()
    data, html = review_form(client, document)
    jenkins = Programme.objects.get(lead_commissioner__name=opcc)
    client.post(reverse("decisions:ingest_review", args=[document.pk]),
                {**data, "decision-programme": jenkins.pk, "confirm": ""})
    decision = IngestedDocument.objects.get().decision
    [meeting] = decision.meetings.all()
    assert meeting.body.name == "Leicester, Leicestershire and Rutland Police and Crime Panel"
    assert [(r.number, r.due_on) for r in meeting.resolutions.order_by("number")] == [
        ("1", None), ("2", date(2023, 3, 17)), ("3", date(2023, 6, 30))]
    assert (decision.document_type, decision.status, list(decision.programmes.all())) == (
        "panel_minutes", "noted", [jenkins])


def test_a_scanned_pdf_is_refused_with_the_reason_and_nothing_is_stored(cast, client_for, tmp_path,
                                                                        uploads_in_a_temporary_directory):
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (400, 500), "white").save(scan, "PDF")
    before = counts()
    response = upload(client_for(cast["commissioner"]), scan)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "no text layer; scanned documents are not supported" in html and 'id="id_file-error"' in html
    assert IngestedDocument.objects.count() == 0 and counts() == before
    assert not uploads_in_a_temporary_directory.exists() or not any(uploads_in_a_temporary_directory.rglob("*.*"))


@pytest.mark.parametrize("name, content, message", [
    ("record.docx", b"PK\x03\x04 not really a Word document", "record.docx: not a readable Word document (.docx)"),
    ("record.xlsx", b"anything", "record.xlsx: .xlsx files are not supported; upload a .txt, .pdf or .docx file"),
])
def test_a_damaged_file_or_wrong_type_is_refused_and_nothing_is_stored(cast, client_for, name, content, message):
    before = counts()
    response = upload(client_for(cast["commissioner"]), DOCUMENTS / "own" / "05_prose_brackenridge.txt", name=name,
                      content=content)
    assert message in unescape(response.content.decode())
    assert IngestedDocument.objects.count() == 0 and counts() == before


@pytest.mark.parametrize("username", ["provider-manager", "perpetrator-worker", "partner-support-worker",
                                      "police-analyst", "panel-member", "evaluator", "administrator"])
def test_other_roles_get_404_for_every_import_page(cast, client_for, username):
    upload(client_for(cast["commissioner"]), DOCUMENTS / "own" / "10_record_wyndham.txt")
    document = IngestedDocument.objects.get()
    client = client_for(cast[username])
    for url in (reverse("decisions:ingest_upload"), reverse("decisions:ingest_review", args=[document.pk]),
                reverse("decisions:ingest_file", args=[document.pk])):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("decisions:ingest_review", args=[document.pk]), {"discard": ""}).status_code == 404
    assert IngestedDocument.objects.get().status == IngestStatus.DRAFT


def test_an_outsider_and_a_commissioner_of_another_body_get_404(cast, client_for, outsider):
    upload(client_for(cast["commissioner"]), DOCUMENTS / "own" / "10_record_wyndham.txt")
    document = IngestedDocument.objects.get()
    elsewhere = User.objects.create_user("elsewhere-commissioner", password="elsewhere-password-123")
    Membership.objects.create(user=elsewhere, role=Role.COMMISSIONER, organisation=Organisation.objects.create(
        name="Office of the Police and Crime Commissioner for Nowhere", kind="opcc"))
    for user in (outsider, elsewhere):
        client = client_for(user)
        assert client.get(reverse("decisions:ingest_review", args=[document.pk])).status_code == 404
    assert client_for(outsider).get(reverse("decisions:ingest_upload")).status_code == 404
    assert client_for(elsewhere).get(reverse("decisions:ingest_upload")).status_code == 200  # may import for his own


def test_a_line_missing_what_its_role_needs_is_an_error_and_nothing_is_created(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "05_prose_brackenridge.txt")
    document = IngestedDocument.objects.get()
    data, _ = review_form(client, document)
    grant, council = line_index(data, "70000.00"), line_index(data, "15000.00")
    data.update({f"money-{grant}-end": "", f"money-{grant}-counterparty": "", f"money-{council}-amount": "",
                 "confirm": ""})
    before = counts()
    html = unescape(client.post(reverse("decisions:ingest_review", args=[document.pk]), data).content.decode())
    assert "Enter the end date." in html and "Enter who it is paid to or received from." in html
    assert f'<a href="#id_money-{council}-amount">Amount (line {council + 1}): Enter the amount, like 12500.00.</a>' in html
    assert html.startswith("<!DOCTYPE html>") and "<title>Error: " in html
    assert counts() == before and IngestedDocument.objects.get().status == IngestStatus.DRAFT


def test_a_line_the_ledger_refuses_undoes_the_whole_confirmation(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "05_prose_brackenridge.txt")
    document = IngestedDocument.objects.get()
    data, _ = review_form(client, document)
    grant = line_index(data, "70000.00")
    council = line_index(data, "15000.00")
    # A per-annum grant needs a term; the council (new to dapi) would otherwise be created first.
    data.update({f"money-{grant}-start": "", f"money-{council}-counterparty": "Brackenridge Borough Council",
                 "confirm": ""})
    before = counts()
    html = unescape(client.post(reverse("decisions:ingest_review", args=[document.pk]), data).content.decode())
    assert "£70,000.00 (grant): A per-annum amount needs a term: enter the agreement's start date." in html
    assert counts() == before
    assert not Organisation.objects.filter(name="Brackenridge Borough Council").exists()
    assert IngestedDocument.objects.get().status == IngestStatus.DRAFT


def test_new_counterparties_are_added_as_organisations_of_a_fitting_kind(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "05_prose_brackenridge.txt")
    document = IngestedDocument.objects.get()
    data, html = review_form(client, document)
    assert "“Larchfield Outreach Services” will be added as a new organisation" in html
    client.post(reverse("decisions:ingest_review", args=[document.pk]), {**data, "confirm": ""})
    assert Organisation.objects.get(name="Larchfield Outreach Services").kind == "provider"
    assert Organisation.objects.get(name="Brackenridge Borough Council").kind == "local_authority"
    agreement = Agreement.objects.get(provider__name="Larchfield Outreach Services")
    assert (agreement.value, agreement.start, agreement.end) == (None, date(2023, 4, 1), date(2025, 3, 31))
    assert [(c.amount, c.basis) for c in agreement.contributions.all()] == [(Decimal("70000.00"), "per_annum")]


def test_discarding_creates_nothing_and_a_reviewed_document_cannot_be_reviewed_again(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "10_record_wyndham.txt")
    document = IngestedDocument.objects.get()
    data, _ = review_form(client, document)
    before = counts()
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]), {"discard": ""})
    assert response.status_code == 302 and IngestedDocument.objects.get().status == IngestStatus.DISCARDED
    discarded = LogEntry.objects.get_for_object(document).latest("timestamp")
    assert (discarded.actor, discarded.changes_dict["status"]) == (cast["commissioner"], ["draft", "discarded"])
    again = client.post(reverse("decisions:ingest_review", args=[document.pk]), {**data, "confirm": ""})
    assert "was discarded. Nothing was created from it." in unescape(again.content.decode())
    assert counts() == before


def test_the_decision_list_offers_the_import_to_commissioners_only(cast, client_for):
    link = reverse("decisions:ingest_upload")
    assert link in client_for(cast["finance-officer"]).get(reverse("decisions:decision_list")).content.decode()
    assert link not in client_for(cast["provider-manager"]).get(reverse("decisions:decision_list")).content.decode()


def test_every_test_document_can_be_confirmed_as_read_once_the_blanks_it_leaves_are_filled(cast, client_for):
    client = client_for(cast["commissioner"])
    paths = sorted((DOCUMENTS / "seeds").iterdir()) + sorted((DOCUMENTS / "own").iterdir())
    for path in paths:
        upload(client, path)
        document = IngestedDocument.objects.latest("pk")
        data, html = review_form(client, document)
        if "Likely duplicate of" in html:  # the seeds are in the demo data already
            data["decision-not_duplicate"] = "on"
        leave_out_other_lines(data)
        data["decision-title"] = data["decision-title"] or f"Imported {path.stem}"  # 001 states no title
        data["decision-decision_maker"] = data["decision-decision_maker"] or "Police and Crime Commissioner"
        data["decision-new_programme_name"] = f"Programme for {path.stem}"
        response = client.post(reverse("decisions:ingest_review", args=[document.pk]), {**data, "confirm": ""})
        errors = re.findall(r'<li><a href="[^"]*">([^<]*)', response.content.decode())
        assert response.status_code == 302, (path.name, errors)
    assert IngestedDocument.objects.filter(status=IngestStatus.CONFIRMED).count() == len(paths)
    contract = Agreement.objects.get(provider__name="Harrowgate Behaviour Change Services")  # Kestrel's contract
    assert (contract.kind, contract.value, contract.end) == ("contract", Decimal("2300000.00"), date(2026, 3, 31))
    assert (contract.extension_until, contract.break_notice_months) == (date(2028, 3, 31), 3)
