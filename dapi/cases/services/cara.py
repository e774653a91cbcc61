from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dapi.audit.services import acting_as

from ..models import Breach, PoliceNotification, Workshop, WorkshopBooking, WorkshopPart
from ..models.cara import BookingStatus
from . import ConflictError

GAP_MIN, GAP_MAX = timedelta(weeks=4), timedelta(weeks=5)  # Part B 4-5 weeks after Part A


@transaction.atomic
def workshop_create(*, programme, part: str, starts_at: datetime, venue: str, facilitator, by,
                    capacity: int = 12) -> Workshop:
    """A CARA workshop session; providers' managers and facilitators (views check)."""
    workshop = Workshop(programme=programme, part=part, starts_at=starts_at, venue=venue, facilitator=facilitator,
                        capacity=capacity)
    workshop.full_clean()
    with acting_as(by):
        workshop.save()
    return workshop


def _latest_breach_at(case):
    breach = case.breaches.select_related("booking__workshop").order_by("-occurred_on", "-pk").first()
    return breach.booking.workshop.starts_at if breach else None


def valid_part_a(case) -> WorkshopBooking | None:
    """The attended Part A that counts now: after his latest breach, if any."""
    after = _latest_breach_at(case)
    attended = case.workshop_bookings.filter(workshop__part=WorkshopPart.A, status=BookingStatus.ATTENDED)
    if after:
        attended = attended.filter(workshop__starts_at__gt=after)
    return attended.select_related("workshop").order_by("-workshop__starts_at").first()


@transaction.atomic
def workshop_booking_create(*, workshop: Workshop, case, by, booked_on: date) -> WorkshopBooking:
    """Book a case onto a workshop. Refuses a full workshop, a double booking, a second Part A
    while one stands, and a Part B that is not 4-5 weeks after his valid Part A."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)  # one booking of the last place at a time
    live = workshop.bookings.filter(status__in=(BookingStatus.BOOKED, BookingStatus.ATTENDED)).count()
    if live >= workshop.capacity:
        raise ValidationError({"workshop": f"This workshop is full ({workshop.capacity} places)."})
    if case.workshop_bookings.filter(status=BookingStatus.BOOKED).exists():
        raise ValidationError({"workshop": "He is already booked on a workshop; record it before booking another."})
    part_a = valid_part_a(case)
    if workshop.part == WorkshopPart.A and part_a is not None:
        raise ValidationError({"workshop": f"He attended Part A on {part_a.workshop.starts_at:%-d %b %Y}; "
                                           "book Part B."})
    if workshop.part == WorkshopPart.B:
        if part_a is None:
            raise ValidationError({"workshop": "Part B needs an attended Part A first."})
        gap = workshop.starts_at - part_a.workshop.starts_at
        if not (GAP_MIN <= gap <= GAP_MAX):
            raise ValidationError({"workshop": f"Part B must be 4 to 5 weeks after his Part A on "
                                               f"{part_a.workshop.starts_at:%-d %b %Y}; this one is "
                                               f"{gap.days} days after."})
    booking = WorkshopBooking(workshop=workshop, case=case, booked_on=booked_on)
    booking.full_clean()
    with acting_as(by):
        booking.save()
    return booking


@transaction.atomic
def workshop_attendance_record(*, booking: WorkshopBooking, attended: bool, by, version: int) -> WorkshopBooking:
    """Attended, or missed: a missed workshop is a breach of the caution's conditions. The breach
    is recorded, the case's police contact told (recorded, and emailed when an address is held;
    the message carries references only), and his other bookings void: both workshops again."""
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError({"status": f"Attendance is already recorded as {booking.get_status_display().lower()}."})
    with acting_as(by):
        if not WorkshopBooking.objects.filter(pk=booking.pk, version=version).update(version=F("version") + 1):
            raise ConflictError("Attendance was recorded by someone else after you opened this. Reload it.")
        booking.version = version + 1
        booking.status = BookingStatus.ATTENDED if attended else BookingStatus.MISSED
        booking.save()
        if attended:
            return booking
        case, workshop = booking.case, booking.workshop
        breach = Breach.objects.create(case=case, booking=booking, occurred_on=timezone.localtime(workshop.starts_at).date())
        for other in case.workshop_bookings.exclude(pk=booking.pk).filter(
                status__in=(BookingStatus.BOOKED, BookingStatus.ATTENDED)):
            other.status = BookingStatus.VOID
            other.save()
        message = (f"Project CARA breach: case {case.reference} ({case.programme.name}) did not attend "
                   f"{workshop.get_part_display()} on {timezone.localtime(workshop.starts_at):%-d %b %Y}. "
                   f"Both workshops are now required again. Contact {case.provider.name} for details.")
        PoliceNotification.objects.create(case=case, breach=breach, sent_at=timezone.now(),
                                          recipient=case.police_contact or "Police contact not recorded on the case",
                                          recipient_email=case.police_contact_email, message=message)
        if case.police_contact_email:
            send_mail(f"CARA breach: case {case.reference}", message, settings.DEFAULT_FROM_EMAIL,
                      [case.police_contact_email])
    return booking
