"""Reading an imported document's file into its draft: the writes the background task makes
(tasks.py), kept apart from services.py, which queues that task, so that neither imports the other.
services.py offers them with the rest of the import's writes."""

from django.conf import settings
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from . import access
from .extract import IngestError, ZipLimits, extract_bytes
from .models import IngestedDocument, IngestStatus


def zip_limits() -> ZipLimits:
    """How far a .docx may unpack before it is read (settings DAPI_DOCX_MAX_UNPACKED_MB, DAPI_DOCX_MAX_RATIO)."""
    return ZipLimits(max_unpacked_bytes=settings.DAPI_DOCX_MAX_UNPACKED_BYTES, max_ratio=settings.DAPI_DOCX_MAX_RATIO)


def ingested_document_read(*, document: IngestedDocument, by) -> IngestedDocument:
    """Read a waiting document's file into its draft, or mark it failed with the reason the file
    could not be read (a scan, a damaged file); one document's failure never touches another's.
    The system (the background task) or whoever may review it may; anyone else gets Http404.
    Safe to run again: a document that is no longer waiting is left as it is."""
    require(is_system(by) or access.can_review(by, document), "No such document")
    if document.status != IngestStatus.WAITING:
        return document
    with document.file.open("rb") as file:
        data = file.read()
    try:
        draft = extract_bytes(data, document.original_name, zip_limits())
    except IngestError as e:
        return ingested_document_fail(document=document, reason=str(e), by=by)
    stored = draft.to_dict()
    del stored["text"]
    with transaction.atomic(), acting_as(by):
        locked = IngestedDocument.objects.select_for_update().get(pk=document.pk)
        if locked.status != IngestStatus.WAITING:
            return locked
        locked.source_text, locked.draft, locked.status = draft.text, stored, IngestStatus.DRAFT
        locked.save(update_fields=["source_text", "draft", "status"])
    return locked


def ingested_document_fail(*, document: IngestedDocument, reason: str, by) -> IngestedDocument:
    """Mark a waiting document as not readable, with the reason shown in its queue; nothing else is
    created. The system or whoever may review it may; anyone else gets Http404."""
    require(is_system(by) or access.can_review(by, document), "No such document")
    with transaction.atomic(), acting_as(by):
        locked = IngestedDocument.objects.select_for_update().get(pk=document.pk)
        if locked.status == IngestStatus.WAITING:
            locked.status, locked.failure = IngestStatus.FAILED, reason[:500]
            locked.save(update_fields=["status", "failure"])
    return locked
