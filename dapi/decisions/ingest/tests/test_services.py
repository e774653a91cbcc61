"""Importing through the services themselves: each write is audited as the user who made it; a user
who may not import for the body, or review its document, gets the not-found that pages answer 404
with, and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.decisions.ingest import services
from dapi.decisions.ingest.models import IngestedDocument, IngestStatus
from dapi.decisions.models import Decision
from dapi.funding.models import Agreement, Programme

CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"
RECORD = (b"Decision record\nReference: SERVICE-2024-01\nTitle: Perpetrator programme extension\n"
          b"Decision: to award a grant of \xc2\xa310,000 to Harbour Support Services.\nDate: 1 April 2024\n")


def upload(by, organisation=CLEVELAND_OPCC) -> IngestedDocument:
    return services.ingested_document_create(organisation=Organisation.objects.get(name=organisation),
                                             upload=SimpleUploadedFile("record.txt", RECORD), by=by)


def reviewed(**overrides) -> dict:
    """What the review form sends for the record: the decision and one grant line."""
    fields = {"title": "Perpetrator programme extension", "reference": "SERVICE-2024-01",
              "document_type": "decision_record", "decision_maker": "Police and Crime Commissioner",
              "status": "approved", "status_text": "", "is_key_decision": None, "is_subject_to_call_in": None,
              "decision_date": date(2024, 4, 1), "publication_date": None, "lead_officer": "", "decision_text": "",
              "extension_months": None, "break_notice_months": None, "programme": None,
              "new_programme_name": "Cleveland extension", "meeting_body": ""}
    line = {"include": True, "role": "grant", "title": "Harbour extension grant", "counterparty": "Harbour Support Services",
            "amount": Decimal("10000.00"), "per_annum": False, "is_cap": False, "start": date(2024, 4, 1),
            "end": date(2025, 3, 31), "component": []}
    return {"fields": {**fields, **overrides}, "lines": [line]}


def counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (IngestedDocument, Decision, Agreement, Programme, Organisation, LogEntry)}


def test_uploading_writes_the_documents_audit_row_as_the_commissioner(cast):
    document = upload(cast["finance-officer"])
    [entry] = LogEntry.objects.get_for_object(document)
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, cast["finance-officer"])


@pytest.mark.parametrize("who", ["provider-manager", "panel-member", "administrator"])
def test_a_document_is_not_imported_for_a_body_the_user_does_not_commission_for(cast, who,
                                                                               uploads_in_a_temporary_directory):
    before = counts()
    with pytest.raises(Http404, match="^No such organisation$"):
        upload(cast[who])
    assert counts() == before
    assert not uploads_in_a_temporary_directory.exists() or not any(uploads_in_a_temporary_directory.rglob("*.*"))


def test_discarding_writes_the_documents_audit_row_as_the_commissioner(cast):
    document = upload(cast["commissioner"])
    services.ingested_document_discard(document=document, by=cast["finance-officer"])
    [entry] = LogEntry.objects.get_for_object(document).filter(action=LogEntry.Action.UPDATE)
    assert (entry.actor, entry.changes_dict["status"]) == (cast["finance-officer"], ["draft", "discarded"])


@pytest.mark.parametrize("who", ["provider-manager", "panel-member", "outsider"])
def test_a_document_is_not_discarded_by_someone_who_may_not_review_it(cast, outsider, who):
    document = upload(cast["commissioner"])
    before = counts()
    with pytest.raises(Http404, match="^No such document$"):
        services.ingested_document_discard(document=document, by=outsider if who == "outsider" else cast[who])
    assert counts() == before and IngestedDocument.objects.get().status == IngestStatus.DRAFT


def test_confirming_writes_the_audit_rows_of_the_decision_its_money_and_the_document_as_the_commissioner(cast):
    commissioner = cast["commissioner"]
    document = upload(commissioner)
    decision = services.ingested_document_confirm(document=document, by=commissioner, **reviewed())
    [grant] = decision.agreements.all()
    for instance in (decision, grant, decision.programmes.get(), document):
        assert LogEntry.objects.get_for_object(instance).filter(actor=commissioner).exists(), instance
    document.refresh_from_db()
    assert (document.status, document.decision, document.confirmed_by) == (IngestStatus.CONFIRMED, decision,
                                                                           commissioner)


@pytest.mark.parametrize("who", ["provider-manager", "panel-member", "evaluator"])
def test_a_document_is_not_confirmed_by_someone_who_may_not_review_it(cast, who):
    document = upload(cast["commissioner"])
    before = counts()
    with pytest.raises(Http404, match="^No such document$"):
        services.ingested_document_confirm(document=document, by=cast[who], **reviewed())
    assert counts() == before and IngestedDocument.objects.get().status == IngestStatus.DRAFT


def test_a_document_is_not_confirmed_into_a_programme_another_body_leads(cast):
    document = upload(cast["commissioner"])
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.ingested_document_confirm(document=document, by=cast["commissioner"],
                                           **reviewed(programme=Programme.objects.get(slug="jenkins-centre")))
    assert list(refused.value.message_dict) == ["programme"]
    assert counts() == before and IngestedDocument.objects.get().status == IngestStatus.DRAFT
