"""Importing published decision documents as JSON: upload one or several (multipart), follow the
batch's queue, read a draft with each value's confidence and source text, confirm it (with any
corrections) or discard it.

The same access functions, selectors, forms and services as the pages: whoever may import for a
body (its commissioners and finance officers) may do all of it for that body; for anyone else a
document or batch does not exist (404).
"""

from datetime import date, datetime
from enum import StrEnum

from django.core.exceptions import ValidationError
from ninja import File, Form, Router, Schema, UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import Field

from dapi.accounts.schemas import OrganisationRef
from dapi.lib.api import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Money, MoneyIn, Pages

from ..models import DecisionStatus, DocumentType, TotalComponent
from . import access, selectors, services
from .duplicates import Duplicate, duplicates_of
from .forms import ReviewForms, review_data
from .models import IngestedDocument, IngestStatus
from .queue import batch_queue

router = Router(tags=["decision import"])


class ImportDuplicateOut(Schema):
    decision: int | None = Field(description="The existing decision it repeats (see /api/decisions/{id}).")
    document: int | None = Field(description="The earlier draft in the queue it repeats.")
    label: str
    why: str


class ImportedDocumentOut(Schema):
    id: int
    original_name: str
    organisation: OrganisationRef
    batch: int | None = Field(description="The batch it was uploaded in (see /api/ingest/batches/{id}).")
    uploaded_at: datetime
    status: IngestStatus = Field(description="waiting (to be read), failed, draft (read, to review), confirmed or "
                                             "discarded.")
    failure: str = Field(description="Why it could not be read, when it failed.")
    reference: str | None = Field(description="The reference read from it, if any.")
    decision: int | None = Field(description="The decision created when it was confirmed.")
    likely_duplicates: list[ImportDuplicateOut]


class ImportRefusedOut(Schema):
    name: str
    reason: str


class ImportBatchOut(Schema):
    id: int
    organisation: OrganisationRef
    uploaded_at: datetime
    read: int = Field(description="Documents no longer waiting to be read.")
    total: int
    documents: list[ImportedDocumentOut]
    refused: list[ImportRefusedOut] = Field(description="Files refused on arrival and not stored, with the reason.")


