"""Evidence pages: the programme dashboard and the panel pack download."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.lib.clock import parse_as_of, today
from dapi.funding.charts import timeline_svg
from dapi.lib.money import FinancialYear

from . import access, charts, services
from .evidence import programme_evidence
from .forms import EvidenceFilterForm, ExtractApprovalForm
from .pack import pack_html, pack_pdf


def _default_period() -> FinancialYear:
    return FinancialYear.of(today())


@login_required
@require_GET
def report_list(request):
    return render(request, "reports/report_list.html", {
        "programmes": access.report_programme_list_for(request.user), "period": _default_period()})


@login_required
@require_GET
def programme_dashboard(request, slug):
    programme = access.report_programme_get_for(request.user, slug)
    form = EvidenceFilterForm(request.GET or {"period": str(_default_period())}, programme=programme)
    filters = form.cleaned_data if form.is_valid() else {"period": _default_period().start_year}
    as_of = parse_as_of(request.GET.get("today"))
    exact = access.sees_exact_counts(request.user, programme)
    ev = programme_evidence(programme, FinancialYear(filters["period"]), as_of, published=not exact,
                            area=filters.get("area"), provider=filters.get("provider"), remember=True)
    return render(request, "reports/dashboard.html", {
        "ev": ev, "form": form, "exact": exact, "timeline_svg": timeline_svg(programme, as_of),
        "funding_svg": charts.funding_by_year_svg(ev), "cases_svg": charts.counts_svg(ev.cases, "Cases by status"),
        "referrals_svg": charts.counts_svg(ev.referrals, "Referrals by decision")})


@login_required
@require_GET
def panel_pack(request, slug, fmt):
    programme = access.report_programme_get_for(request.user, slug)
    if fmt not in ("pdf", "html"):
        raise Http404("No such format")
    try:
        period = FinancialYear.parse(request.GET.get("period", ""))
    except ValueError:
        period = _default_period()
    as_of = parse_as_of(request.GET.get("today"))
    name = f"panel-pack-{programme.slug}-{str(period).replace('/', '-')}"
    if fmt == "pdf":
        response = HttpResponse(pack_pdf(programme, period, as_of), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    return HttpResponse(pack_html(programme, period, as_of), content_type="text/html; charset=utf-8")


@login_required
def extract_list(request):
    """Commissioners approve extracts for evaluators; evaluators download the ones approved for them."""
    programmes = access.programmes_to_approve_for(request.user)
    form = ExtractApprovalForm(request.POST if request.method == "POST" else None, programmes=programmes,
                               initial={"expires_on": today() + timedelta(days=90)})
    if request.method == "POST":
        if not programmes.exists():
            raise Http404("Not found")
        if form.is_valid():
            try:
                services.extract_approve(by=request.user, approved_on=today(), **form.cleaned_data)
                messages.success(request, "Extract approved.")
                return redirect("reports:extract_list")
            except ValidationError as e:
                form.add_service_errors(e)
    return render(request, "reports/extract_list.html", {
        "approvals": [(a, access.can_download_extract(request.user, a) and a.expires_on >= today())
                      for a in access.extract_list_for(request.user)],
        "form": form, "can_approve": programmes.exists(), "today": today()})


@login_required
@require_GET
def extract_download(request, pk):
    approval = access.extract_get_for(request.user, pk)
    if not access.can_download_extract(request.user, approval):
        raise Http404("Not found")
    if approval.expires_on < today():
        return render(request, "reports/extract_expired.html", {"approval": approval}, status=410)
    data, name = services.extract_download(approval=approval, by=request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
