"""Reads for forums and CARA: the overdue-actions board, a case's forum and workshop sections,
and what a CARA case needs next. Everything starts from access.py."""

from datetime import date, timedelta

from django.utils import timezone

from . import access
from .models import ActionStatus, ForumType, Side, Workshop, WorkshopPart
from .models.cara import BookingStatus
from .services.cara import GAP_MAX, GAP_MIN, valid_part_a


def overdue_actions(user, today: date, *, forum: ForumType | None = None, owner=None) -> list[dict]:
    """Open actions past their due date on the sides of the cases `user` may see, most overdue first."""
    actions = access.forum_action_list_for(user).filter(status=ActionStatus.OPEN, due_on__lt=today)
    if forum is not None:
        actions = actions.filter(listing__forum=forum)
    if owner is not None:
        actions = actions.filter(owner=owner)
    return [{"action": a, "days_overdue": (today - a.due_on).days} for a in actions.order_by("due_on", "pk")]


def case_forum_context(user, case) -> dict:
    sides = access.sides_for(user, case)
    return {
        "listings": [{"listing": listing, "actions": [a for a in listing.actions.all() if a.side in sides]}
                     for listing in access.forum_listing_list_for(user, case).prefetch_related("actions__owner")],
        "can_list": bool(sides),
    }


def cara_progress(case) -> str:
    """What the case needs next on Project CARA, in words."""
    part_a = valid_part_a(case)
    if part_a is None:
        booked = case.workshop_bookings.filter(status=BookingStatus.BOOKED, workshop__part=WorkshopPart.A).first()
        return f"Booked on Part A, {booked.workshop.starts_at:%-d %b %Y}" if booked else "Book Part A"
    b = case.workshop_bookings.filter(workshop__part=WorkshopPart.B, workshop__starts_at__gt=part_a.workshop.starts_at,
                                      status__in=(BookingStatus.BOOKED, BookingStatus.ATTENDED)).first()
    if b and b.status == BookingStatus.ATTENDED:
        return "Both workshops attended"
    if b:
        return f"Booked on Part B, {b.workshop.starts_at:%-d %b %Y}"
    start = timezone.localtime(part_a.workshop.starts_at).date()
    return (f"Book Part B between {start + GAP_MIN:%-d %b %Y} and {start + GAP_MAX:%-d %b %Y} "
            f"(4 to 5 weeks after Part A on {start:%-d %b %Y})")


def case_cara_context(user, case) -> dict:
    """The workshop section, for cases on a programme that runs CARA workshops."""
    if not Workshop.objects.filter(programme=case.programme).exists():
        return {"runs_cara": False}
    perpetrator_side = Side.PERPETRATOR in access.sides_for(user, case)
    open_workshops = []
    if perpetrator_side:
        now = timezone.now()
        open_workshops = list(Workshop.objects.filter(programme=case.programme, starts_at__gte=now - timedelta(days=1))
                              .order_by("starts_at")[:10])
    return {"runs_cara": True, "progress": cara_progress(case), "perpetrator_side": perpetrator_side,
            "bookings": case.workshop_bookings.select_related("workshop").order_by("workshop__starts_at"),
            "breaches": case.breaches.select_related("notification"), "workshops": open_workshops}


def places_left(workshop: Workshop) -> int:
    return workshop.capacity - workshop.bookings.filter(
        status__in=(BookingStatus.BOOKED, BookingStatus.ATTENDED)).count()
