"""Evidence pages: the programme dashboard, the panel pack download, evaluator extracts, the downloads
of open data and Home Office returns, and the public transparency page. Who may see or do what is
decided in access.py, through the selectors and services these call."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.decisions.selectors import published_decisions
from dapi.lib.clock import as_of_from, today
from dapi.lib.money import FinancialYear
from dapi.lib.views import posted, saved

from . import access, selectors, services
from .forms import EvidenceFilterForm, ExtractApprovalForm
from .opendata import FORMATS as TRANSPARENCY_FILES
from .opendata import NothingToPublish


@login_required
@require_GET
def report_list(request):
    return render(request, "reports/report_list.html", selectors.report_list_page(request.user))


@login_required
@require_GET
def programme_dashboard(request, slug):
    programme = access.report_programme_get_for(request.user, slug)
    as_of = as_of_from(request.GET)
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
                                                       as_of_from(request.GET))
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


# -- downloads --------------------------------------------------------------------------------------

def _attachment(content: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def open_data_download(request, standard, fmt):
    """360Giving (JSON, CSV) or OCDS of the programmes the user's body leads, as `dapi export` writes them."""
    try:
        file = services.open_data_download(standard=standard, fmt=fmt, by=request.user,
                                           uri=request.build_absolute_uri())
    except NothingToPublish as e:
        messages.error(request, str(e))
        return redirect("reports:report_list")
    return _attachment(file.text, file.content_type, file.filename)


@login_required
@require_GET
def home_office_return(request, slug):
    """A programme's Home Office return (CSV) for `?quarter=` (default the last ended one), as `dapi report
    home-office` writes it."""
    programme = access.home_office_programme_get_for(request.user, slug)
    quarter = selectors.home_office_quarter(request.GET.get("quarter"))
    text, name = services.home_office_return_download(programme=programme, quarter=quarter,
                                                      as_of=as_of_from(request.GET), by=request.user)
    return _attachment(text, "text/csv; charset=utf-8", name)


# -- the public transparency page (no sign-in; 404 unless DAPI_TRANSPARENCY_PAGE) ----------------------

def _public(view):
    """A public page: 404 unless the deployment turned the transparency page on, then GET only."""
    def wrapped(request, *args, **kwargs):
        access.require_transparency_page()
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return view(request, *args, **kwargs)
    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


@_public
def transparency(request):
    return render(request, "reports/transparency.html", {
        "decisions": published_decisions(), "files": TRANSPARENCY_FILES,
        "publisher": settings.DAPI_PUBLISHER_NAME})


@_public
def transparency_file(request, standard, fmt):
    """The open-data files of the whole ledger, public with the page."""
    file = selectors.public_open_data_file(standard, fmt, uri=request.build_absolute_uri())
    return _attachment(file.text, file.content_type, file.filename)
