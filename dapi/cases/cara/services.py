"""Project CARA: two workshops under a conditional or diversionary caution, Part B 4 to 5 weeks
after Part A, at most 12 people a session. Missing one breaches the caution: the breach is
recorded, the case's police contact told, and both workshops are needed again (DOMAIN.md §6).

Each write checks its `by` through cara/access.py (`by=None` is the system): workshops are put on
by managers of the facilitating provider; bookings need the case's perpetrator side, attendance
also the workshop's provider; a refusal raises Http404 and writes nothing. Messages name case
references, workshop parts and dates, never a person.
"""

import smtplib
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from dapi.audit.services import acting_as
from dapi.lib import clock
from dapi.lib.access import is_system, require
from dapi.lib.errors import ConflictError

from ..models import Case
from . import access
from .models import BookingStatus, Breach, PoliceNotification, Workshop, WorkshopBooking, WorkshopPart

MAX_PLACES = 12
PART_B_MIN_DAYS, PART_B_MAX_DAYS = 28, 35  # 4 to 5 weeks, counted in calendar days
LIVE = (BookingStatus.BOOKED, BookingStatus.ATTENDED)  # the bookings that hold a place


def workshop_day(workshop: Workshop) -> date:
    """The workshop's date where it is held (a Part B's 4-5 weeks are counted in these)."""
    return timezone.localtime(workshop.starts_at).date()


