"""The import API (issue 19, item 6): upload several documents (multipart), follow the queue, read a
draft with its confidence and source spans, correct and confirm it, or discard it; through the same
access functions, forms and services as the pages."""

import json

import pytest

from dapi.accounts.models import Organisation
from dapi.decisions.models import Decision, IngestBatch, IngestedDocument, IngestStatus

from .test_bulk import HOLLINSFORD, SEED_2022_0007, WYNDHAM, files
from .test_pages import CLEVELAND_OPCC, counts
from .test_zip_limits import record_docx

pytestmark = pytest.mark.usefixtures("uploads_in_a_temporary_directory")
UPLOAD = "/api/ingest/documents"
UPLIFT = (b"Decision Reference: TEST/2025/01\nTitle: Victims services uplift\n\nThe Commissioner awards a grant of "
          b"\xc2\xa325,460 to Safer Communities Limited from 1 April 2025 to 31 March 2026 for a youth offer.\n\n"
          b"The national fund is worth \xc2\xa36m this year.\n")


def cleveland():
    return Organisation.objects.get(name=CLEVELAND_OPCC).pk


def upload(client, uploads, organisation=None):
    return client.post(UPLOAD, {"organisation": organisation or cleveland(), "file": uploads})


def confirm(client, document_id, body):
    return client.post(f"/api/ingest/documents/{document_id}/confirm", json.dumps(body),
                       content_type="application/json")


def test_several_files_are_uploaded_read_and_listed_with_their_states_and_refusals(cast, client_for):
    client = client_for(cast["commissioner"])
    response = upload(client, files(WYNDHAM, HOLLINSFORD, extra=[("records.zip", b"PK\x03\x04"),
                                                                 ("broken.pdf", b"%PDF-1.4 broken")]))
    assert response.status_code == 201, response.content
    batch = response.json()
    assert (batch["read"], batch["total"]) == (3, 3)
    assert [(d["original_name"], d["status"]) for d in batch["documents"]] == [
        (WYNDHAM.name, "draft"), (HOLLINSFORD.name, "draft"), ("broken.pdf", "failed")]
    assert batch["documents"][2]["failure"].startswith("broken.pdf: not a readable PDF")
    assert [r["name"] for r in batch["refused"]] == ["records.zip"]
    assert client.get(f"/api/ingest/batches/{batch['id']}").json() == batch
    assert [d["original_name"] for d in client.get(UPLOAD).json()["results"]][:3] == [
        "broken.pdf", HOLLINSFORD.name, WYNDHAM.name]


def test_a_draft_carries_each_lines_confidence_and_source_text_least_sure_first(cast, client_for):
    client = client_for(cast["commissioner"])
    [document] = upload(client, files(extra=[("uplift.txt", UPLIFT)])).json()["documents"]
    draft = client.get(f"/api/ingest/documents/{document['id']}").json()
    assert draft["decision_fields"]["reference"] == "TEST/2025/01"
    assert draft["confidence"]["reference"] == {"score": 0.95, "level": "high", "reasons": []}
    assert [(line["line"], line["role"], line["confidence"]["level"], line["create"]) for line in draft["lines"]] == [
        (2, "other", "low", True), (1, "grant", "high", True)]
    assert draft["lines"][1]["source"] == [{"start": draft["source_text"].index("£25,460"),
                                             "end": draft["source_text"].index("£25,460") + 7, "text": "£25,460"}]


def test_confirming_with_a_line_still_other_is_refused_naming_it_then_corrected_lines_are_created(cast, client_for):
    client = client_for(cast["commissioner"])
    [document] = upload(client, files(extra=[("uplift.txt", UPLIFT)])).json()["documents"]
    before = counts()
    body = {"decision": {"decision_maker": "Police and Crime Commissioner", "new_programme_name": "Victims uplift"}}
    response = confirm(client, document["id"], body)
    assert response.status_code == 422
    assert response.json()["errors"]["lines.0.role"] == [
        "Money line 2 (£6,000,000.00): choose what this line is: an “Other” line is not created. Untick it to leave "
        "it out."]
    assert counts() == before

    lines = client.get(f"/api/ingest/documents/{document['id']}").json()["lines"]
    body["lines"] = [{**{k: lines[1][k] for k in ("role", "amount", "counterparty", "start", "end")},
                      "line": 1, "create": True}]
    response = confirm(client, document["id"], body)
    assert response.status_code == 422
    assert response.json()["errors"]["lines"] == [
        "Money line 2 is not in the list: send it, with create false to leave it out."]
    body["lines"].append({"line": 2, "create": False, "role": "other", "amount": "6000000.00"})
    response = confirm(client, document["id"], body)
    assert response.status_code == 201, response.content
    decision = Decision.objects.get(pk=response.json()["id"])
    assert [(a.provider.name, a.value) for a in decision.agreements.all()] == [
        ("Safer Communities Limited", 25460)]
    assert IngestedDocument.objects.get(pk=document["id"]).status == IngestStatus.CONFIRMED


