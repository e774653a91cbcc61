"""Project CARA at volume for the demo: the Part A and Part B workshops its demo men were booked
on, their attendance and, for a missed workshop, the breach (see volume.py)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from dapi.cases.cara.models import Breach, BookingStatus, Workshop, WorkshopBooking, WorkshopPart
from dapi.lib import clock

CAPACITY = 12


def workshops_and_bookings(booked: list) -> dict:
    """A Part A and a Part B workshop on each day a CARA man was booked (his Part A, his Part B),
    at most 12 a workshop, with his attendance and, where he missed one, the breach."""
    if not booked:
        return {"workshops": 0, "bookings": 0, "breaches": 0}
    hampton = booked[0][1].provider
    zone = timezone.get_current_timezone()
    workshops: dict[tuple[str, date, int], Workshop] = {}
    seats: dict[tuple[str, date, int], int] = {}
    plans = []
    for p, case in booked:
        for part, day in ((WorkshopPart.A, p.extra["part_a"]), (WorkshopPart.B, p.extra["part_b"])):
            slot = 0
            while seats.get((part, day, slot), 0) >= CAPACITY:
                slot += 1
            key = (part, day, slot)
            seats[key] = seats.get(key, 0) + 1
            if key not in workshops:
                workshops[key] = Workshop(programme=case.programme, part=part, facilitator=hampton,
                                          starts_at=datetime.combine(day, time(18 + slot % 2), tzinfo=zone),
                                          venue=f"{p.area.removesuffix(' CSP')} community venue (demo)")
            plans.append((p, case, part, day, key))
    Workshop.objects.bulk_create(workshops.values())
    today = clock.today()
    bookings, breaches = [], []
    for p, case, part, day, key in plans:
        missed = p.extra.get("missed") == part
        if part == WorkshopPart.B and p.extra.get("missed") == "A":
            continue  # void after the breach: not booked on Part B
        status = BookingStatus.BOOKED if day > today else (BookingStatus.MISSED if missed else BookingStatus.ATTENDED)
        booking = WorkshopBooking(workshop=workshops[key], case=case, status=status,
                                  booked_on=min(day - timedelta(days=10), today))
        bookings.append(booking)
        if status == BookingStatus.MISSED:
            breaches.append(Breach(case=case, booking=booking, occurred_on=day))
    WorkshopBooking.objects.bulk_create(bookings)
    Breach.objects.bulk_create(breaches)
    return {"workshops": len(workshops), "bookings": len(bookings), "breaches": len(breaches)}
