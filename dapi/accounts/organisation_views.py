"""The organisations page: the organisations a person works for with their identifiers, and the
identifiers form for those they administer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from dapi.lib.views import form_page, posted, saved

from .access import organisation_to_change
from .forms import OrganisationIdentifiersForm
from .selectors import organisation_rows
from .services import organisation_identifiers_change


@login_required
@require_GET
def organisation_list(request):
    return render(request, "accounts/organisation_list.html", {"rows": organisation_rows(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_identifiers(request, pk: int):
    organisation = organisation_to_change(request.user, pk)
    form = OrganisationIdentifiersForm(posted(request), initial={
        "org_id": organisation.org_id, "charity_number": organisation.charity_number,
        "company_number": organisation.company_number})
    if saved(form, lambda: organisation_identifiers_change(organisation=organisation, by=request.user,
                                                           **form.cleaned_data)):
        messages.success(request, f"The identifiers of {organisation.name} are saved.")
        return redirect("organisation_list")
    return form_page(request, form, title="Identifiers", caption=organisation.name, back="/organisations/",
                     intro="The exports (360Giving, OCDS) name the organisation by these. Give only numbers a "
                           "public register shows for it.")
