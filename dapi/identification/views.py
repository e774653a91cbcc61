"""Identification pages for police analysts: upload, progress, ranking, explanation, cohort, referral."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from dapi.accounts.models import Organisation
from dapi.lib.views import allowed, posted, saved
from dapi.lib.clock import today
from dapi.funding.models import Programme

from dapi.audit.services import record_access
from dapi.cases import access as case_access

from . import access, selectors, services
from .outcomes import case_outcome
from .forms import RankingFilterForm, ReferForm, UploadForm
from .models import ImportStatus


@login_required
def import_list(request):
    orgs = Organisation.objects.filter(pk__in=access.analyst_orgs(request.user))
    allowed(orgs.exists() or request.method == "GET")
    form = UploadForm(posted(request), request.FILES or None, organisations=orgs, initial={"as_of": today()})
    created = saved(form, lambda: services.incident_import_create(
        organisation=form.cleaned_data["organisation"], upload=form.cleaned_data["file"],
        as_of=form.cleaned_data["as_of"], by=request.user)) if orgs.exists() else None
    if created:
        return redirect("identification:import_detail", pk=created.pk)
    return render(request, "identification/import_list.html", {
        "imports": access.import_list_for(request.user), "form": form, "can_upload": orgs.exists()})


@login_required
@require_GET
def import_detail(request, pk):
    incident_import = access.import_get_for(request.user, pk)
    areas = list(incident_import.ranked.values_list("area", flat=True).distinct().order_by("area"))
    form = RankingFilterForm(request.GET or None, areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    return render(request, "identification/import_detail.html", {
        "import": incident_import, "form": form, "waiting": incident_import.status in (
            ImportStatus.QUEUED, ImportStatus.RUNNING),
        "rows": selectors.ranked_list(incident_import, area=filters.get("area", ""),
                                      serial_only=filters.get("serial_only", False), top=filters.get("top") or 20),
        "programmes": Programme.objects.filter(eligibility_rules__isnull=False).distinct().order_by("name")})


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
    incident_import = access.import_get_for(request.user, pk)
    ranked = access.ranked_get_for(request.user, incident_import, ranked_pk)
    form = ReferForm(posted(request))
    referral = saved(form, lambda: services.refer_from_ranking(ranked=ranked, by=request.user, **form.cleaned_data))
    if referral:
        messages.success(request, f"Referred as {referral.person.reference}: {referral.screening['summary']}")
        return redirect("cases:referral_detail", pk=referral.pk)
    return render(request, "identification/perpetrator_detail.html", {
        "import": incident_import, "ranked": ranked, "explanation": selectors.explain(ranked), "form": form})


@login_required
@require_GET
def case_outcomes(request, case_pk):
    """A case's police-recorded outcomes, for the perpetrator side of the case."""
    case = case_access.case_get_for(request.user, case_pk)
    allowed(case_access.can_see_perpetrator_side(request.user, case))
    record_access(case, by=request.user)
    return render(request, "identification/case_outcomes.html", {"case": case, "outcome": case_outcome(case)})


@login_required
@require_GET
def cohort(request, pk, slug):
    incident_import = access.import_get_for(request.user, pk)
    programme = Programme.objects.filter(slug=slug, eligibility_rules__isnull=False).distinct().first()
    if programme is None:
        raise Http404("No such programme")
    rows, applied, later = selectors.cohort(incident_import, programme)
    return render(request, "identification/cohort.html", {
        "import": incident_import, "programme": programme, "rows": rows, "applied": applied, "later": later})
