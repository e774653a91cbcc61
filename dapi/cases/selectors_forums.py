"""Reads for forums and Project CARA: the overdue-actions board, open actions, a case's forum and
workshop sections, workshops with their places, and what a CARA case needs next.

Every protected row starts from access.py, so a forum action appears only to someone who sees
its side of its case, and a victim heard at a forum appears by pseudonym only.
"""

from datetime import date, datetime, time

from django.db.models import Count, ExpressionWrapper, F, IntegerField, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dapi.lib import clock
from dapi.accounts.models import Organisation
from dapi.funding.models import Programme

from . import access
from .models import ActionStatus, ForumAction, ForumListing, ForumType, Workshop, WorkshopBooking
from .models.cara import BookingStatus
from .services.cara import LIVE, attended_part_b, day_text, part_b_window, valid_part_a, workshop_day


def _rows(actions, today: date) -> list[dict]:
    return [{"action": a, "days_overdue": max(0, (today - a.due_on).days)} for a in actions]


def overdue_actions(user, today: date, *, forum: ForumType | None = None, owner: Organisation | None = None,
                    ) -> list[dict]:
    """Open actions due before `today` on the sides of the cases `user` may see, most overdue first,
    each with its days overdue; optionally of one forum type and one owning agency."""
    actions = access.forum_action_list_for(user).filter(status=ActionStatus.OPEN, due_on__lt=today)
    if forum is not None:
        actions = actions.filter(listing__forum=forum)
    if owner is not None:
        actions = actions.filter(owner=owner)
    return _rows(actions.order_by("due_on", "pk"), today)


def open_actions(user, today: date) -> list[dict]:
    """Every open action `user` may see, soonest due first (overdue ones first of all)."""
    return _rows(access.forum_action_list_for(user).filter(status=ActionStatus.OPEN).order_by("due_on", "pk"), today)


def action_owners(user) -> QuerySet[Organisation]:
    """The agencies owning actions `user` may see: the choices for the board's owner filter."""
    return Organisation.objects.filter(pk__in=access.forum_action_list_for(user).values("owner")).order_by("name")


def case_forum_context(user, case) -> dict:
    """The case page's forum section: every listing of the case (a victim heard shown by pseudonym),
    with only the actions on the sides `user` sees, and which forums `user` may list the case at."""
    sides = access.sides_for(user, case)
    visible = ForumAction.objects.filter(side__in=sides).select_related("owner").order_by("due_on", "pk")
    listings = access.forum_listing_list_for(user, case).prefetch_related(Prefetch("actions", queryset=visible))
    return {
        "listings": [{"listing": listing, "actions": list(listing.actions.all())} for listing in listings],
        "can_list": ForumType.objects.filter(side__in=sides).exists(),
        "today": clock.today(),
    }


def with_places(workshops: QuerySet[Workshop]) -> QuerySet[Workshop]:
    """Workshops annotated with `taken` and `places_left` (booked or attended places hold one)."""
    taken = Count("bookings", filter=Q(bookings__status__in=LIVE))
    return workshops.annotate(taken=taken, places_left=ExpressionWrapper(F("capacity") - taken,
                                                                          output_field=IntegerField()))


def places_left(workshop: Workshop) -> int:
    return workshop.capacity - workshop.bookings.filter(status__in=LIVE).count()


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def bookable_workshops(case, today: date) -> QuerySet[Workshop]:
    """The case's programme's workshops from `today` on that have a place left, soonest first."""
    return with_places(Workshop.objects.filter(programme=case.programme, starts_at__gte=_start_of(today))) \
        .filter(places_left__gt=0).select_related("programme").order_by("starts_at", "part")


def cara_progress(case) -> str:
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


def case_cara_context(user, case) -> dict:
    """The case page's workshop section, for a case on a programme that runs CARA workshops: what he
    needs next, his bookings and breaches, and whether `user` may book him (his side, an open case)."""
    if not Workshop.objects.filter(programme=case.programme_id).exists():
        return {"runs_cara": False}
    return {
        "runs_cara": True,
        "progress": cara_progress(case),
        "bookings": list(case.workshop_bookings.select_related("workshop").order_by("workshop__starts_at", "pk")),
        "breaches": list(case.breaches.select_related("notification", "booking__workshop")),
        "can_book": case.is_open and access.can_see_perpetrator_side(user, case),
    }


def workshop_register(user, workshop: Workshop) -> list[dict]:
    """The bookings on a workshop `user` may see (access.workshop_get_for), each saying whether
    `user` sees the case on its perpetrator side and so may open it and record attendance."""
    bookings = list(workshop.bookings.select_related("case__perpetrator", "case__programme").order_by("pk"))
    visible = {c.pk: c for c in access.case_list_for(user).filter(pk__in=[b.case_id for b in bookings])}
    rows = []
    for booking in bookings:
        case = visible.get(booking.case_id)
        his_side = case is not None and access.can_see_perpetrator_side(user, case)
        rows.append({"booking": booking, "his_side": his_side,
                     "can_record": his_side and booking.status == BookingStatus.BOOKED})
    return rows


def workshop_facilitators_for(user) -> QuerySet[Organisation]:
    """Organisations whose workshops `user` may put on: the providers they manage."""
    return Organisation.objects.filter(pk__in=access.managed_orgs(user)).order_by("name")


def workshop_programmes_for(user) -> QuerySet[Programme]:
    """Programmes with a strand delivered by a provider `user` manages: where they may put on workshops."""
    return Programme.objects.filter(elements__provider__in=access.managed_orgs(user)).distinct().order_by("name")


# Two lookups made only of access.py's functions (they would sit well in access.py itself).

def booking_get_for(user, booking_id) -> WorkshopBooking:
    """A booking on a workshop `user` may see whose case `user` sees on its perpetrator side; 404
    otherwise, in the same words as for a booking that does not exist."""
    try:
        booking = WorkshopBooking.objects.select_related("workshop", "case").get(pk=int(booking_id))
        access.workshop_get_for(user, booking.workshop_id)
        case = access.case_get_for(user, booking.case_id)
    except (WorkshopBooking.DoesNotExist, ValueError, TypeError, Http404):
        raise Http404("No such booking") from None
    if not access.can_see_perpetrator_side(user, case):
        raise Http404("No such booking")
    return booking


def forum_listing_get_for(user, listing_id) -> ForumListing:
    """A listing of a case `user` may see; 404 otherwise, in the same words as for one that does not exist."""
    try:
        listing = ForumListing.objects.select_related("forum", "member__person").get(pk=int(listing_id))
        listing.case = access.case_get_for(user, listing.case_id)
    except (ForumListing.DoesNotExist, ValueError, TypeError, Http404):
        raise Http404("No such listing") from None
    return listing
