"""Evidence pages: the programme dashboard, the panel pack download and evaluator extracts. Who may
see or do what is decided in access.py, through the selectors and services these call."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.lib.clock import parse_as_of, today
from dapi.lib.money import FinancialYear
from dapi.lib.views import posted, saved

from . import access, selectors, services
from .forms import EvidenceFilterForm, ExtractApprovalForm


@login_required
@require_GET
def report_list(request):
    return render(request, "reports/report_list.html", selectors.report_list_page(request.user))


@login_required
@require_GET
def programme_dashboard(request, slug):
    programme = access.report_programme_get_for(request.user, slug)
    as_of = parse_as_of(request.GET.get("today"))
    data = request.GET.copy()
    if not data.get("period"):
        data["period"] = str(selectors.default_period())
    form = EvidenceFilterForm(data, programme=programme, periods=selectors.dashboard_periods(programme))
    valid = form.is_valid()
    filters = form.cleaned_data if valid else {"period": selectors.default_period().start_year}
    page = selectors.dashboard_page(request.user, programme, period=FinancialYear(filters["period"]), as_of=as_of,
                                    area=filters.get("area"), provider=filters.get("provider"))
    # A year out of range (dapi/lib/clock.py) is shown on the form, and the answer is 400.
    return render(request, "reports/dashboard.html", {**page, "form": form},
                  status=400 if "period" in form.errors else 200)


@login_required
@require_GET
def panel_pack(request, slug, fmt):
    content, content_type, name = selectors.panel_pack(request.user, slug, fmt, request.GET.get("period", ""),
                                                       parse_as_of(request.GET.get("today")))
    response = HttpResponse(content, content_type=content_type)
    if name:
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def extract_list(request):
    """Commissioners approve extracts for evaluators; evaluators download the ones approved for them."""
    page = selectors.extract_list_page(request.user, approving=request.method == "POST")
    form = ExtractApprovalForm(posted(request), programmes=page["programmes"],
                               initial={"expires_on": today() + timedelta(days=90)})
    if saved(form, lambda: services.extract_approve(by=request.user, approved_on=today(), **form.cleaned_data)):
        messages.success(request, "Extract approved.")
        return redirect("reports:extract_list")
    return render(request, "reports/extract_list.html", {**page, "form": form})


@login_required
@require_GET
def extract_download(request, pk):
    approval = access.extract_to_download(request.user, pk)
    try:
        data, name = services.extract_download(approval=approval, by=request.user)
    except services.ExtractExpired:
        return render(request, "reports/extract_expired.html", {"approval": approval}, status=410)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
