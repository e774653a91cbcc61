"""Reads for Project CARA: workshops with their places, a workshop's register, a case's workshop
section, what a CARA case needs next, and the choices of the workshop and booking forms.

Every protected row starts from cara/access.py (workshops) or cases/access.py (cases)."""

from datetime import date, datetime, time

from django.db.models import Count, ExpressionWrapper, F, IntegerField, Q, QuerySet
from django.utils import timezone

from dapi.funding.models import Programme
from dapi.lib import clock

from .. import access as case_access
from ..identities.selectors import identities_on_cases
from ..models import Case
from . import access
from .models import BookingStatus, Workshop
from .services import LIVE, attended_part_b, day_text, part_b_window, valid_part_a, workshop_day


def with_places(workshops: QuerySet[Workshop]) -> QuerySet[Workshop]:
    """Workshops annotated with `taken` and `places_left` (booked or attended places hold one)."""
    taken = Count("bookings", filter=Q(bookings__status__in=LIVE))
    return workshops.annotate(taken=taken, places_left=ExpressionWrapper(F("capacity") - taken,
                                                                          output_field=IntegerField()))


def places_left(workshop: Workshop) -> int:
    return workshop.capacity - workshop.bookings.filter(status__in=LIVE).count()


def workshop_list(user) -> QuerySet[Workshop]:
    """The workshops `user` sees (`access.workshop_list_for`) with their places, soonest first."""
    return with_places(access.workshop_list_for(user)).order_by("starts_at", "part")


def workshop_list_page(user) -> dict:
    """The workshops page: latest first, and whether `user` may put one on."""
    return {"workshops": with_places(access.workshop_list_for(user)).order_by("-starts_at", "part"),
            "can_add": access.facilitator_list_for(user).exists()}


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def bookable_workshops(case: Case, today: date) -> QuerySet[Workshop]:
    """The case's programme's workshops from `today` on that have a place left, soonest first."""
    return with_places(Workshop.objects.filter(programme=case.programme, starts_at__gte=_start_of(today))) \
        .filter(places_left__gt=0).select_related("programme").order_by("starts_at", "part")


def cara_progress(case: Case) -> str:
    """What the case needs next on Project CARA, in words: "Book Part A", "Book Part B between 4 and
    5 weeks after Part A on 3 Oct 2023: from 31 Oct 2023 to 7 Nov 2023", "Both workshops attended"."""
    pending = case.workshop_bookings.filter(status=BookingStatus.BOOKED).select_related("workshop").first()
    if pending is not None:
        return f"Booked on {pending.workshop.get_part_display()} on {day_text(workshop_day(pending.workshop))}"
    part_a = valid_part_a(case)
    if part_a is None:
        return "Book Part A"
    if attended_part_b(case, part_a):
        return "Both workshops attended"
    first, last = part_b_window(part_a)
    attended_on = day_text(workshop_day(part_a.workshop))
    if last < clock.today():
        return (f"Book Part A again: the 4 to 5 weeks for Part B after Part A on {attended_on} "
                f"ended on {day_text(last)}")
    return (f"Book Part B between 4 and 5 weeks after Part A on {attended_on}: "
            f"from {day_text(first)} to {day_text(last)}")


def case_cara_context(user, case: Case) -> dict:
    """The case page's workshop section, for a case on a programme that runs CARA workshops: what he
    needs next, his bookings and breaches, and whether `user` may book him (his side, an open case)."""
    if not Workshop.objects.filter(programme=case.programme_id).exists():
        return {"runs_cara": False}
    return {
        "runs_cara": True,
        "progress": cara_progress(case),
        "bookings": list(case.workshop_bookings.select_related("workshop").order_by("workshop__starts_at", "pk")),
        "breaches": list(case.breaches.select_related("notification", "booking__workshop")),
        "can_book": case.is_open and access.can_book(user, case),
    }


def workshop_register(user, workshop: Workshop) -> list[dict]:
    """The bookings on a workshop `user` may see (access.workshop_get_for), each saying whether
    `user` sees the case on its perpetrator side and so may open it and record attendance."""
    bookings = list(workshop.bookings.select_related("case__perpetrator", "case__programme").order_by("pk"))
    visible = {c.pk: c for c in case_access.case_list_for(user).filter(pk__in=[b.case_id for b in bookings])}
    names = identities_on_cases(user, visible.values())
    rows = []
    for booking in bookings:
        case = visible.get(booking.case_id)
        his_side = case is not None and case_access.can_see_perpetrator_side(user, case)
        rows.append({"booking": booking, "his_side": his_side,
                     "name": names.of(booking.case_id, booking.case.perpetrator_id),
                     "can_record": his_side and booking.status == BookingStatus.BOOKED})
    return rows


def workshop_programmes_for(user) -> QuerySet[Programme]:
    """Programmes with a strand delivered by a provider `user` manages: where they may put on workshops."""
    return Programme.objects.filter(elements__provider__in=access.facilitator_list_for(user)).distinct() \
        .order_by("name")


def workshop_form_choices(user) -> dict:
    """The choices of the form that puts on a workshop: the providers `user` manages (404 for someone
    who manages none) and the programmes those providers deliver."""
    return {"facilitators": access.facilitators_to_run_workshops(user), "programmes": workshop_programmes_for(user)}
