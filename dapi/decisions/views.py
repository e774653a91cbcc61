"""Pages for decision records, meetings and their resolutions. Objects come from access.py
(404 when hidden); writes go through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dapi.accounts.roles import COMMISSIONING_ROLES, has_role
from dapi.lib.clock import parse_as_of
from dapi.lib.views import allowed as _allowed, posted, saved

from . import access, selectors, services
from .forms import DecisionFilterForm, DecisionForm, ResolutionForm
from .models import Resolution


@login_required
@require_GET
def decision_list(request):
    visible = access.decision_list_for(request.user)
    form = DecisionFilterForm(request.GET or None, decisions=visible)
    return render(request, "decisions/decision_list.html", {
        "decisions": selectors.decisions_newest_first(visible, **form.filters()), "form": form,
        "can_create": has_role(request.user, *COMMISSIONING_ROLES),
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
    _allowed(has_role(request.user, *COMMISSIONING_ROLES))
    form = DecisionForm(posted(request), user=request.user)
    decision = saved(form, lambda: services.decision_create(by=request.user, **form.decision_fields()))
    if decision:
        messages.success(request, f"Decision “{decision}” added.")
        return redirect("decisions:decision_detail", pk=decision.pk)
    return render(request, "decisions/decision_form.html", {"form": form})


@login_required
def decision_edit(request, pk):
    decision = access.decision_get_for(request.user, pk)
    _allowed(access.can_change_decision(request.user, decision))
    form = DecisionForm(posted(request), user=request.user, decision=decision)
    changed = saved(form, lambda: services.decision_update(decision=decision, by=request.user, **form.decision_fields()))
    if changed:
        messages.success(request, f"Decision “{changed}” saved.")
        return redirect("decisions:decision_detail", pk=changed.pk)
    return render(request, "decisions/decision_form.html", {"form": form, "decision": decision})


@login_required
@require_GET
def resolution_list(request):
    today = parse_as_of(request.GET.get("today"))
    resolutions = access.resolution_list_for(request.user).select_related("meeting__body")
    return render(request, "decisions/resolution_list.html", {
        "overdue": selectors.resolutions_overdue(resolutions, today),
        "upcoming": selectors.resolutions_not_yet_due(resolutions, today),
        "today": today,
    })


@login_required
@require_GET
def meeting_detail(request, pk):
    meeting = access.meeting_get_for(request.user, pk)
    today = parse_as_of(request.GET.get("today"))
    return render(request, "decisions/meeting_detail.html", {
        "meeting": meeting, "resolutions": meeting.resolutions.all(), "programmes": meeting.programmes.all(),
        "can_change": access.can_change_resolution(request.user, Resolution(meeting=meeting)), "today": today,
    })


@login_required
def resolution_create(request, pk):
    meeting = access.meeting_get_for(request.user, pk)
    _allowed(access.can_change_resolution(request.user, Resolution(meeting=meeting)))
    form = ResolutionForm(posted(request))
    resolution = saved(form, lambda: services.resolution_create(by=request.user, meeting=meeting,
                                                                 **form.resolution_fields()))
    if resolution:
        messages.success(request, "Resolution added.")
        return redirect("decisions:meeting_detail", pk=meeting.pk)
    return render(request, "decisions/resolution_form.html", {"form": form, "meeting": meeting})


@login_required
def resolution_edit(request, pk):
    resolution = access.resolution_get_for(request.user, pk)
    _allowed(access.can_change_resolution(request.user, resolution))
    form = ResolutionForm(posted(request), initial=ResolutionForm.initial_for(resolution))
    changed = saved(form, lambda: services.resolution_update(resolution=resolution, by=request.user,
                                                            version=form.cleaned_data["version"],
                                                            **form.resolution_fields()))
    if changed:
        messages.success(request, "Resolution saved.")
        return redirect("decisions:meeting_detail", pk=changed.meeting_id)
    return render(request, "decisions/resolution_form.html", {"form": form, "meeting": resolution.meeting,
                                                              "resolution": resolution})
