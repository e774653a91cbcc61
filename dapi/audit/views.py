"""The administrators' view of the audit trail, and its CSV export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.lib import csvfile

from . import selectors, services
from .forms import LogFilterForm

PAGE_SIZE = 50


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_GET
def log(request):
    form = LogFilterForm(request.GET or None)
    entries = selectors.log_page_entries(request.user, **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {
        "form": form, "page": page, "rows": selectors.entry_rows(page.object_list), "query": _query(request),
    })


@login_required
@require_GET
def log_export(request):
    """The entries the page shows with the same filters, as CSV (through the safe writer)."""
    form = LogFilterForm(request.GET or None)
    try:
        entries = services.log_export(by=request.user, **form.filters())
    except ValidationError as e:
        messages.error(request, e.messages[0])
        return redirect(reverse("audit:log") + ("?" + _query(request) if _query(request) else ""))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    response["Cache-Control"] = "no-store"
    writer = csvfile.Writer(response)
    writer.writerow(selectors.EXPORT_HEADER)
    writer.writerows(selectors.export_rows(entries))
    return response
