"""Referral pages: make one, see its screening explained rule by rule, accept or decline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.accounts.models import Organisation
from dapi.audit.services import record_access
from dapi.lib.clock import today
from dapi.funding.models import Programme

from .. import access
from ..forms import ReferralDecisionForm, ReferralForm
from ..models import ReferralStatus
from ..services import referrals as referral_services
from dapi.lib.views import allowed, form_page, posted, saved


@login_required
@require_GET
def referral_list(request):
    referrals = access.referral_list_for(request.user)
    status = request.GET.get("status", "")
    if status in ReferralStatus.values:
        referrals = referrals.filter(status=status)
    return render(request, "cases/referral_list.html", {
        "referrals": referrals, "status": status, "statuses": ReferralStatus.choices,
        "can_refer": access.can_refer(request.user)})


def _referral_form(request, data, **kwargs):
    orgs = access.referring_orgs(request.user)
    return ReferralForm(data, programmes=Programme.objects.filter(eligibility_rules__isnull=False).distinct()
                        .order_by("name"), referring_orgs=Organisation.objects.filter(pk__in=orgs), **kwargs)


@login_required
def referral_create(request):
    """A new person (pseudonymous) referred to a programme; screened at once."""
    allowed(access.can_refer(request.user))
    form = _referral_form(request, posted(request), initial={"received_on": today()})

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
    referral = access.referral_get_for(request.user, pk)
    record_access(referral, by=request.user)
    can_screen = access.can_screen_referral(request.user, referral) and referral.status == ReferralStatus.RECEIVED
    form = ReferralDecisionForm(posted(request) if can_screen else None,
                                initial={"version": referral.version, "on": today()})

    def decide():
        data = form.cleaned_data
        common = {"referral": referral, "by": request.user, "on": data["on"], "reason": data["reason"],
                  "version": data["version"]}
        if data["decision"] == "accept":
            return referral_services.referral_accept(victim_service=data["victim_service"], **common)
        return referral_services.referral_decline(**common)

    result = saved(form, decide) if can_screen and request.method == "POST" else None
    if result:
        if referral.status == ReferralStatus.ACCEPTED:
            messages.success(request, f"Referral accepted: case {result.reference} opened.")
            return redirect("cases:case_detail", pk=result.pk)
        messages.success(request, "Referral declined.")
        return redirect("cases:referral_detail", pk=referral.pk)
    return render(request, "cases/referral_detail.html", {
        "referral": referral, "screening": referral.screening, "form": form, "can_screen": can_screen,
        "case": access.case_list_for(request.user).filter(referral=referral).first()})
