"""Importing several documents at once (issue 19, item 4): the web upload of several files makes a
batch, each file read by a background task into a draft of a queue that shows its state; files the
server must not read are refused on arrival, each with its reason, without stopping the others;
every draft is checked against the body's decisions and the drafts before it, and a likely duplicate
is confirmed only on purpose."""

import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.decisions.ingest.duplicates import normalised_reference
from dapi.decisions.ingest.services import ingest_batch_create
from dapi.decisions.models import Decision, IngestBatch, IngestedDocument, IngestStatus

from .test_pages import CLEVELAND_OPCC, DOCUMENTS, counts, leave_out_other_lines, review_form
from .test_zip_limits import record_docx

pytestmark = pytest.mark.usefixtures("uploads_in_a_temporary_directory")

WYNDHAM = DOCUMENTS / "own" / "10_record_wyndham.txt"
HOLLINSFORD = DOCUMENTS / "own" / "11_record_hollinsford.txt"
KESTREL = DOCUMENTS / "own" / "03_request_kestrel.pdf"
SEED_2022_0007 = DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt"


def files(*paths, extra=()):
    return [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths] + [SimpleUploadedFile(n, c) for n, c in extra]


def upload_many(client, uploads, organisation=CLEVELAND_OPCC):
    return client.post(reverse("decisions:ingest_upload"), {
        "file": uploads, "organisation": Organisation.objects.get(name=organisation).pk})


def test_several_files_make_a_batch_read_in_the_background_into_a_queue_of_drafts(cast, client_for,
                                                                                   django_capture_on_commit_callbacks):
    client = client_for(cast["commissioner"])
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_many(client, files(WYNDHAM, HOLLINSFORD, KESTREL))
    batch = IngestBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("decisions:ingest_batch", args=[batch.pk])
    documents = list(batch.documents.order_by("pk"))
    assert [(d.original_name, d.status, d.uploaded_by) for d in documents] == [
        (WYNDHAM.name, IngestStatus.DRAFT, cast["commissioner"]), (HOLLINSFORD.name, IngestStatus.DRAFT,
                                                                  cast["commissioner"]),
        (KESTREL.name, IngestStatus.DRAFT, cast["commissioner"])]
    assert all(d.source_text and d.draft["money"] for d in documents)
    assert counts() == before  # drafts only: nothing exists before a reviewer confirms

    html = unescape(client.get(response["Location"]).content.decode())
    assert "3 of 3</strong> documents read" in html
    assert html.count("Extracted") == 3 and "Likely duplicate</strong>" not in html
    assert reverse("decisions:ingest_review", args=[documents[0].pk]) in html


