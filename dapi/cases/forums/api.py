"""Forum actions as JSON, behind the same barrier as the pages: they come from
forums/access.py, so each caller gets only the actions on the sides of the cases they may see."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from pydantic import Field

from dapi.accounts.models import Organisation
from dapi.accounts.schemas import OrganisationRef
from dapi.lib import clock
from dapi.lib.api import AS_OF_ERRORS, AS_OF_HELP, LIST_ERRORS

from ..models import Side
from . import selectors
from .models import ForumType

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
    status: str
    days_overdue: int


@router.get("/forum-actions/overdue", response={200: list[OverdueForumActionOut], **LIST_ERRORS, **AS_OF_ERRORS},
            summary="Open forum actions past their due date, on the sides of your cases you may see")
def overdue_forum_actions(request, forum: str | None = Query(None, description="A forum type's code, e.g. MATAC."),
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
