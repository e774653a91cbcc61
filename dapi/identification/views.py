"""Identification pages for police analysts: upload, progress, ranking, explanation, cohort, referral;
and a case's police outcomes for its perpetrator side. Who may see or do what is decided in
access.py, through the selectors and services these call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from dapi.lib import csvfile
from dapi.lib.clock import today
from dapi.lib.views import posted, saved

from . import access, selectors, services
from .engine.output import HEADER
from .forms import RankingFilterForm, ReferForm, UploadForm


@login_required
def import_list(request):
    page = selectors.import_list_page(request.user, uploading=request.method == "POST")
    form = UploadForm(posted(request), request.FILES or None, organisations=page["forces"],
                      initial={"as_of": today()})
    created = saved(form, lambda: services.incident_import_create(
        organisation=form.cleaned_data["organisation"], upload=form.cleaned_data["file"],
        as_of=form.cleaned_data["as_of"], by=request.user))
    if created:
        return redirect("identification:import_detail", pk=created.pk)
    return render(request, "identification/import_list.html", {**page, "form": form})


@login_required
@require_GET
def import_detail(request, pk):
    incident_import = access.import_get_for(request.user, pk)
    form = RankingFilterForm(request.GET or None, areas=selectors.ranked_areas(incident_import))
    filters = form.cleaned_data if form.is_valid() else {}
    return render(request, "identification/import_detail.html", {
        "form": form, **selectors.ranking_page(incident_import, **filters)})


@login_required
@require_GET
def ranking_csv(request, pk):
    """The whole ranking of an import as CSV, in the columns `dapi rank` writes."""
    incident_import, rows = selectors.ranking_csv_rows(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="ranking-{incident_import.pk}-'
                                       f'{incident_import.as_of.isoformat()}.csv"')
    writer = csvfile.DictWriter(response, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return response


@login_required
@require_POST
def import_rerun(request, pk):
    incident_import = access.import_get_for(request.user, pk)
    try:
        services.incident_import_rerun(incident_import=incident_import, by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "The ranking is queued again.")
    return redirect("identification:import_detail", pk=incident_import.pk)


@login_required
def perpetrator_detail(request, pk, ranked_pk):
    ranked = access.ranked_get_for(request.user, pk, ranked_pk)
    form = ReferForm(posted(request), **selectors.refer_choices())
    referral = saved(form, lambda: services.refer_from_ranking(ranked=ranked, by=request.user, **form.cleaned_data))
    if referral:
        messages.success(request, f"Referred as {referral.person.reference}: {referral.screening['summary']}")
        return redirect("cases:referral_detail", pk=referral.pk)
    return render(request, "identification/perpetrator_detail.html", {
        "form": form, **selectors.perpetrator_page(ranked)})


@login_required
@require_GET
def case_outcomes(request, case_pk):
    """A case's police-recorded outcomes, for the perpetrator side of the case."""
    return render(request, "identification/case_outcomes.html", selectors.case_outcome_page(request.user, case_pk))


@login_required
@require_GET
def cohort(request, pk, slug):
    return render(request, "identification/cohort.html",
                  selectors.cohort_page(request.user, pk, slug, request.GET.get("page")))
