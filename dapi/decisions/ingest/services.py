"""Writes for importing published decision documents: read one into a draft; confirm a reviewed
draft into a decision with its money; discard one.

Each checks through access.py that `by` may: commissioners and finance officers of the document's
organisation (the people who may add decision records). Anyone else gets Http404, as for a
document that does not exist, and nothing is written.
"""

import calendar
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from dapi.accounts.models import Organisation, OrganisationKind
from dapi.audit.services import acting_as
from dapi.funding import services as funding
from dapi.funding.models import AgreementKind, AgreementStatus, Basis, Programme
from dapi.lib.access import is_system, require
from dapi.lib.money import FinancialYear, format_gbp

from .. import services
from ..models import DecisionStatus, DocumentType, TotalComponent
from . import access, tasks
from .duplicates import duplicates_of
from .extract import SUPPORTED, IngestError, extract_bytes
from .extract.organisations import is_funder, is_public_body
from .extract.read import check_unpacked_size
from .models import IngestBatch, IngestedDocument, IngestStatus
from .reading import ingested_document_fail, ingested_document_read, zip_limits  # noqa: F401 (part of the services)
from .selectors import match_organisation

MAX_BYTES = 20 * 1024 * 1024
# Review fields that are not the decision's own: where its money goes and the agreements' terms.
FORM_ONLY = ("programme", "new_programme_name", "meeting_body", "extension_months", "break_notice_months",
             "not_duplicate")
ACCEPTED = "a .txt file, a .pdf with a text layer or a .docx file"


def ingested_document_create(*, organisation: Organisation, upload, by) -> IngestedDocument:
    """Read an uploaded .txt, .pdf or .docx into a draft and keep the file, uploaded by `by`. A
    file that cannot be read, or a .docx that would unpack past zip_limits(), is refused with a
    ValidationError on "file" that names the problem; nothing is stored. A person who may import for
    `organisation` may (the system uploads nothing: a document keeps who uploaded it); anyone else
    gets Http404."""
    require(access.can_import_for(by, organisation), "No such organisation")
    name = Path(upload.name).name
    if upload.size > MAX_BYTES:
        raise ValidationError({"file": f"{name} is larger than 20 MB; upload the decision record alone."})
    data = upload.read()
    try:
        draft = extract_bytes(data, name, zip_limits())
    except IngestError as e:
        raise ValidationError({"file": str(e)}) from None
    stored = draft.to_dict()
    del stored["text"]  # kept once, in source_text
    with transaction.atomic(), acting_as(by):
        document = IngestedDocument(organisation=organisation, uploaded_by=by, original_name=name[:200],
                                    source_text=draft.text, draft=stored)
        document.file.save(f"decision{Path(name).suffix.lower()}", ContentFile(data), save=False)
        document.save()
    return document


def refusal(upload) -> str:
    """Why an uploaded file is refused before it is stored, or "" when it may be read: a type other
    than .txt, .pdf or .docx (a .zip archive included), an empty file, a file over 20 MB, or a .docx
    whose parts would unpack past zip_limits(). Only the zip's directory is read, nothing unpacked."""
    name = Path(upload.name).name
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        return (f"{name}: .zip archives are not accepted; upload the documents themselves ({ACCEPTED}), "
                "several at once if you like")
    if suffix not in SUPPORTED:
        return f"{name}: {suffix or 'a file without an extension'} is not accepted; upload {ACCEPTED}"
    if not upload.size:
        return f"{name}: the file is empty"
    if upload.size > MAX_BYTES:
        return f"{name} is larger than 20 MB; upload the decision record alone."
    if suffix == ".docx":
        upload.seek(0)
        try:
            check_unpacked_size(upload.read(), name, zip_limits())
        except IngestError as e:
            return str(e)
        finally:
            upload.seek(0)
    return ""


