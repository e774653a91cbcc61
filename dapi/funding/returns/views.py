"""Pages of spend returns: the provider submits one for a quarter of its agreement (again, once
queried); the commissioner reads it and accepts or queries it. Records come from access.py's
`*_to` functions (404 for whoever may not); writes go through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from dapi.lib.views import posted, saved

from . import access, selectors, services
from .forms import ReviewForm, SpendReturnForm, line_formset, lines_of


def _agreement_url(agreement) -> str:
    return reverse("funding:agreement_detail", args=[agreement.pk]) + "#spend-returns"


@login_required
def spend_return_submit(request, pk):
    agreement = access.agreement_to_return(request.user, pk)
    again = selectors.queried_return(agreement, request.GET.get("year"), request.GET.get("quarter"))
    initial = {"financial_year": again.financial_year, "quarter": again.quarter, "explanation": again.explanation} \
        if again else {}
    form = SpendReturnForm(posted(request), initial=initial)
    lines = line_formset(posted(request), again)
    done = saved(form, lambda: services.spend_return_submit(
        by=request.user, agreement=agreement, lines=lines_of(lines), **form.cleaned_data), lines)
    if done:
        messages.success(request, f"Spend return for {done.label} submitted: {done.agreement.commissioner} will review it.")
        return redirect(_agreement_url(agreement))
    return render(request, "funding/spend_return_form.html", {
        "form": form, "lines": lines, "agreement": agreement, "again": again})


@login_required
@require_GET
def spend_return_detail(request, pk):
    spend_return, lines, can_review = selectors.spend_return_page(request.user, pk)
    form = ReviewForm(initial={"version": spend_return.version})
    return render(request, "funding/spend_return_detail.html", {
        "r": spend_return, "lines": lines, "can_review": can_review, "form": form})


@login_required
@require_POST
def spend_return_review(request, pk):
    spend_return = access.spend_return_to_review(request.user, pk)
    form = ReviewForm(request.POST)
    done = saved(form, lambda: services.spend_return_review(by=request.user, spend_return=spend_return,
                                                            **form.cleaned_data))
    if done:
        messages.success(request, f"Spend return for {done.label} {done.get_status_display().lower()}.")
        return redirect(_agreement_url(done.agreement))
    _, lines, can_review = selectors.spend_return_page(request.user, pk)
    return render(request, "funding/spend_return_detail.html", {
        "r": spend_return, "lines": lines, "can_review": can_review, "form": form})
