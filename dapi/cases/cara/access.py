"""Who may see and run Project CARA workshops, on top of the case barrier (cases/access.py).

Workshops and their registers are seen by the facilitating provider's managers and perpetrator
workers, and put on by its managers. A case is booked, and its attendance recorded, only by
someone who sees its perpetrator side (attendance also needs the workshop to be theirs). Anything
else answers 404, in the same words as for something that does not exist.
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for
from dapi.accounts.models import Organisation, Role
from dapi.accounts.roles import org_ids_with_role

from .. import access as case_access
from ..models import Case
from .models import Workshop, WorkshopBooking


def workshop_list_for(user) -> QuerySet[Workshop]:
    """CARA workshops run by the user's provider (its managers and perpetrator workers)."""
    orgs = org_ids_with_role(user, Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER)
    return Workshop.objects.filter(facilitator__in=orgs).select_related("programme", "facilitator")


def workshop_get_for(user, workshop_id) -> Workshop:
    """One of the workshops of `workshop_list_for`; 404 otherwise."""
    try:
        return workshop_list_for(user).get(pk=int(workshop_id))
    except (Workshop.DoesNotExist, ValueError, TypeError):
        raise Http404("No such workshop") from None


def can_run_workshops(user, facilitator: Organisation) -> bool:
    """A provider's managers put on workshops run by that provider."""
    return facilitator.pk in case_access.managed_orgs(user)


def facilitator_list_for(user) -> QuerySet[Organisation]:
    """The providers whose workshops `user` may put on: the ones they manage (none for anyone else)."""
    return Organisation.objects.filter(pk__in=case_access.managed_orgs(user)).order_by("name")


def facilitators_to_run_workshops(user) -> QuerySet[Organisation]:
    """`facilitator_list_for`, or 404 for someone who may put on no workshop at all."""
    facilitators = facilitator_list_for(user)
    if not facilitators.exists():
        raise Http404("Not found")
    return facilitators


def can_book(user, case: Case) -> bool:
    """Someone who sees the case's perpetrator side books him on a workshop."""
    return case_access.can_see_perpetrator_side(user, case)


def case_to_book(user, case_id) -> Case:
    """A case `user` may book on a workshop (`can_book`); 404 otherwise."""
    case = case_access.case_get_for(user, case_id)
    if not can_book(user, case):
        raise Http404("No such case")
    return case


def can_record_attendance(user, booking: WorkshopBooking) -> bool:
    """Staff of the facilitating provider (`workshop_list_for`) who see the booked case's
    perpetrator side record whether he attended."""
    return workshop_list_for(user).filter(pk=booking.workshop_id).exists() and \
        case_access.can_see_perpetrator_side(user, booking.case)


def booking_to_record_attendance(user, booking_id) -> WorkshopBooking:
    """A booking whose attendance `user` may record (`can_record_attendance`); 404 otherwise, in
    the same words as for a booking that does not exist."""
    try:
        booking = WorkshopBooking.objects.select_related("workshop", "case").get(pk=int(booking_id))
        workshop_get_for(user, booking.workshop_id)
        booking.case = case_access.case_get_for(user, booking.case_id)
    except (WorkshopBooking.DoesNotExist, ValueError, TypeError, Http404):
        raise Http404("No such booking") from None
    if not case_access.can_see_perpetrator_side(user, booking.case):
        raise Http404("No such booking")
    return booking


def may_open_workshops(user) -> bool:
    """`user` may see a CARA workshop, or put one on (for the navigation)."""
    return exists_for(user, workshop_list_for) or exists_for(user, facilitator_list_for)
