"""Importing published decision documents: upload, review beside the source text, confirm or
discard. Documents come from access.py (404 for anyone who may not import for their body), the
review from selectors.py, and every write goes through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.lib.views import posted, saved

from . import access, selectors, services
from .duplicates import duplicates_of
from .forms import ReviewForms, UploadForm
from .models import IngestBatch, IngestStatus
from .queue import batch_queue

# A draft, or a document that could not be read, may be set aside; anything else is shown as it ended.
DISCARDABLE = (IngestStatus.DRAFT, IngestStatus.FAILED)


@login_required
def ingest_upload(request):
    form = UploadForm(posted(request), request.FILES or None,
                      organisations=access.import_bodies_to_upload(request.user))

    def save():
        # One file is read at once, as before; several go to the background and into a queue.
        files, organisation = form.cleaned_data["file"], form.cleaned_data["organisation"]
        if len(files) == 1:
            return services.ingested_document_create(organisation=organisation, upload=files[0], by=request.user)
        return services.ingest_batch_create(organisation=organisation, uploads=files, by=request.user)

    created = saved(form, save)
    if isinstance(created, IngestBatch):
        return redirect("decisions:ingest_batch", pk=created.pk)
    if created:
        return redirect("decisions:ingest_review", pk=created.pk)
    return render(request, "decisions/ingest/upload.html", {
        "form": form, "documents": selectors.recent_documents(request.user)})


@login_required
@require_GET
def ingest_batch(request, pk):
    queue = batch_queue(access.ingest_batch_get_for(request.user, pk))
    return render(request, "decisions/ingest/batch.html", {"queue": queue, "batch": queue.batch})


@login_required
def ingest_review(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    if request.method == "POST" and "discard" in request.POST and document.status in DISCARDABLE:
        services.ingested_document_discard(document=document, by=request.user)
        messages.success(request, f"“{document.original_name}” was discarded; nothing was created.")
        return _back(document)
    if document.status != IngestStatus.DRAFT:
        return render(request, "decisions/ingest/done.html", {"document": document})
    review = selectors.review_for(request.user, document)
    initial = selectors.initial_for(document, review.draft)
    forms = ReviewForms(posted(request), document=document, programmes=review.programmes, initial=initial)
    decision = saved(forms, lambda: services.ingested_document_confirm(
        document=document, by=request.user, **forms.cleaned()))
    if decision:
        messages.success(request, f"Decision “{decision}” created from {document.original_name}.")
        # From a batch, back to its queue for the next document.
        return _back(document) if document.batch_id else redirect("decisions:decision_detail", pk=decision.pk)
    return render(request, "decisions/ingest/review.html", {
        "document": document, "review": review, "forms": forms, "organisation_names": review.organisation_names,
        "check_first": selectors.check_first(review, initial),
        "duplicates": duplicates_of([document]).get(document.pk, [])})


def _back(document):
    if document.batch_id:
        return redirect("decisions:ingest_batch", pk=document.batch_id)
    return redirect("decisions:ingest_upload")


@login_required
@require_GET
def ingest_file(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
