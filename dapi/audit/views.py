"""The administrators' view of the audit trail."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .forms import LogFilterForm

PAGE_SIZE = 50


@login_required
@require_GET
def log(request):
    form = LogFilterForm(request.GET or None)
    entries = selectors.log_page_entries(request.user, **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {
        "form": form, "page": page, "rows": selectors.entry_rows(page.object_list), "query": query.urlencode(),
    })
