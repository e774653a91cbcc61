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
from .forms import ReviewForms, UploadForm
from .models import IngestStatus


@login_required
def ingest_upload(request):
    form = UploadForm(posted(request), request.FILES or None,
                      organisations=access.import_bodies_to_upload(request.user))
    document = saved(form, lambda: services.ingested_document_create(
        organisation=form.cleaned_data["organisation"], upload=form.cleaned_data["file"], by=request.user))
    if document:
        return redirect("decisions:ingest_review", pk=document.pk)
    return render(request, "decisions/ingest/upload.html", {
        "form": form, "documents": selectors.recent_documents(request.user)})


@login_required
def ingest_review(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    if document.status != IngestStatus.DRAFT:
        return render(request, "decisions/ingest/done.html", {"document": document})
    review = selectors.review_for(request.user, document)
    forms = ReviewForms(posted(request), document=document, programmes=review.programmes,
                        initial=selectors.initial_for(document, review.draft))
    if request.method == "POST" and "discard" in request.POST:
        services.ingested_document_discard(document=document, by=request.user)
        messages.success(request, f"“{document.original_name}” was discarded; nothing was created.")
        return redirect("decisions:ingest_upload")
    decision = saved(forms, lambda: services.ingested_document_confirm(
        document=document, by=request.user, **forms.cleaned()))
    if decision:
        messages.success(request, f"Decision “{decision}” created from {document.original_name}.")
        return redirect("decisions:decision_detail", pk=decision.pk)
    return render(request, "decisions/ingest/review.html", {
        "document": document, "review": review, "forms": forms, "organisation_names": review.organisation_names})


@login_required
@require_GET
def ingest_file(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