def test_a_batch_waits_for_the_worker_and_the_queue_shows_each_file_waiting(cast, client_for, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # a queue no one runs
    client = client_for(cast["commissioner"])
    upload_many(client, files(WYNDHAM, HOLLINSFORD))
    batch = IngestBatch.objects.get()
    assert set(batch.documents.values_list("status", flat=True)) == {IngestStatus.WAITING}
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    assert "0 of 2</strong> documents read" in html and "2 waiting to be read in the background" in html
    assert html.count(">Waiting<") == 2


def test_a_damaged_file_among_good_ones_fails_with_its_reason_and_the_others_are_read(cast, client_for):
    client = client_for(cast["commissioner"])
    before = counts()
    upload_many(client, files(WYNDHAM, HOLLINSFORD, extra=[("broken.pdf", b"%PDF-1.7\nnot really a pdf at all")]))
    batch = IngestBatch.objects.get()
    states = {d.original_name: (d.status, d.failure) for d in batch.documents.all()}
    assert states[WYNDHAM.name] == (IngestStatus.DRAFT, "") and states[HOLLINSFORD.name] == (IngestStatus.DRAFT, "")
    assert states["broken.pdf"][0] == IngestStatus.FAILED
    assert states["broken.pdf"][1].startswith("broken.pdf: not a readable PDF")
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    assert "Failed</strong> broken.pdf: not a readable PDF" in html and html.count("Extracted") == 2
    assert counts() == before
    # A failed document is only ever discarded: there is nothing in it to confirm.
    broken = batch.documents.get(original_name="broken.pdf")
    response = client.post(reverse("decisions:ingest_review", args=[broken.pk]), {"discard": ""})
    assert response["Location"] == reverse("decisions:ingest_batch", args=[batch.pk])
    assert IngestedDocument.objects.get(pk=broken.pk).status == IngestStatus.DISCARDED


def test_wrong_types_a_zip_and_a_docx_that_inflates_past_the_limit_are_refused_on_arrival_and_not_stored(
        cast, client_for, uploads_in_a_temporary_directory, settings):
    settings.DAPI_DOCX_MAX_UNPACKED_BYTES = 5 * 1024 * 1024
    client = client_for(cast["commissioner"])
    bomb = record_docx(6 * 1024 * 1024)
    upload_many(client, files(WYNDHAM, extra=[("records.zip", b"PK\x03\x04 an archive"), ("bomb.docx", bomb),
                                               ("sheet.xlsx", b"anything"), ("empty.txt", b"")]))
    batch = IngestBatch.objects.get()
    assert [d.original_name for d in batch.documents.all()] == [WYNDHAM.name]
    reasons = {r["name"]: r["reason"] for r in batch.refused}
    assert reasons["records.zip"] == ("records.zip: .zip archives are not accepted; upload the documents themselves "
                                      "(a .txt file, a .pdf with a text layer or a .docx file), several at once if "
                                      "you like")
    assert re.match(r"bomb\.docx: refused: the Word document unpacks to 6\.\d MB, more than the 5\.0 MB allowed",
                    reasons["bomb.docx"])
    assert reasons["sheet.xlsx"] == ("sheet.xlsx: .xlsx is not accepted; upload a .txt file, a .pdf with a text layer "
                                     "or a .docx file")
    assert reasons["empty.txt"] == "empty.txt: the file is empty"
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    assert "4 files refused and not stored" in html and reasons["bomb.docx"] in html
    stored = sorted(p.name for p in uploads_in_a_temporary_directory.rglob("*.*"))
    assert stored == ["decision.txt"]  # the one good file; nothing of the refused ones


def test_a_batch_of_only_refused_files_creates_nothing_at_all(cast, client_for, uploads_in_a_temporary_directory,
                                                              settings):
    settings.DAPI_DOCX_MAX_UNPACKED_BYTES = 5 * 1024 * 1024
    before = counts()
    response = upload_many(client_for(cast["commissioner"]), files(
        extra=[("bomb.docx", record_docx(6 * 1024 * 1024)), ("records.zip", b"PK\x03\x04")]))
    html = unescape(response.content.decode())
    assert response.status_code == 200 and "bomb.docx: refused: the Word document unpacks to" in html
    assert "records.zip: .zip archives are not accepted" in html
    assert (IngestBatch.objects.count(), IngestedDocument.objects.count(), counts()) == (0, 0, before)
    assert not uploads_in_a_temporary_directory.exists() or not any(uploads_in_a_temporary_directory.rglob("*.*"))


def test_a_batch_past_the_number_of_files_or_the_total_size_is_refused_whole(cast, client_for, settings):
    client = client_for(cast["commissioner"])
    settings.DAPI_INGEST_MAX_FILES = 2
    html = unescape(upload_many(client, files(WYNDHAM, HOLLINSFORD, KESTREL)).content.decode())
    assert "3 documents were chosen; upload at most 2 at once." in html
    settings.DAPI_INGEST_MAX_FILES, settings.DAPI_INGEST_MAX_BATCH_BYTES = 20, 1024 * 1024
    long = WYNDHAM.read_bytes() + b"\n" * (1024 * 1024)
    html = unescape(upload_many(client, files(WYNDHAM, extra=[("long.txt", long)])).content.decode())
    assert re.search(r"The files come to 1\.0 MB; upload at most 1 MB at once\.", html)
    assert IngestBatch.objects.count() == IngestedDocument.objects.count() == 0


def test_references_are_compared_without_case_spaces_dashes_or_en_dashes():
    assert normalised_reference("PCCML / 000407 – 2018") == normalised_reference("pccml/000407-2018")
    assert normalised_reference("2022 - 0007") == normalised_reference("2022–0007") == "20220007"
    assert normalised_reference("2022-0007") != normalised_reference("2022-0008")


def test_a_record_already_decided_is_flagged_with_a_link_and_confirmed_only_on_purpose(cast, client_for):
    client = client_for(cast["commissioner"])
    upload_many(client, files(SEED_2022_0007, WYNDHAM))
    existing = Decision.objects.get(reference="2022-0007")
    batch = IngestBatch.objects.get()
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    link = reverse("decisions:decision_detail", args=[existing.pk])
    assert html.count("Likely duplicate</strong> of") == 1
    assert f'<a class="govuk-link" href="{link}">{existing}</a>: the same reference (2022-0007)' in html

    document = batch.documents.get(original_name=SEED_2022_0007.name)
    data, page = review_form(client, document)
    assert "Likely duplicate of" in page and link in page
    before = counts()
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]),
                           {**leave_out_other_lines(data), "confirm": ""})
    assert response.status_code == 200 and counts() == before
    assert "This looks like a duplicate of 2022-0007" in unescape(response.content.decode())
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]),
                           {**data, "confirm": "", "decision-not_duplicate": "on"})
    assert response["Location"] == reverse("decisions:ingest_batch", args=[batch.pk])
    assert Decision.objects.filter(reference="2022-0007").count() == 2


