"""The administrators' view of the audit trail."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .forms import LogFilterForm

PAGE_SIZE = 50


@login_required
@require_GET
def log(request):
    if not request.user.has_perm("audit.view_log"):
        raise Http404("Not found")  # not 403: the page's existence is not for everyone
    form = LogFilterForm(request.GET or None)
    entries = selectors.filter_entries(selectors.log_entries_for(request.user), **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {
        "form": form, "page": page, "rows": selectors.entry_rows(page.object_list), "query": query.urlencode(),
    })
