"""Forum pages: listings and actions on a case, the overdue-actions board. Behind the barrier:
a user lists and sees actions only on the sides of the case they may see."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.clock import today

from .. import access
from ..forms_forums import ForumActionForm, ForumActionUpdateForm, ForumListingForm, OverdueFilterForm
from ..models import ActionStatus, ForumListing, ForumType
from ..selectors_forums import overdue_actions
from ..services import forums as forum_services
from .common import allowed, form_page, posted, saved


@login_required
@require_GET
def overdue(request):
    form = OverdueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    on = today()
    return render(request, "forums/overdue.html", {
        "form": form, "today": on,
        "rows": overdue_actions(request.user, on, forum=filters.get("forum"), owner=filters.get("owner"))})


@login_required
@require_GET
def open_actions(request):
    actions = access.forum_action_list_for(request.user).filter(status=ActionStatus.OPEN).order_by("due_on", "pk")
    return render(request, "forums/open.html", {"actions": actions, "today": today()})


@login_required
def listing_add(request, pk):
    case = access.case_get_for(request.user, pk)
    sides = access.sides_for(request.user, case)
    allowed(bool(sides))
    form = ForumListingForm(posted(request), case=case, forums=ForumType.objects.filter(side__in=sides),
                            initial={"meeting_on": today()})
    listing = saved(form, lambda: forum_services.forum_listing_create(case=case, by=request.user, **form.cleaned_data))
    if listing:
        messages.success(request, f"Listed at {listing.forum.code} on {listing.meeting_on:%-d %b %Y}.")
        return redirect("forums:action_add", pk=listing.pk)
    return form_page(request, form, title="List the case at a forum", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


def _listing_for(user, pk) -> ForumListing:
    try:
        listing = ForumListing.objects.select_related("case", "forum").get(pk=int(pk))
    except (ForumListing.DoesNotExist, ValueError):
        raise Http404("No such listing") from None
    access.case_get_for(user, listing.case_id)  # 404 unless the case is visible
    return listing


@login_required
def action_add(request, pk):
    listing = _listing_for(request.user, pk)
    sides = access.sides_for(request.user, listing.case)
    form = ForumActionForm(posted(request), sides=sides, initial={"side": listing.forum.side if listing.forum.side in
                                                                  sides else next(iter(sides))})
    if saved(form, lambda: forum_services.forum_action_create(listing=listing, by=request.user, **form.cleaned_data)):
        messages.success(request, "Action recorded.")
        return redirect("cases:case_detail", pk=listing.case_id)
    return form_page(request, form, title=f"Add an action from {listing.forum.code} on {listing.meeting_on:%-d %b %Y}",
                     caption=listing.case.reference, back=reverse("cases:case_detail", args=[listing.case_id]))


@login_required
def action_update(request, pk):
    action = access.forum_action_get_for(request.user, pk)
    form = ForumActionUpdateForm(posted(request), initial={"status": action.status, "version": action.version,
                                                           "completed_on": action.completed_on or today()})
    if saved(form, lambda: forum_services.forum_action_update(action=action, by=request.user, **form.cleaned_data)):
        messages.success(request, "Action updated.")
        return redirect("cases:case_detail", pk=action.listing.case_id)
    return form_page(request, form, title="Update a forum action", caption=action.description,
                     back=reverse("cases:case_detail", args=[action.listing.case_id]))
