"""Forum listings and the actions agreed at them (MARAC, MATAC, MAPPA, TATI, and any forum an area
adds as a `ForumType` row). Each write checks its `by` through `forums/access.py` (`by=None` is
the system), validates, saves and audits in one transaction.

A listing is made by someone who sees its forum's side of the case, an action by someone who sees
the action's side, and an action is changed only by someone who sees its side; a refusal raises
Http404 and writes nothing. Messages name forums, dates and pseudonymous references, never a person.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors
from dapi.lib.errors import ConflictError

from ..models import MemberRole, Side
from . import access
from .models import ActionStatus, ForumAction, ForumListing


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


@transaction.atomic
def forum_listing_create(*, case, forum, meeting_on: date, by, area=None, member=None) -> ForumListing:
    """List `case` at a meeting of `forum`. A victim-focused forum (its `side` is victim, as MARAC's
    is) hears one victim of this case, named as `member`; any other forum hears him and names no
    one. Refuses the same listing twice. Who may: a worker or manager who sees `forum.side` of the
    case (`access.can_list_case`)."""
    require(is_system(by) or access.can_list_case(by, case, forum), "No such case")
    if forum.side == Side.VICTIM:
        if member is None or member.case_id != case.pk or member.role != MemberRole.VICTIM:
            raise ValidationError({"member": f"{forum.code} hears a victim: choose the victim heard from "
                                             f"the victims linked to case {case.reference}."})
    elif member is not None:
        raise ValidationError({"member": f"{forum.code} hears him, not a victim: leave the victim empty."})
    if ForumListing.objects.filter(case=case, forum=forum, meeting_on=meeting_on, member=member).exists():
        raise ValidationError({"meeting_on": f"Case {case.reference} is already listed at {forum.code} "
                                             f"on {_day(meeting_on)}."})
    listing = ForumListing(forum=forum, case=case, meeting_on=meeting_on, area=area, member=member)
    listing.full_clean()
    with acting_as(by):
        listing.save()
    return listing


@transaction.atomic
def forum_action_create(*, listing: ForumListing, side: str, description: str, owner, due_on: date,
                        by) -> ForumAction:
    """Record an action agreed at the listing's meeting, owned by an agency and due on a date, on
    one side of the barrier: a victim-side action is seen only by the victim side of the case.
    Who may: a worker or manager who sees `side` of the listing's case (`access.can_add_action`)."""
    if side not in Side.values:
        raise ValidationError({"side": f"Choose the side of the barrier the action is on: {', '.join(Side.values)}."})
    require(is_system(by) or access.can_add_action(by, listing, side), "No such listing")
    if due_on < listing.meeting_on:
        raise ValidationError({"due_on": f"An action is due on or after the meeting that agreed it "
                                         f"({listing.forum.code} on {_day(listing.meeting_on)})."})
    action = ForumAction(listing=listing, side=side, description=description.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    with acting_as(by):
        action.save()
    return action


@transaction.atomic
def forum_action_update(*, action: ForumAction, by, version: int, status: str,
                        completed_on: date | None = None) -> ForumAction:
    """Mark an action done (with the date it was done, not after today), cancelled, or open again. `version` is the
    one the user started from: a save over someone else's change is refused with ConflictError.
    Who may: anyone who sees the action's side of its case (`access.can_update_action`)."""
    current = ForumAction.objects.select_for_update(of=("self",)).select_related("listing__forum", "listing__case") \
        .get(pk=action.pk)
    require(is_system(by) or access.can_update_action(by, current), "No such action")
    if current.version != version:
        raise ConflictError(f"Someone else changed this action after you opened it (it is now "
                            f"{current.get_status_display().lower()}). Reload the page to see their change, "
                            f"then make yours again.")
    if status == ActionStatus.DONE and completed_on is None:
        raise ValidationError({"completed_on": "Enter the date the action was done."})
    if status == ActionStatus.DONE and (errors := future_errors({"completed_on": ("The date the action was done",
                                                                                  completed_on)})):
        raise ValidationError(errors)
    if status == ActionStatus.DONE and completed_on < current.listing.meeting_on:
        raise ValidationError({"completed_on": f"An action is done on or after the meeting that agreed it "
                                              f"({current.listing.forum.code} on "
                                              f"{_day(current.listing.meeting_on)})."})
    current.status = status
    current.completed_on = completed_on if status == ActionStatus.DONE else None
    current.version = version + 1
    current.full_clean()
    with acting_as(by):
        current.save()
    action.status, action.completed_on, action.version = current.status, current.completed_on, current.version
    return action