class ConfidenceLevel(StrEnum):
    """low: a score below 0.5; medium: below 0.8; high: the rest."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ImportConfidenceOut(Schema):
    score: float = Field(description="0 (a guess, or not found) to 1 (read from a labelled place).")
    level: ConfidenceLevel
    reasons: list[str]


class ImportSpanOut(Schema):
    start: int
    end: int
    text: str


class ImportLineOut(Schema):
    line: int = Field(description="The line's number in the draft; send it back as `line` to correct it.")
    create: bool = Field(description="Whether confirming as proposed creates it.")
    role: str
    amount: Money
    counterparty: str
    title: str
    per_annum: bool
    is_cap: bool
    start: date | None
    end: date | None
    component: list[str]
    confidence: ImportConfidenceOut
    checks: list[str] = Field(description="Why a person should look at it.")
    source: list[ImportSpanOut] = Field(description="Where the amount was read in source_text.")


class ImportDraftOut(ImportedDocumentOut):
    source_text: str
    decision_fields: dict = Field(description="The decision as proposed: title, reference, document_type, "
                                              "decision_maker, status, dates (ISO) and the rest of the review form.")
    confidence: dict[str, ImportConfidenceOut] = Field(description="Of the reference, decision_date and publication_date.")
    lines: list[ImportLineOut] = Field(description="Money lines, least sure first.")
    warnings: list[str]


class ImportDecisionIn(Schema):
    """Corrections to the decision as proposed: only the fields sent change."""

    title: str | None = None
    reference: str | None = None
    document_type: DocumentType | None = None
    decision_maker: str | None = None
    status: DecisionStatus | None = None
    decision_date: date | None = None
    publication_date: date | None = None
    lead_officer: str | None = None
    decision_text: str | None = None
    programme: int | None = Field(None, description="The id of a programme of the body (else name a new one).")
    new_programme_name: str | None = None
    meeting_body: str | None = None


class ImportLineIn(Schema):
    line: int | None = Field(None, ge=1, le=10_000, description="The draft's line number; none for a new line.")
    create: bool = Field(description="Create it (it needs a role other than \"other\"), or leave it out.")
    role: str
    amount: MoneyIn = Field(ge=0, max_digits=14, decimal_places=2)
    counterparty: str = ""
    title: str = ""
    per_annum: bool = False
    is_cap: bool = False
    start: date | None = None
    end: date | None = None
    component: list[TotalComponent] = Field(default_factory=list, max_length=3)


class ImportConfirmIn(Schema):
    decision: ImportDecisionIn = Field(default_factory=ImportDecisionIn)
    lines: list[ImportLineIn] | None = Field(None, max_length=200, description=(
        "The money lines instead of those proposed: every line of the draft exactly once (create false to leave it "
        "out), then any new ones. Omitted: the lines as proposed, where a line still \"other\" is refused."))
    not_duplicate: bool = Field(False, description="Needed to confirm a likely duplicate.")


class ImportedDecisionRef(Schema):
    id: int
    reference: str
    title: str


def _duplicate(d: Duplicate) -> dict:
    return {"decision": d.decision.pk if d.decision else None, "document": d.document.pk if d.document else None,
            "label": d.label, "why": d.why}


def _document(document: IngestedDocument, duplicates: list[Duplicate]) -> dict:
    return {"id": document.pk, "original_name": document.original_name, "organisation": document.organisation,
            "batch": document.batch_id, "uploaded_at": document.uploaded_at, "status": document.status,
            "failure": document.failure, "reference": (document.draft.get("reference") or {}).get("value"),
            "decision": document.decision_id, "likely_duplicates": [_duplicate(d) for d in duplicates]}


def _draft(user, document: IngestedDocument) -> dict:
    out = _document(document, duplicates_of([document]).get(document.pk, []))
    if document.status != IngestStatus.DRAFT:
        return {**out, "source_text": document.source_text, "decision_fields": {}, "confidence": {}, "lines": [],
                "warnings": []}
    review = selectors.review_for(user, document)
    initial = selectors.initial_for(document, review.draft)
    text = review.draft.text
    lines = [{**{k: line[k] for k in ("role", "amount", "counterparty", "title", "per_annum", "is_cap", "start",
                                      "end", "component", "checks")},
              "line": line["source"] + 1, "create": line["include"],
              "confidence": {"score": line["score"], "level": line["confidence"], "reasons": line["reasons"]},
              "source": [{"start": s, "end": e, "text": text[s:e]} for s, e in review.draft.money[line["source"]].spans]}
             for line in initial["lines"]]
    fields = {k: v.isoformat() if isinstance(v, date) else v for k, v in initial["decision"].items()}
    return {**out, "source_text": text, "decision_fields": fields, "lines": lines, "warnings": review.draft.warnings,
            "confidence": {k: c.to_dict() for k, c in review.confidence.items()}}


@router.post("/ingest/documents", response={201: ImportBatchOut, **WRITE_ERRORS},
             summary="Upload one or several decision documents to read into a queue of drafts (multipart)")
def upload_documents(request, organisation: int = Form(..., ge=1, le=2**31 - 1, description="The id of the body."),
                     file: list[UploadedFile] = File(None, description="One or more decision documents.")):
    """Each file is a .txt, a .pdf with a text layer or a .docx (at most 20 MB; DAPI_INGEST_MAX_FILES files and
    DAPI_INGEST_MAX_BATCH_MB in all). Files that cannot be accepted are listed in `refused`; the others are read
    in the background: follow /api/ingest/batches/{id}."""
    bodies = access.import_bodies_to_upload(request.auth)
    chosen = bodies.filter(pk=organisation).first()
    if chosen is None:
        raise ValidationError({"organisation": "Choose a body you may import decision documents for."})
    batch = services.ingest_batch_create(organisation=chosen, uploads=file or [], by=request.auth)
    return Status(201, _batch(batch))


def _batch(batch) -> dict:
    queue = batch_queue(batch)
    return {"id": batch.pk, "organisation": batch.organisation, "uploaded_at": batch.uploaded_at, "read": queue.read,
            "total": queue.total, "refused": batch.refused,
            "documents": [_document(row.document, row.duplicates) for row in queue.rows]}


@router.get("/ingest/batches/{batch_id}", response={200: ImportBatchOut, **READ_ERRORS},
            summary="A batch of uploaded documents: each one's state and likely duplicates")
def get_batch(request, batch_id: int):
    return _batch(access.ingest_batch_get_for(request.auth, batch_id))


@router.get("/ingest/documents", response={200: list[ImportedDocumentOut], **LIST_ERRORS},
            summary="Imported documents you may review, newest first")
@paginate(Pages)
def list_documents(request):
    documents = list(access.ingested_document_list_for(request.auth).select_related("decision")[:500])
    found = duplicates_of(documents)
    return [_document(d, found.get(d.pk, [])) for d in documents]


@router.get("/ingest/documents/{document_id}", response={200: ImportDraftOut, **READ_ERRORS},
            summary="One imported document and its draft: each value's confidence and source text")
def get_document(request, document_id: int):
    return _draft(request.auth, access.ingested_document_get_for(request.auth, document_id))


def _errors(forms: ReviewForms) -> dict[str, list[str]]:
    """The review forms' errors named as the request body names them."""
    found = {}
    for name, messages in forms.decision.errors.items():
        found["decision" if name == "__all__" else f"decision.{name}"] = messages
    for part, formset in (("lines", forms.lines), ("actions", forms.actions),
                          ("recommendations", forms.recommendations), ("implications", forms.implications)):
        for i, form in enumerate(formset.forms):
            for name, messages in form.errors.items():
                found[f"{part}.{i}" if name == "__all__" else f"{part}.{i}.{name}"] = messages
        if formset.non_form_errors():
            found[part] = list(formset.non_form_errors())
    return found


