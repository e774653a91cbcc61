"""Pages for decision records, meetings and their resolutions: objects from access.py (404 when
hidden or not the user's to change), pages from selectors.py, writes through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.lib.clock import as_of_from
from dapi.lib.views import posted, saved

from . import access, selectors, services
from .forms import DecisionFilterForm, DecisionForm, ResolutionForm


@login_required
@require_GET
def decision_list(request):
    page = selectors.decision_list_page(request.user)
    form = DecisionFilterForm(request.GET or None, organisations=page.organisations)
    return render(request, "decisions/decision_list.html", {
        "decisions": selectors.decisions_newest_first(page.decisions, **form.filters()), "form": form,
        "can_create": page.can_create,
    })


@login_required
@require_GET
def decision_detail(request, pk):
    decision = access.decision_get_for(request.user, pk)
    return render(request, "decisions/decision_detail.html", {
        "page": selectors.decision_page(request.user, decision), "decision": decision,
    })


@login_required
def decision_create(request):
    choices = selectors.decision_choices(request.user, access.deciding_bodies_to_create(request.user))
    form = DecisionForm(posted(request), choices=choices)
    decision = saved(form, lambda: services.decision_create(by=request.user, **form.decision_fields()))
    if decision:
        messages.success(request, f"Decision “{decision}” added.")
        return redirect("decisions:decision_detail", pk=decision.pk)
    return render(request, "decisions/decision_form.html", {"form": form})


@login_required
def decision_edit(request, pk):
    decision = access.decision_to_change(request.user, pk)
    choices = selectors.decision_choices(request.user, access.deciding_bodies_for(request.user))
    form = DecisionForm(posted(request), choices=choices, decision=decision)
    changed = saved(form, lambda: services.decision_update(decision=decision, by=request.user, **form.decision_fields()))
    if changed:
        messages.success(request, f"Decision “{changed}” saved.")
        return redirect("decisions:decision_detail", pk=changed.pk)
    return render(request, "decisions/decision_form.html", {"form": form, "decision": decision})


@login_required
@require_GET
def resolution_list(request):
    page = selectors.resolution_list_page(request.user, as_of_from(request.GET))
    return render(request, "decisions/resolution_list.html", {
        "overdue": page.overdue, "upcoming": page.upcoming, "today": page.today,
    })


@login_required
@require_GET
def meeting_detail(request, pk):
    page = selectors.meeting_page(request.user, access.meeting_get_for(request.user, pk))
    return render(request, "decisions/meeting_detail.html", {
        "meeting": page.meeting, "resolutions": page.resolutions, "programmes": page.programmes,
        "can_change": page.can_change, "today": as_of_from(request.GET),
    })


@login_required
def resolution_create(request, pk):
    meeting = access.meeting_to_resolve(request.user, pk)
    form = ResolutionForm(posted(request))
    resolution = saved(form, lambda: services.resolution_create(by=request.user, meeting=meeting,
                                                                 **form.resolution_fields()))
    if resolution:
        messages.success(request, "Resolution added.")
        return redirect("decisions:meeting_detail", pk=meeting.pk)
    return render(request, "decisions/resolution_form.html", {"form": form, "meeting": meeting})


@login_required
def resolution_edit(request, pk):
    resolution = access.resolution_to_change(request.user, pk)
    form = ResolutionForm(posted(request), initial=ResolutionForm.initial_for(resolution))
    changed = saved(form, lambda: services.resolution_update(resolution=resolution, by=request.user,
                                                            version=form.cleaned_data["version"],
                                                            **form.resolution_fields()))
    if changed:
        messages.success(request, "Resolution saved.")
        return redirect("decisions:meeting_detail", pk=changed.meeting_id)
    return render(request, "decisions/resolution_form.html", {"form": form, "meeting": resolution.meeting,
                                                              "resolution": resolution})
