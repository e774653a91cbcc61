from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as

from ..models import ActionStatus, ForumAction, ForumListing, MemberRole, Side
from . import ConflictError


@transaction.atomic
def forum_listing_create(*, case, forum, meeting_on: date, by, area=None, member=None) -> ForumListing:
    """List a case at a forum meeting. A victim-focused forum (MARAC) names a victim of the case;
    the others list him. Workers on the forum's side of the case (views check)."""
    if forum.side == Side.VICTIM and (member is None or member.case_id != case.pk or member.role != MemberRole.VICTIM):
        raise ValidationError({"member": f"{forum.code} hears victims: choose a victim linked to this case."})
    if forum.side == Side.PERPETRATOR and member is not None:
        raise ValidationError({"member": f"{forum.code} hears him, not a victim: leave the victim empty."})
    listing = ForumListing(forum=forum, case=case, meeting_on=meeting_on, area=area, member=member)
    listing.full_clean()
    with acting_as(by):
        listing.save()
    return listing


@transaction.atomic
def forum_action_create(*, listing, side: str, description: str, owner, due_on: date, by) -> ForumAction:
    """Record an action agreed at the forum, owned by an agency, on one side of the barrier."""
    action = ForumAction(listing=listing, side=side, description=description, owner=owner, due_on=due_on)
    action.full_clean()
    with acting_as(by):
        action.save()
    return action


@transaction.atomic
def forum_action_update(*, action: ForumAction, by, version: int, status: str,
                        completed_on: date | None = None) -> ForumAction:
    """Mark an action done or cancelled (done needs its date), refusing a save over someone else's."""
    if status == ActionStatus.DONE and completed_on is None:
        raise ValidationError({"completed_on": "Give the date the action was done."})
    if completed_on and completed_on < action.listing.meeting_on:
        raise ValidationError({"completed_on": "An action is done on or after the meeting that agreed it."})
    action.status, action.completed_on = status, completed_on if status == ActionStatus.DONE else None
    action.full_clean()
    with acting_as(by):
        if not ForumAction.objects.filter(pk=action.pk, version=version).update(version=F("version") + 1):
            raise ConflictError("This action was changed by someone else after you opened it. "
                                "Reload it and make your change again.")
        action.version = version + 1
        action.save()
    return action
