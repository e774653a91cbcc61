"""The page that records a disruption or protective action on a case. The case comes from
disruption/access.py (404 for anyone who sees no side of it); the service checks again, and a
Clare's Law disclosure is offered to the victim side only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from . import access, selectors, services
from .forms import DisruptionActionForm


@login_required
def action_add(request, pk):
    case = access.case_to_record_disruption(request.user, pk)
    form = DisruptionActionForm(posted(request), **selectors.form_choices(request.user, case),
                                initial={"taken_on": today()})
    action = saved(form, lambda: services.disruption_action_create(case=case, by=request.user, **form.cleaned_data))
    if action:
        messages.success(request, f"{action.get_kind_display()} on {action.taken_on.day} {action.taken_on:%b %Y} "
                                  f"recorded.")
        return redirect(reverse("cases:case_detail", args=[case.pk]) + "#disruption")
    return form_page(request, form, title="Record a disruption or protective action", caption=f"Case {case.reference}",
                     back=reverse("cases:case_detail", args=[case.pk]),
                     intro="A Clare's Law disclosure is seen only by partner support on this case; every other "
                           "action is seen by both sides.")