def ingest_batch_create(*, organisation: Organisation, uploads, by, queue=True, max_files=None) -> IngestBatch:
    """Keep several uploaded documents as a batch of drafts to review, each waiting to be read by
    the background task `ingested_document_extract` (queued with the batch in one transaction); with
    `queue` False they are left waiting for the caller to read (`dapi ingest`, itself the long work).

    Bounded: DAPI_INGEST_MAX_BATCH_BYTES in all, and at most `max_files` (default
    DAPI_INGEST_MAX_FILES) documents to read, else a ValidationError on "file" and nothing is
    stored. Each file that refusal() refuses is left out and named with its reason in the batch;
    when every file is refused, a ValidationError on "file" names each and nothing is stored.
    Whoever may import for `organisation` may; anyone else gets Http404."""
    require(access.can_import_for(by, organisation), "No such organisation")
    uploads, max_files = list(uploads), max_files or settings.DAPI_INGEST_MAX_FILES
    if not uploads:
        raise ValidationError({"file": "Choose one or more decision documents to upload."})
    total = sum(u.size for u in uploads)
    if total > settings.DAPI_INGEST_MAX_BATCH_BYTES:
        raise ValidationError({"file": f"The files come to {total / 1024 / 1024:,.1f} MB; upload at most "
                                       f"{settings.DAPI_INGEST_MAX_BATCH_BYTES / 1024 / 1024:,.0f} MB at once."})
    refused, accepted = [], []
    for upload in uploads:
        reason = refusal(upload)
        if reason:
            refused.append({"name": Path(upload.name).name[:200], "reason": reason})
        else:
            accepted.append(upload)
    if len(accepted) > max_files:
        raise ValidationError({"file": f"{len(accepted)} documents were chosen; upload at most {max_files} at once."})
    if not accepted:
        raise ValidationError({"file": [r["reason"] for r in refused]})
    with transaction.atomic(), acting_as(by):
        batch = IngestBatch.objects.create(organisation=organisation, uploaded_by=by, refused=refused)
        documents = []
        for upload in accepted:
            name = Path(upload.name).name
            document = IngestedDocument(organisation=organisation, uploaded_by=by, original_name=name[:200],
                                        batch=batch, status=IngestStatus.WAITING)
            document.file.save(f"decision{Path(name).suffix.lower()}", upload, save=False)
            document.save()
            documents.append(document)
        if queue:
            # The queue is a table in the same database: the documents and their tasks commit together.
            for document in documents:
                tasks.ingested_document_extract.enqueue(document.pk)
    return batch


@transaction.atomic
def ingested_document_discard(*, document: IngestedDocument, by) -> IngestedDocument:
    """Set a draft (or a document that could not be read) aside without creating anything; the file
    is kept with it. Whoever may review the document may; anyone else gets Http404."""
    require(is_system(by) or access.can_review(by, document), "No such document")
    document = _draft_locked(document, also=(IngestStatus.FAILED,))
    document.status = IngestStatus.DISCARDED
    with acting_as(by):
        document.save(update_fields=["status"])
    return document


def _draft_locked(document: IngestedDocument, also=()) -> IngestedDocument:
    locked = IngestedDocument.objects.select_for_update().get(pk=document.pk)
    if locked.status == IngestStatus.WAITING:
        raise ValidationError("This document has not been read yet; wait until its draft is ready.")
    if locked.status == IngestStatus.FAILED and IngestStatus.FAILED not in also:
        raise ValidationError(f"This document could not be read ({locked.failure}); there is nothing to confirm.")
    if locked.status not in (IngestStatus.DRAFT, *also):
        raise ValidationError(f"This document has already been {locked.get_status_display().lower()}; "
                              "it can be reviewed only once.")
    return locked


def organisation_kind_for(name: str, role: str) -> str:
    """The kind of a new organisation, from its name and what the record pays it for."""
    lowered = name.lower()
    for words, kind in [(("community safety partnership", " csp"), OrganisationKind.CSP),
                        (("combined authority",), OrganisationKind.COMBINED_AUTHORITY),
                        (("council",), OrganisationKind.LOCAL_AUTHORITY),
                        (("police and crime panel", " board", " committee"), OrganisationKind.PANEL),
                        (("commissioner",), OrganisationKind.OPCC),
                        (("police", "constabulary"), OrganisationKind.POLICE_FORCE),
                        (("university", "research"), OrganisationKind.EVALUATOR)]:
        if any(word in f" {lowered}" for word in words):
            return kind
    if is_funder(name):
        return OrganisationKind.GOVERNMENT
    if role in ("grant", "contract") and not is_public_body(name):
        return OrganisationKind.PROVIDER
    return OrganisationKind.OTHER


