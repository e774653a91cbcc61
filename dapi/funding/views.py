"""Pages for the funding ledger: programmes with their runway, agreements, and the forms that
record awards, agreements and allocations. Pages come from selectors.py and the records a form
changes from access.py's `*_to_change` (404 for whoever may not); writes go through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.lib.clock import as_of_from
from dapi.lib.views import form_page, posted, saved

from . import access, selectors, services
from .forms import (
    AgreementForm, AllocationForm, AwardForm, BidForm, BidOutcomeForm, MatchContributionForm, TargetActualForm, TargetForm,
    schedule_formset, schedule_lines,
)


@login_required
@require_GET
def programme_list(request):
    today = as_of_from(request.GET)
    return render(request, "funding/programme_list.html", {
        "runways": selectors.programme_runways(request.user, today), "today": today,
    })


@login_required
@require_GET
def programme_detail(request, slug):
    today = as_of_from(request.GET)
    page = selectors.programme_page(request.user, slug, today)
    return render(request, "funding/programme_detail.html", {"page": page, "programme": page.programme, "today": today})


@login_required
@require_GET
def programme_timeline(request, slug):
    svg = selectors.programme_timeline_svg(request.user, slug, as_of_from(request.GET))
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
@require_GET
def agreement_detail(request, pk):
    today = as_of_from(request.GET)
    page = selectors.agreement_page(request.user, pk, today)
    return render(request, "funding/agreement_detail.html", {"page": page, "agreement": page.agreement, "today": today})


def _form_page(request, template, form, programme, **context):
    return form_page(request, form, title="", template=template, programme=programme,
                     organisation_names=selectors.organisation_names(), **context)


@login_required
def award_create(request, slug):
    programme = access.programme_to_change(request.user, slug)
    form = AwardForm(posted(request), initial={"recipient": programme.lead_commissioner})
    award = saved(form, lambda: services.award_create(by=request.user, programme=programme, **form.cleaned_data))
    if award:
        messages.success(request, f"Award “{award}” added.")
        return redirect(f"{programme_url(programme)}#awards")
    return _form_page(request, "funding/award_form.html", form, programme)


@login_required
def award_edit(request, pk):
    award = access.award_to_change(request.user, pk)
    form = AwardForm(posted(request), initial=AwardForm.initial_for(award))
    changed = saved(form, lambda: services.award_update(award=award, by=request.user, **form.cleaned_data))
    if changed:
        messages.success(request, f"Award “{changed}” saved.")
        return redirect(f"{programme_url(award.programme)}#awards")
    return _form_page(request, "funding/award_form.html", form, award.programme, award=award)


@login_required
def allocation_create(request, slug):
    programme = access.programme_to_change(request.user, slug)
    form = AllocationForm(posted(request), programme=programme)
    allocation = saved(form, lambda: services.allocation_create(
        by=request.user, programme=programme, **form.cleaned_data))
    if allocation:
        messages.success(request, f"Allocation to {allocation.recipient} for {allocation.fy} added.")
        return redirect(f"{programme_url(programme)}#allocations")
    return _form_page(request, "funding/allocation_form.html", form, programme)


@login_required
def allocation_edit(request, pk):
    allocation = access.allocation_to_change(request.user, pk)
    form = AllocationForm(posted(request), programme=allocation.programme,
                          initial=AllocationForm.initial_for(allocation))
    changed = saved(form, lambda: services.allocation_update(
        allocation=allocation, by=request.user, **form.cleaned_data))
    if changed:
        messages.success(request, f"Allocation to {changed.recipient} for {changed.fy} saved.")
        return redirect(f"{programme_url(allocation.programme)}#allocations")
    return _form_page(request, "funding/allocation_form.html", form, allocation.programme, allocation=allocation)


@login_required
def agreement_create(request, slug):
    programme = access.programme_to_change(request.user, slug)
    form = AgreementForm(posted(request), programme=programme,
                         initial={"commissioner": programme.lead_commissioner, "kind": "grant"})
    schedule = schedule_formset(posted(request))
    agreement = saved(form, lambda: services.agreement_create(
        by=request.user, programme=programme, contributions=schedule_lines(schedule), **form.agreement_fields()),
        schedule)
    if agreement:
        messages.success(request, f"Agreement “{agreement}” added.")
        return redirect("funding:agreement_detail", pk=agreement.pk)
    return _form_page(request, "funding/agreement_form.html", form, programme, schedule=schedule)


@login_required
def agreement_edit(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = AgreementForm(posted(request), programme=agreement.programme, initial=AgreementForm.initial_for(agreement))
    schedule = schedule_formset(posted(request), agreement=agreement)
    changed = saved(form, lambda: services.agreement_update(
        agreement=agreement, by=request.user, version=form.cleaned_data["version"],
        contributions=schedule_lines(schedule), **form.agreement_fields()), schedule)
    if changed:
        messages.success(request, f"Agreement “{changed}” saved.")
        return redirect("funding:agreement_detail", pk=changed.pk)
    return _form_page(request, "funding/agreement_form.html", form, agreement.programme, schedule=schedule,
                      agreement=agreement)


@login_required
def bid_create(request, slug):
    programme = access.programme_to_change(request.user, slug)
    form = BidForm(posted(request), rounds=selectors.bid_rounds())
    bid = saved(form, lambda: services.bid_create(by=request.user, programme=programme, **form.cleaned_data))
    if bid:
        messages.success(request, f"Bid to {bid.round} added.")
        return redirect(f"{programme_url(programme)}#bids")
    return form_page(request, form, title="Add a bid", caption=programme.name, submit="Save bid",
                     back=f"{programme_url(programme)}#bids")


@login_required
def bid_outcome(request, pk):
    bid = access.bid_to_change(request.user, pk)
    form = BidOutcomeForm(posted(request), decisions=selectors.programme_decisions(bid.programme))
    done = saved(form, lambda: services.bid_record_outcome(bid=bid, by=request.user, **form.cleaned_data))
    if done:
        messages.success(request, f"Outcome of the bid to {done.round} recorded: {done.get_status_display().lower()}.")
        return redirect(f"{programme_url(bid.programme)}#runway")
    requested = f"£{bid.amount_requested:,.2f} requested" if bid.amount_requested is not None else "amount not recorded"
    submitted = f"submitted {bid.submitted_on:%-d %b %Y}" if bid.submitted_on else "submission date not recorded"
    return form_page(request, form, title="Record the outcome of a bid", caption=bid.programme.name,
                     intro=f"Bid to {bid.round} ({requested}; {submitted}).", submit="Record outcome",
                     back=f"{programme_url(bid.programme)}#bids")


@login_required
def match_contribution_create(request, slug):
    programme = access.programme_to_change(request.user, slug)
    form = MatchContributionForm(posted(request), programme=programme)
    match = saved(form, lambda: services.match_contribution_create(
        by=request.user, programme=programme, **form.cleaned_data))
    if match:
        messages.success(request, f"Match contribution from {match.partner} added.")
        return redirect(f"{programme_url(programme)}#match-contributions")
    return _form_page(request, "funding/match_form.html", form, programme)


@login_required
def target_create(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = TargetForm(posted(request))
    target = saved(form, lambda: services.target_set(by=request.user, agreement=agreement, **form.cleaned_data))
    if target:
        messages.success(request, f"Target “{target}” saved.")
        return redirect(reverse("funding:agreement_detail", args=[agreement.pk]) + "#targets")
    return form_page(request, form, title="Set a target", caption=agreement.title, submit="Save target",
                     back=reverse("funding:agreement_detail", args=[agreement.pk]) + "#targets")


@login_required
def target_actual(request, pk):
    target = access.target_to_report(request.user, pk)
    form = TargetActualForm(posted(request), initial={"actual": target.actual, "version": target.version})
    done = saved(form, lambda: services.target_record_actual(by=request.user, target=target, **form.cleaned_data))
    back = reverse("funding:agreement_detail", args=[target.agreement_id]) + "#targets"
    if done:
        messages.success(request, f"Achieved so far on “{done}” saved.")
        return redirect(back)
    return form_page(request, form, title=f"Enter what was achieved: {target}", caption=target.agreement.title,
                     submit="Save", back=back, intro=f"Target for the year: {target.target}.")


def programme_url(programme) -> str:
    return reverse("funding:programme_detail", args=[programme.slug])
