"""Referral pages: make one, see its screening explained rule by rule, accept or decline.
What a user may see and do comes from access.py through the selectors; the services check again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.audit.services import record_access
from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from .. import access, selectors
from ..forms import ReferralDecisionForm, ReferralForm
from ..models import ReferralStatus
from ..services import referrals as referral_services


@login_required
@require_GET
def referral_list(request):
    return render(request, "cases/referral_list.html",
                  selectors.referral_list_page(request.user, request.GET.get("status", ""),
                                               request.GET.get("programme", "")))


@login_required
def referral_create(request):
    """A new person (pseudonymous) referred to a programme; screened at once."""
    form = ReferralForm(posted(request), **selectors.referral_form_choices(request.user),
                        initial={"received_on": today()})
    referral = saved(form, lambda: referral_services.referral_of_new_person_create(by=request.user,
                                                                                  **form.cleaned_data))
    if referral:
        messages.success(request, f"Referral of {referral.person.reference} recorded and screened.")
        return redirect("cases:referral_detail", pk=referral.pk)
    return form_page(request, form, title="Refer a perpetrator", back=reverse("cases:referral_list"),
                     submit="Refer and screen",
                     intro="He gets a pseudonymous reference. Leave facts you do not know empty: screening "
                           "says which it needs.")


@login_required
def referral_detail(request, pk):
    """One referral; the receiving provider's managers also accept or decline it here (the form is
    offered, and a POST read, only where the page says they may)."""
    referral = access.referral_get_for(request.user, pk)
    record_access(referral, by=request.user)
    page = selectors.referral_page(request.user, referral)
    form = ReferralDecisionForm(posted(request) if page["can_screen"] else None,
                                initial={"version": referral.version, "on": today()})

    def decide():
        data = form.cleaned_data
        common = {"referral": referral, "by": request.user, "on": data["on"], "reason": data["reason"],
                  "version": data["version"]}
        if data["decision"] == "accept":
            return referral_services.referral_accept(victim_service=data["victim_service"], **common)
        return referral_services.referral_decline(**common)

    result = saved(form, decide)
    if result:
        if referral.status == ReferralStatus.ACCEPTED:
            messages.success(request, f"Referral accepted: case {result.reference} opened.")
            return redirect("cases:case_detail", pk=result.pk)
        messages.success(request, "Referral declined.")
        return redirect("cases:referral_detail", pk=referral.pk)
    return render(request, "cases/referral_detail.html", {**page, "form": form})