def _organisation(name: str, role: str, deciding: Organisation, by) -> Organisation:
    """The existing organisation the name matches, or a new one (audited) named as typed."""
    match = match_organisation(name, role=role, deciding=deciding)
    if match.organisation:
        return match.organisation
    organisation = Organisation(name=" ".join(name.split())[:200], kind=organisation_kind_for(name, role))
    organisation.full_clean()
    with acting_as(by):
        organisation.save()
    return organisation


def _programme(fields: dict, lead: Organisation, by) -> Programme:
    if fields.get("programme"):
        if fields["programme"].lead_commissioner_id != lead.pk:
            raise ValidationError({"programme": f"Choose a programme that {lead} leads, or name a new one."})
        return fields["programme"]
    name = " ".join(fields["new_programme_name"].split())[:200]
    if Programme.objects.filter(name__iexact=name).exists():
        raise ValidationError({"new_programme_name": f"A programme called “{name}” exists already; choose it above."})
    base = slugify(name)[:70] or "imported"
    slug, n = base, 1
    while Programme.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    programme = Programme(name=name, slug=slug, lead_commissioner=lead,
                          description="Created when an imported decision record was confirmed.")
    programme.full_clean()
    with acting_as(by):
        programme.save()
    return programme


def _after_months(day: date | None, months: int | None) -> date | None:
    """The day `months` after `day`, a month's last day staying last: 31 Mar 2024 + 24 is 31 Mar 2026."""
    if not day or not months:
        return None
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month, last if at_month_end else min(day.day, last))


def _money(line: dict, *, programme, deciding, reference, approved, award, terms, by):
    """Create one ticked money line through the funding services; returns (kind, object)."""
    role, amount, start, end = line["role"], line["amount"], line.get("start"), line.get("end")
    basis = Basis.PER_ANNUM if line.get("per_annum") else Basis.TOTAL
    title = (line.get("title") or "").strip() or f"{line['counterparty']} ({role})"
    party = _organisation(line["counterparty"], role, deciding, by) if line.get("counterparty") else None
    if role == "award":
        return "awards", funding.award_create(
            by=by, funder=party, recipient=deciding, programme=programme, title=title, amount=amount,
            awarded_on=start, start=start, end=end)
    if role in ("grant", "contract"):
        schedule = [{"partner": deciding, "amount": amount, "basis": basis, "is_cap": line.get("is_cap", False)}]
        return "agreements", funding.agreement_create(
            by=by, programme=programme, kind=AgreementKind(role), reference=reference, title=title,
            commissioner=deciding, provider=party, value=None if line.get("per_annum") else amount, start=start,
            end=end, status=AgreementStatus.APPROVED if approved else AgreementStatus.DRAFT,
            extension_until=_after_months(end, terms.get("extension_months")),
            extension_terms=f"options to extend by up to {terms['extension_months']} months"
            if terms.get("extension_months") else "", break_notice_months=terms.get("break_notice_months"),
            contributions=schedule if line.get("per_annum") else ())
    if role == "allocation":
        return "allocations", funding.allocation_create(
            by=by, programme=programme, recipient=party, financial_year=FinancialYear.of(start).start_year,
            amount=amount, purpose=title[:300], award=award)
    if role in ("contribution", "match"):
        return "match_contributions", funding.match_contribution_create(
            by=by, programme=programme, award=award if role == "match" else None, partner=party, amount=amount,
            basis=basis, start=start, end=end)
    return None, None


