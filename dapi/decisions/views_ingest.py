"""Importing published decision documents: upload, review beside the source text, confirm or
discard. Documents come from access.py (404 for anyone who may not import for their body)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.funding.access import programme_list_for
from dapi.funding.selectors import organisation_names

from . import access, selectors_ingest, services_ingest
from .forms_ingest import ReviewForms, UploadForm
from .models import IngestStatus
from dapi.lib.views import allowed as _allowed, posted as _posted, saved as _saved


@login_required
def ingest_upload(request):
    organisations = access.ingest_organisations_for(request.user)
    _allowed(organisations.exists())
    form = UploadForm(_posted(request), request.FILES or None, organisations=organisations)
    document = _saved(form, lambda: services_ingest.ingested_document_create(
        organisation=form.cleaned_data["organisation"], upload=form.cleaned_data["file"], by=request.user))
    if document:
        return redirect("decisions:ingest_review", pk=document.pk)
    return render(request, "decisions/ingest_upload.html", {
        "form": form, "documents": access.ingested_document_list_for(request.user)[:50]})


@login_required
def ingest_review(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    if document.status != IngestStatus.DRAFT:
        return render(request, "decisions/ingest_done.html", {"document": document})
    review = selectors_ingest.review_for(document)
    programmes = programme_list_for(request.user).filter(lead_commissioner=document.organisation)
    forms = ReviewForms(_posted(request), document=document, programmes=programmes,
                        initial=selectors_ingest.initial_for(document, review.draft))
    if request.method == "POST" and "discard" in request.POST:
        services_ingest.ingested_document_discard(document=document, by=request.user)
        messages.success(request, f"“{document.original_name}” was discarded; nothing was created.")
        return redirect("decisions:ingest_upload")
    decision = _saved(forms, lambda: services_ingest.ingested_document_confirm(
        document=document, by=request.user, **forms.cleaned()))
    if decision:
        messages.success(request, f"Decision “{decision}” created from {document.original_name}.")
        return redirect("decisions:decision_detail", pk=decision.pk)
    return render(request, "decisions/ingest_review.html", {
        "document": document, "review": review, "forms": forms, "organisation_names": organisation_names()})


@login_required
@require_GET
def ingest_file(request, pk):
    document = access.ingested_document_get_for(request.user, pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