def test_a_reference_written_differently_still_matches(cast, client_for):
    client = client_for(cast["commissioner"])
    text = SEED_2022_0007.read_text().replace("2022-0007", "2022 – 0007", 1)
    upload_many(client, files(WYNDHAM, extra=[("en-dash.txt", text.encode())]))
    document = IngestedDocument.objects.get(original_name="en-dash.txt")
    assert document.draft["reference"]["value"] == "2022 – 0007"
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[document.batch_id])).content.decode())
    assert "the same reference (2022-0007)" in html


def test_the_same_money_with_the_same_counterparties_is_flagged_against_an_earlier_draft(cast, client_for):
    client = client_for(cast["commissioner"])
    renamed = WYNDHAM.read_text()
    upload_many(client, files(WYNDHAM, extra=[("wyndham-again.txt", renamed.encode())]))
    batch = IngestBatch.objects.get()
    first, second = batch.documents.order_by("pk")
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    # Only the later of the two is marked, with a link to the earlier draft.
    assert html.count("Likely duplicate</strong> of") == 1
    assert (f'<a class="govuk-link" href="{reverse("decisions:ingest_review", args=[first.pk])}">{first.original_name}'
            f'</a> (in the queue)') in html
    # Once the first is discarded, the second is a duplicate of nothing.
    client.post(reverse("decisions:ingest_review", args=[first.pk]), {"discard": ""})
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[batch.pk])).content.decode())
    assert "Likely duplicate</strong> of" not in html
    assert second.status == IngestStatus.DRAFT


def test_amounts_and_counterparties_match_a_confirmed_decision_without_any_reference(cast, client_for):
    client = client_for(cast["commissioner"])
    text = WYNDHAM.read_text().replace("Decision number: WV 2025/12\n", "")
    upload_many(client, files(extra=[("one.txt", text.encode()), ("other.txt", b"Nothing here about money.\n")]))
    first = IngestedDocument.objects.get(original_name="one.txt")
    assert not first.draft["reference"]["value"]
    data, _ = review_form(client, first)
    data.update({"decision-new_programme_name": "Wyndham", "confirm": ""})
    data["decision-title"] = data["decision-title"] or "Wyndham"
    data["decision-decision_maker"] = data["decision-decision_maker"] or "Police and Crime Commissioner"
    assert client.post(reverse("decisions:ingest_review", args=[first.pk]), leave_out_other_lines(data)).status_code == 302
    first.refresh_from_db()
    upload_many(client, files(extra=[("two.txt", text.encode()), ("other.txt", b"Nothing here about money.\n")]))
    second = IngestedDocument.objects.get(original_name="two.txt")
    html = unescape(client.get(reverse("decisions:ingest_batch", args=[second.batch_id])).content.decode())
    assert f"{first.decision}</a>: the same amounts with the same counterparties" in html


@pytest.mark.parametrize("username", ["provider-manager", "police-analyst", "panel-member", "administrator"])
def test_a_batch_is_not_found_for_anyone_who_may_not_import_for_its_body(cast, client_for, username):
    upload_many(client_for(cast["commissioner"]), files(WYNDHAM, HOLLINSFORD))
    batch = IngestBatch.objects.get()
    url = reverse("decisions:ingest_batch", args=[batch.pk])
    assert client_for(cast[username]).get(url).status_code == 404
    assert client_for(cast["finance-officer"]).get(url).status_code == 200  # who may import for it sees it


def test_the_service_refuses_someone_who_may_not_import_and_audits_the_batch(cast):
    with pytest.raises(Exception) as refused:
        ingest_batch_create(organisation=Organisation.objects.get(name=CLEVELAND_OPCC), uploads=files(WYNDHAM),
                            by=cast["provider-manager"])
    assert refused.typename == "Http404" and IngestBatch.objects.count() == 0
    batch = ingest_batch_create(organisation=Organisation.objects.get(name=CLEVELAND_OPCC),
                                uploads=files(WYNDHAM, HOLLINSFORD), by=cast["commissioner"])
    from auditlog.models import LogEntry

    [entry] = LogEntry.objects.get_for_object(batch)
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, cast["commissioner"])
