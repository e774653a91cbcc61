"""Finding a person: by reference, or by name only where the searcher may read that person's details."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..forms import SearchForm


@login_required
@require_GET
def person_search(request):
    form = SearchForm(request.GET or None)
    page = selectors.person_search_page(request.user, form.cleaned_data["q"] if form.is_valid() else "")
    return render(request, "cases/search.html", {"form": form, **page})
