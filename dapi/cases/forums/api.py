"""Forum listings and actions as JSON, behind the same barrier as the pages: they come from
forums/access.py, so each caller gets only the actions on the sides of the cases they may see; writes
go through the pages' services (audited in the same transaction), and an action's change carries the
version it was read at, as the page's hidden field does (409 when someone changed it since)."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import ConfigDict, Field

from dapi.accounts.models import Area, Organisation
from dapi.accounts.schemas import OrganisationRef
from dapi.audit.services import record_access
from dapi.lib import clock
from dapi.lib.api import AS_OF_ERRORS, AS_OF_HELP, LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, ErrorOut, Pages

from .. import access as case_access
from ..models import Side
from . import access, selectors, services
from .models import ActionStatus, ForumAction, ForumListing, ForumType

router = Router(tags=["forums"])


class OverdueForumActionOut(Schema):
    id: int
    forum: str = Field(description="The forum type's code, e.g. MARAC or MATAC.")
    meeting_on: date
    case_id: int
    case_reference: str
    side: Side = Field(description="victim-side actions reach only the victim side of the case.")
    description: str
    owner: OrganisationRef = Field(description="The agency that owns the action.")
    due_on: date
    status: ActionStatus
    days_overdue: int


@router.get("/forum-actions/overdue", response={200: list[OverdueForumActionOut], **LIST_ERRORS, **AS_OF_ERRORS},
            summary="Open forum actions past their due date, on the sides of your cases you may see")
@paginate(Pages)
def list_overdue_forum_actions(request, forum: str | None = Query(None, description="A forum type's code, e.g. MATAC."),
                          owner: str | None = Query(None, description="The owning agency's name."),
                          today: date | None = Query(None, description=AS_OF_HELP)):
    forum_type = owner_org = None
    if forum:
        forum_type = ForumType.objects.filter(code__iexact=forum).first()
        if forum_type is None:
            codes = ", ".join(ForumType.objects.values_list("code", flat=True))
            raise ValidationError({"forum": f"No forum type with the code {forum!r}; the codes are {codes}."})
    if owner:
        owner_org = Organisation.objects.filter(name__iexact=owner).first()
        if owner_org is None:
            raise ValidationError({"owner": f"No organisation called {owner!r}."})
    rows = selectors.overdue_actions(request.auth, clock.as_of(today), forum=forum_type, owner=owner_org)
    return [{"id": a.pk, "forum": a.listing.forum.code, "meeting_on": a.listing.meeting_on,
             "case_id": a.listing.case_id, "case_reference": a.listing.case.reference, "side": a.side,
             "description": a.description, "owner": a.owner, "due_on": a.due_on, "status": a.status,
             "days_overdue": row["days_overdue"]} for row in rows for a in [row["action"]]]


class ForumActionOut(Schema):
    id: int
    listing_id: int
    side: Side = Field(description="victim-side actions reach only the victim side of the case.")
    description: str
    owner: OrganisationRef = Field(description="The agency that owns the action.")
    due_on: date
    status: ActionStatus
    completed_on: date | None
    version: int = Field(description="Send it back with a change; a change made since answers 409.")


class ForumListingOut(Schema):
    id: int
    case_id: int
    forum: str = Field(description="The forum type's code, e.g. MARAC or MATAC.")
    meeting_on: date
    area: str | None = Field(description="The area's name.")
    member_id: int | None = Field(description="The victim heard, at a forum that hears a victim.")
    actions: list[ForumActionOut] = Field(description="Its actions on the sides of the case you see.")


class ForumListingIn(Schema):
    forum: str = Field(description="A forum type's code, e.g. MARAC; one that hears a side of the case you see.")
    meeting_on: date = Field(description="The day of the meeting (may be ahead).")
    area: str | None = Field(None, description="The area's name.")
    member_id: int | None = Field(None, description="The victim heard (her member id), at a forum that hears a "
                                                    "victim; left out otherwise.")

    model_config = ConfigDict(extra="forbid")


class ForumActionIn(Schema):
    side: Side = Field(description="The side of the barrier it is on; one you see.")
    description: str = Field(min_length=1, max_length=500)
    owner: str = Field(description="The name of the owning agency.")
    due_on: date = Field(description="On or after the meeting that agreed it.")

    model_config = ConfigDict(extra="forbid")


class ForumActionStatusIn(Schema):
    status: ActionStatus
    completed_on: date | None = Field(None, description="Done: the day it was done; on or after the meeting, not "
                                                        "after today.")
    version: int = Field(description="The action's version as you read it; a change made since answers 409.")

    model_config = ConfigDict(extra="forbid")


def _action(a: ForumAction) -> dict:
    return {"id": a.pk, "listing_id": a.listing_id, "side": a.side, "description": a.description, "owner": a.owner,
            "due_on": a.due_on, "status": a.status, "completed_on": a.completed_on, "version": a.version}


def _listing(user, listing: ForumListing) -> dict:
    return {"id": listing.pk, "case_id": listing.case_id, "forum": listing.forum.code, "meeting_on": listing.meeting_on,
            "area": listing.area.name if listing.area_id else None, "member_id": listing.member_id,
            "actions": [_action(a) for a in access.forum_action_list_for(user, listing.case).filter(listing=listing)]}


@router.get("/cases/{case_id}/forum-listings", response={200: list[ForumListingOut], **READ_ERRORS},
            summary="A case's forum listings, with their actions on the sides you see")
@paginate(Pages)
def list_forum_listings(request, case_id: int):
    case = case_access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_listing(request.auth, listing) for listing in access.forum_listing_list_for(request.auth, case)]


@router.post("/cases/{case_id}/forum-listings", response={201: ForumListingOut, **WRITE_ERRORS},
             summary="List a case at a forum meeting (a forum that hears a side of it you see)")
def create_forum_listing(request, case_id: int, payload: ForumListingIn):
    case = access.case_to_list(request.auth, case_id)
    choices = selectors.listing_form_choices(request.auth, case)
    forum = choices["forums"].filter(code__iexact=payload.forum).first()
    if forum is None:
        codes = ", ".join(choices["forums"].values_list("code", flat=True))
        raise ValidationError({"forum": f"You may list this case at {codes}; not at {payload.forum!r}."})
    area = None
    if payload.area:
        area = Area.objects.filter(name=payload.area).first()
        if area is None:
            raise ValidationError({"area": f"No area called {payload.area!r}."})
    member = None
    if payload.member_id is not None:
        member = case.members.filter(pk=payload.member_id).first()
        if member is None:
            raise ValidationError({"member_id": "Choose a victim linked to this case by her member id."})
    listing = services.forum_listing_create(case=case, forum=forum, meeting_on=payload.meeting_on, area=area,
                                            member=member, by=request.auth)
    return Status(201, _listing(request.auth, listing))


@router.post("/forum-listings/{listing_id}/actions", response={201: ForumActionOut, **WRITE_ERRORS},
             summary="Record an action agreed at a forum meeting, on a side of the case you see")
def create_forum_action(request, listing_id: int, payload: ForumActionIn):
    listing = access.listing_to_add_actions(request.auth, listing_id)
    owner = Organisation.objects.filter(name=payload.owner).first()
    if owner is None:
        raise ValidationError({"owner": f"No organisation called {payload.owner!r}."})
    action = services.forum_action_create(listing=listing, side=payload.side, description=payload.description,
                                          owner=owner, due_on=payload.due_on, by=request.auth)
    return Status(201, _action(action))


@router.post("/forum-actions/{action_id}/status", response={201: ForumActionOut, 409: ErrorOut, **WRITE_ERRORS},
             summary="Mark a forum action done, cancelled or open again (with the version you read)")
def change_forum_action_status(request, action_id: int, payload: ForumActionStatusIn):
    action = access.forum_action_to_update(request.auth, action_id)
    action = services.forum_action_update(action=action, by=request.auth, **payload.dict())
    # 201: the change is recorded as a new state of the action, as a case's status change is.
    return Status(201, _action(action))