@router.post("/ingest/documents/{document_id}/confirm", response={201: ImportedDecisionRef, **WRITE_ERRORS},
             summary="Confirm a draft, with any corrections, into a decision with its money")
def confirm_document(request, document_id: int, payload: ImportConfirmIn):
    document = access.ingested_document_to_review(request.auth, document_id)
    if document.status != IngestStatus.DRAFT:
        raise ValidationError(f"This document is {document.get_status_display().lower()}: there is no draft to confirm.")
    review = selectors.review_for(request.auth, document)
    initial = selectors.initial_for(document, review.draft)
    lines = None if payload.lines is None else _lines(payload.lines, initial["lines"])
    decision = {**payload.decision.model_dump(exclude_unset=True), "not_duplicate": payload.not_duplicate}
    forms = ReviewForms(review_data(initial, decision, lines), document=document, programmes=review.programmes,
                        initial={**initial, "lines": lines if lines is not None else initial["lines"]})
    if forms.is_valid():
        try:
            created = services.ingested_document_confirm(document=document, by=request.auth, **forms.cleaned())
            return Status(201, {"id": created.pk, "reference": created.reference, "title": created.title})
        except ValidationError as e:
            forms.add_service_errors(e)
    raise ValidationError(_errors(forms))


def _lines(sent: list[ImportLineIn], proposed: list[dict]) -> list[dict]:
    """The lines sent as the form takes them; every proposed line must be among them, once."""
    numbers = [line.line for line in sent if line.line is not None]
    known = {line["source"] + 1: line for line in proposed}
    missing = [n for n in sorted(known) if n not in numbers]
    unknown = sorted({n for n in numbers if n not in known} | {n for n in numbers if numbers.count(n) > 1})
    if missing or unknown:
        raise ValidationError({"lines": [f"Money line {n} is not in the list: send it, with create false to leave it "
                                         "out." for n in missing] +
                                        [f"Money line {n} is not a line of the draft, or is sent twice." for n in unknown]})
    return [{**line.model_dump(exclude={"line", "create"}), "include": line.create,
             "source": None if line.line is None else line.line - 1} for line in sent]


@router.post("/ingest/documents/{document_id}/discard", response={201: ImportedDocumentOut, **WRITE_ERRORS},
             summary="Discard a draft (or a document that could not be read); nothing is created")
def discard_document(request, document_id: int):
    document = access.ingested_document_to_review(request.auth, document_id)
    document = services.ingested_document_discard(document=document, by=request.auth)
    return Status(201, _document(document, []))
