"""Forum pages: the overdue-actions board, open actions, and listing a case and its actions.

Behind the barrier (forums/access.py): a user lists a case only at forums on a side of it they
see, adds actions only on those sides, and opens an action only on them; anything else answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.lib.clock import as_of_from, today
from dapi.lib.views import form_page, posted, saved

from . import access, selectors, services
from .forms import ForumActionForm, ForumActionUpdateForm, ForumListingForm, OverdueFilterForm


@login_required
@require_GET
def overdue(request):
    form = OverdueFilterForm(request.GET or None, owners=selectors.action_owners(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    on = filters.get("today") or today()
    rows = selectors.with_names(request.user, selectors.overdue_actions(
        request.user, on, forum=filters.get("forum"), owner=filters.get("owner")))
    # A date out of range (dapi/lib/clock.py) is shown on the form, and the answer is 400.
    return render(request, "forums/overdue.html", {"form": form, "today": on, "rows": rows},
                  status=400 if "today" in form.errors else 200)


@login_required
@require_GET
def open_actions(request):
    on = as_of_from(request.GET)
    rows = selectors.with_names(request.user, selectors.open_actions(request.user, on))
    return render(request, "forums/open.html", {"rows": rows, "today": on})


@login_required
def listing_add(request, pk):
    case = access.case_to_list(request.user, pk)
    form = ForumListingForm(posted(request), **selectors.listing_form_choices(request.user, case),
                            initial={"meeting_on": today()})
    listing = saved(form, lambda: services.forum_listing_create(case=case, by=request.user, **form.cleaned_data))
    if listing:
        messages.success(request, f"Case {case.reference} listed at {listing.forum.code} on "
                                  f"{listing.meeting_on.day} {listing.meeting_on:%b %Y}. Add the actions agreed.")
        return redirect("forums:action_add", pk=listing.pk)
    return form_page(request, form, title="List the case at a forum", caption=f"Case {case.reference}",
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def action_add(request, pk):
    listing = access.listing_to_add_actions(request.user, pk)
    choices = selectors.action_form_choices(request.user, listing)
    form = ForumActionForm(posted(request), sides=choices["sides"], initial={"side": choices["side"]})
    if saved(form, lambda: services.forum_action_create(listing=listing, by=request.user, **form.cleaned_data)):
        messages.success(request, f"Action from {listing.forum.code} recorded.")
        return redirect("cases:case_detail", pk=listing.case_id)
    day = f"{listing.meeting_on.day} {listing.meeting_on:%b %Y}"
    return form_page(request, form, title=f"Add an action agreed at {listing.forum.code} on {day}",
                     caption=f"Case {listing.case.reference}",
                     back=reverse("cases:case_detail", args=[listing.case_id]))


@login_required
def action_update(request, pk):
    action = access.forum_action_to_update(request.user, pk)
    form = ForumActionUpdateForm(posted(request), initial={"status": action.status, "version": action.version,
                                                           "completed_on": action.completed_on or today()})
    if saved(form, lambda: services.forum_action_update(action=action, by=request.user, **form.cleaned_data)):
        messages.success(request, f"Action is now {action.get_status_display().lower()}.")
        return redirect("cases:case_detail", pk=action.listing.case_id)
    return form_page(request, form, title="Update a forum action", caption=f"Case {action.listing.case.reference}",
                     intro=f"{action.listing.forum.code}: {action.description} ({action.owner.name}, due "
                           f"{action.due_on.day} {action.due_on:%b %Y})",
                     back=reverse("cases:case_detail", args=[action.listing.case_id]))
