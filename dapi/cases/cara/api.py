"""Project CARA workshops and their bookings as JSON, behind the same barrier as the pages:
workshops come from cara/access.py (the facilitating provider's managers and perpetrator workers;
404 for anyone else)."""

from datetime import date, datetime

from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from dapi.accounts.schemas import OrganisationRef
from dapi.funding.schemas import ProgrammeRef
from dapi.lib.api import LIST_ERRORS, READ_ERRORS, Pages

from . import access, selectors
from .models import BookingStatus

router = Router(tags=["CARA"])


class CaraWorkshopOut(Schema):
    id: int
    programme: ProgrammeRef
    facilitator: OrganisationRef
    part: str = Field(description="A or B.")
    starts_at: datetime
    venue: str
    capacity: int
    places_left: int


@router.get("/workshops", response={200: list[CaraWorkshopOut], **LIST_ERRORS},
            summary="Project CARA workshops your organisation runs, soonest first")
@paginate(Pages)
def list_workshops(request):
    return list(selectors.workshop_list(request.auth))


class CaraBookingOut(Schema):
    id: int
    case_id: int
    case_reference: str
    perpetrator: str = Field(description="His pseudonymous reference.")
    status: BookingStatus = Field(description="void: after a breach.")
    booked_on: date


@router.get("/workshops/{workshop_id}/bookings", response={200: list[CaraBookingOut], **READ_ERRORS},
            summary="Who is booked on one of your organisation's workshops")
@paginate(Pages)
def list_workshop_bookings(request, workshop_id: int):
    workshop = access.workshop_get_for(request.auth, workshop_id)
    return [{"id": b.pk, "case_id": b.case_id, "case_reference": b.case.reference,
             "perpetrator": b.case.perpetrator.reference, "status": b.status, "booked_on": b.booked_on}
            for b in workshop.bookings.select_related("case__perpetrator").order_by("pk")]