def day_text(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


@transaction.atomic
def workshop_create(*, programme, part: str, starts_at: datetime, venue: str, facilitator, by,
                    capacity: int = MAX_PLACES) -> Workshop:
    """Put on a workshop session of `programme`, run by `facilitator`, with up to 12 places.
    Who may: managers of the facilitating provider (`access.can_run_workshops`)."""
    require(is_system(by) or access.can_run_workshops(by, facilitator), "No such organisation")
    if not 1 <= capacity <= MAX_PLACES:
        raise ValidationError({"capacity": f"A CARA workshop takes from 1 to {MAX_PLACES} people."})
    workshop = Workshop(programme=programme, part=part, starts_at=starts_at, venue=venue.strip(),
                        facilitator=facilitator, capacity=capacity)
    workshop.full_clean()
    with acting_as(by):
        workshop.save()
    return workshop


def valid_part_a(case) -> WorkshopBooking | None:
    """The attended Part A that counts now: the latest one after his latest breach, if any."""
    attended = case.workshop_bookings.filter(workshop__part=WorkshopPart.A, status=BookingStatus.ATTENDED)
    breach = case.breaches.select_related("booking__workshop").order_by("-occurred_on", "-pk").first()
    if breach is not None:
        attended = attended.filter(workshop__starts_at__gt=breach.booking.workshop.starts_at)
    return attended.select_related("workshop").order_by("-workshop__starts_at").first()


def part_b_window(part_a: WorkshopBooking) -> tuple[date, date]:
    """The first and last day a Part B may be held after this attended Part A."""
    start = workshop_day(part_a.workshop)
    return start + timedelta(days=PART_B_MIN_DAYS), start + timedelta(days=PART_B_MAX_DAYS)


def attended_part_b(case, part_a: WorkshopBooking) -> WorkshopBooking | None:
    return case.workshop_bookings.filter(workshop__part=WorkshopPart.B, status=BookingStatus.ATTENDED,
                                         workshop__starts_at__gt=part_a.workshop.starts_at).first()


def _refusal(workshop: Workshop, case: Case, booked_on: date) -> str | None:
    """Why `case` cannot have a place on `workshop`, or None. Called with both rows locked."""
    ref, when = case.reference, day_text(workshop_day(workshop))
    if workshop.programme_id != case.programme_id:
        return f"This workshop belongs to {workshop.programme.name}; case {ref} is on {case.programme.name}."
    if not case.is_open:
        return f"Case {ref} is {case.get_status_display().lower()}: only an open case can be booked."
    if workshop_day(workshop) < booked_on:
        return f"This workshop was on {when}, before {day_text(booked_on)}: choose one that is still to come."
    same = case.workshop_bookings.filter(workshop=workshop).first()
    if same is not None:
        return f"Case {ref} already has a booking on this workshop ({same.get_status_display().lower()})."
    pending = case.workshop_bookings.filter(status=BookingStatus.BOOKED).select_related("workshop").first()
    if pending is not None:
        return (f"Case {ref} is already booked on {pending.workshop.get_part_display()} on "
                f"{day_text(workshop_day(pending.workshop))}: record that attendance before booking another.")
    if workshop.bookings.filter(status__in=LIVE).count() >= workshop.capacity:
        return f"This workshop is full: all {workshop.capacity} places are taken."
    part_a = valid_part_a(case)
    if part_a is None:
        return None if workshop.part == WorkshopPart.A else (
            f"Part B comes after Part A: case {ref} has no attended Part A that still counts.")
    if attended_part_b(case, part_a):
        return f"Case {ref} has attended both workshops."
    attended_on, (first, last) = day_text(workshop_day(part_a.workshop)), part_b_window(part_a)
    if workshop.part == WorkshopPart.A:
        # Once his weeks for Part B have passed without one, he starts again with Part A.
        return None if last < booked_on else (
            f"Case {ref} attended Part A on {attended_on}: book Part B, from {day_text(first)} to {day_text(last)}.")
    gap = (workshop_day(workshop) - workshop_day(part_a.workshop)).days
    if not PART_B_MIN_DAYS <= gap <= PART_B_MAX_DAYS:
        return (f"Part B must be 4 to 5 weeks after Part A on {attended_on}, from {day_text(first)} to "
                f"{day_text(last)}; this workshop is {gap} days after it.")
    return None


@transaction.atomic
def workshop_booking_create(*, workshop: Workshop, case, by, booked_on: date) -> WorkshopBooking:
    """Give `case` a place on `workshop`. Refuses a full workshop (the workshop row is locked, so
    two bookings cannot both take the last place), a second booking while one is pending, a Part A
    while an attended Part A still counts, and a Part B unless he attended a Part A after his latest
    breach and this Part B is 28 to 35 days after it. Who may: someone who sees the case's
    perpetrator side (`access.can_book`)."""
    require(is_system(by) or access.can_book(by, case), "No such case")
    # Lock the case (one booking of his at a time) and the workshop (one booking of its last place at a time).
    case = Case.objects.select_for_update(of=("self",)).select_related("programme").get(pk=case.pk)
    workshop = Workshop.objects.select_for_update(of=("self",)).select_related("programme").get(pk=workshop.pk)
    refusal = _refusal(workshop, case, booked_on)
    if refusal:
        raise ValidationError({"workshop": refusal})
    booking = WorkshopBooking(workshop=workshop, case=case, booked_on=booked_on)
    booking.full_clean()
    with acting_as(by):
        booking.save()
    return booking


def _notice(case: Case, workshop: Workshop) -> str:
    # References only: the police contact looks the case up; no name or address leaves the system.
    return (f"Project CARA breach. Case {case.reference} ({case.programme.name}) did not attend "
            f"{workshop.get_part_display()} on {day_text(workshop_day(workshop))}. "
            f"Both workshops are now required again.")


@transaction.atomic
def workshop_attendance_record(*, booking: WorkshopBooking, attended: bool, by, version: int) -> WorkshopBooking:
    """Record that the booked case attended, or missed, the workshop, on or after its day. A missed
    workshop is a breach of the caution: the breach is recorded, a notice to the case's police
    contact is recorded (and emailed when the case holds an address; the notice carries the case
    reference, programme, part and date only), and his other booked or attended workshops become
    void, so both are needed again. If the email cannot be sent nothing is recorded. `version` is
    the booking's version the user started from (ConflictError if it moved). Who may: staff of
    the facilitating provider who see the case's perpetrator side (`access.can_record_attendance`)."""
    require(is_system(by) or access.can_record_attendance(by, booking), "No such booking")
    case = Case.objects.select_for_update(of=("self",)).select_related("programme").get(pk=booking.case_id)
    current = WorkshopBooking.objects.select_for_update(of=("self",)).select_related("workshop").get(pk=booking.pk)
    if current.version != version:
        raise ConflictError(f"Someone else recorded this booking for case {case.reference} after you opened the "
                            f"page (it is now {current.get_status_display().lower()}). Reload the page.")
    workshop = current.workshop
    if current.status != BookingStatus.BOOKED:
        raise ValidationError({"attended": f"Attendance is already recorded: "
                                           f"{current.get_status_display().lower()}."})
    if workshop_day(workshop) > clock.today():
        raise ValidationError({"attended": f"This workshop is on {day_text(workshop_day(workshop))}: record "
                                           f"attendance on or after that day."})
    current.status = BookingStatus.ATTENDED if attended else BookingStatus.MISSED
    current.version = version + 1
    current.full_clean()
    with acting_as(by):
        current.save()
        if not attended:
            _breach(case, current, workshop)
    booking.status, booking.version = current.status, current.version
    return booking


def _breach(case: Case, booking: WorkshopBooking, workshop: Workshop) -> None:
    """The breach, the void bookings and the police notice, inside the caller's transaction."""
    breach = Breach(case=case, booking=booking, occurred_on=workshop_day(workshop))
    breach.full_clean()
    breach.save()
    for other in case.workshop_bookings.exclude(pk=booking.pk).filter(status__in=LIVE):
        other.status = BookingStatus.VOID
        other.version += 1
        other.save()
    message = _notice(case, workshop)
    recipient = case.police_contact or f"No police contact is recorded on case {case.reference}"
    notice = PoliceNotification(case=case, breach=breach, sent_at=timezone.now(), message=message,
                                recipient=recipient, recipient_email=case.police_contact_email)
    notice.full_clean()
    notice.save()
    if case.police_contact_email:
        try:
            send_mail(f"Project CARA breach: case {case.reference}", message, settings.DEFAULT_FROM_EMAIL,
                      [case.police_contact_email])
        except (OSError, smtplib.SMTPException) as e:
            raise ValidationError({"attended": f"The breach could not be emailed to the police contact ({e}), "
                                               f"so nothing was recorded. Try again, or ask an administrator "
                                               f"to check the email settings."}) from e