def test_a_likely_duplicate_is_confirmed_only_with_not_duplicate(cast, client_for):
    client = client_for(cast["commissioner"])
    [document] = upload(client, files(SEED_2022_0007)).json()["documents"]
    existing = Decision.objects.get(reference="2022-0007")
    assert document["likely_duplicates"] == [{"decision": existing.pk, "document": None, "label": str(existing),
                                             "why": "the same reference (2022-0007)"}]
    lines = client.get(f"/api/ingest/documents/{document['id']}").json()["lines"]
    kept = [{**{k: line[k] for k in ("role", "amount", "counterparty", "title", "per_annum", "is_cap", "start", "end",
                                      "component")}, "line": line["line"],
             "create": line["create"] and line["role"] != "other"} for line in lines]
    body = {"decision": {"new_programme_name": "Cleveland again"}, "lines": kept}
    response = confirm(client, document["id"], body)
    assert response.status_code == 422 and "This looks like a duplicate of 2022-0007" in response.json()["detail"]
    response = confirm(client, document["id"], {**body, "not_duplicate": True})
    assert response.status_code == 201, response.content
    assert Decision.objects.filter(reference="2022-0007").count() == 2


def test_discarding_creates_nothing_and_a_document_is_reviewed_only_once(cast, client_for):
    client = client_for(cast["commissioner"])
    [document] = upload(client, files(WYNDHAM)).json()["documents"]
    before = counts()
    response = client.post(f"/api/ingest/documents/{document['id']}/discard")
    assert response.status_code == 201 and response.json()["status"] == "discarded"
    assert counts() == before
    again = client.post(f"/api/ingest/documents/{document['id']}/discard")
    assert again.status_code == 422 and "already been discarded" in again.json()["detail"]


def test_a_docx_that_inflates_past_the_limit_is_refused_and_nothing_is_created(cast, client_for, settings):
    settings.DAPI_DOCX_MAX_UNPACKED_BYTES = 5 * 1024 * 1024
    before = counts()
    response = upload(client_for(cast["commissioner"]), files(extra=[("bomb.docx", record_docx(6 * 1024 * 1024))]))
    assert response.status_code == 422
    assert response.json()["errors"]["file"][0].startswith("bomb.docx: refused: the Word document unpacks to 6.")
    assert (IngestBatch.objects.count(), IngestedDocument.objects.count(), counts()) == (0, 0, before)


@pytest.mark.parametrize("username", ["provider-manager", "perpetrator-worker", "police-analyst", "panel-member",
                                      "evaluator", "administrator"])
def test_who_may_not_import_gets_404_for_every_document_and_batch_and_cannot_upload(cast, client_for, username):
    [document] = upload(client_for(cast["commissioner"]), files(WYNDHAM)).json()["documents"]
    client = client_for(cast[username])
    for url in (f"/api/ingest/documents/{document['id']}", f"/api/ingest/batches/{document['batch']}"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/api/ingest/documents/{document['id']}/discard").status_code == 404
    assert confirm(client, document["id"], {}).status_code == 404
    assert upload(client, files(HOLLINSFORD)).status_code == 404
    assert client.get(UPLOAD).json()["results"] == []
    assert IngestedDocument.objects.get().status == IngestStatus.DRAFT
    finance = client_for(cast["finance-officer"])  # who may import for the body sees it
    assert finance.get(f"/api/ingest/documents/{document['id']}").status_code == 200