@transaction.atomic
def ingested_document_confirm(*, document: IngestedDocument, by, fields: dict, lines: list[dict],
                              actions=(), recommendations=(), implications=()):
    """Create the reviewed decision, its awards, agreements, allocations and contributions, its
    stated totals and (for minutes) the meeting's resolutions, all in one transaction and audited
    as `by`; the document is marked confirmed and linked to the decision. Any line the ledger
    refuses undoes everything and is reported as "line-N" (N counts ticked lines from 0).

    A likely duplicate (duplicates.py) is confirmed only with fields["not_duplicate"] set; a line
    whose role is still "other" is refused, naming it. Whoever may review the document may, into one
    of its body's programmes or a new one; anyone else gets Http404."""
    require(is_system(by) or access.can_review(by, document), "No such document")
    document = _draft_locked(document)
    for index, line in enumerate(lines):
        if line["role"] == "other":
            raise ValidationError({f"line-{index}": f"{_line_name(line)} is still “Other”: choose what it is, "
                                                    "or leave it out (an “Other” line is not created)."})
    repeated = duplicates_of([document]).get(document.pk)
    if repeated and not fields.get("not_duplicate"):
        raise ValidationError({"not_duplicate": "This looks like a duplicate of " + "; ".join(
            f"{d.label} ({d.why})" for d in repeated) + ". Confirm that it is not a duplicate, or discard it."})
    deciding = document.organisation
    programme = _programme(fields, deciding, by)
    approved = fields["status"] == DecisionStatus.APPROVED
    links = {"awards": [], "agreements": [], "allocations": [], "match_contributions": []}
    terms = {name: fields.get(name) for name in ("extension_months", "break_notice_months")}
    totals = []
    ordered = sorted(enumerate(lines), key=lambda pair: pair[1]["role"] != "award")  # awards first: match links them
    for index, line in ordered:
        if line["role"] == "total":
            for component in line["component"]:
                fy = line["start"] and component == TotalComponent.ALLOCATIONS
                totals.append({"label": (line.get("title") or "Stated total")[:200], "amount": line["amount"],
                               "component": component, "programme": programme,
                               "financial_year": FinancialYear.of(line["start"]).start_year if fy else None})
            continue
        award = links["awards"][0] if len(links["awards"]) == 1 else None
        try:
            kind, created = _money(line, programme=programme, deciding=deciding, reference=fields["reference"],
                                   approved=approved, award=award, terms=terms, by=by)
        except ValidationError as e:
            raise ValidationError({f"line-{index}": [f"{format_gbp(line['amount'])} ({line['role']}): {m}"
                                                     for m in e.messages]}) from None
        if kind:
            links[kind].append(created)
    decision = services.decision_create(
        by=by, organisation=deciding, programmes=[programme], stated_totals=totals,
        recommendations=[{"number": r["number"], "text": r["text"]} for r in recommendations],
        implications=[{"topic": i["topic"], "considered": i["considered"]} for i in implications],
        approvals=[{"role": fields["decision_maker"][:200], "approved_on": fields["decision_date"]}]
        if approved and fields.get("decision_date") else [],
        source_note=f"Imported from {document.original_name}"[:300], **links,
        **{k: v for k, v in fields.items() if k not in FORM_ONLY})
    if fields["document_type"] == DocumentType.PANEL_MINUTES and actions:
        _resolutions(decision, fields, programme, actions, by)
    document.status, document.decision = IngestStatus.CONFIRMED, decision
    document.confirmed_by, document.confirmed_at = by, timezone.now()
    with acting_as(by):
        document.save(update_fields=["status", "decision", "confirmed_by", "confirmed_at"])
    return decision


def _line_name(line: dict) -> str:
    number = f"Money line {line['source'] + 1}" if line.get("source") is not None else "A new money line"
    return f"{number} ({format_gbp(line['amount'])})" if line.get("amount") is not None else number


def _resolutions(decision, fields: dict, programme, actions, by) -> None:
    body_name = (fields.get("meeting_body") or "").strip()
    if not body_name:
        raise ValidationError({"meeting_body": "Name the panel or board that made these resolutions."})
    body = _organisation(body_name, "", None, by)
    held_on: date | None = fields.get("decision_date")
    meeting = services.meeting_create(by=by, body=body, title=fields["title"][:300], held_on=held_on, record=decision,
                                      programmes=[programme])
    for action in actions:
        services.resolution_create(by=by, meeting=meeting, number=action["number"], text=action["text"],
                                   due_on=action["due"])
