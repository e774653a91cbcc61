"""Project CARA: two workshops 4-5 weeks apart, 12 places, and a missed workshop is a breach."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from dapi.accounts.models import Role
from dapi.cases.models import Breach, PoliceNotification, WorkshopBooking
from dapi.cases.selectors_forums import cara_progress
from dapi.cases.services import ConflictError
from dapi.cases.services.cara import workshop_attendance_record, workshop_booking_create, workshop_create
from dapi.cases.services.cases import case_create
from dapi.cases.services.people import identifying_details_set, person_create
from dapi.funding.models import Programme

from .builders import org, staff

LONDON = ZoneInfo("Europe/London")
HAMPTON = "The Hampton Trust"
PART_A = datetime(2024, 1, 10, 18, 0, tzinfo=LONDON)


@pytest.fixture
def cara(seeded):
    manager = staff("hampton-manager", Role.PROVIDER_MANAGER, HAMPTON)
    programme = Programme.objects.get(slug="greater-manchester-cara")

    def workshop(part, starts_at, capacity=12):
        return workshop_create(programme=programme, part=part, starts_at=starts_at, venue="Synthetic Hall, Bolton",
                               facilitator=org(HAMPTON), by=manager, capacity=capacity)

    def new_case(n=1):
        him = person_create(recorded_by=org(HAMPTON), by=manager, is_synthetic=True)
        identifying_details_set(person=him, by=manager, full_name=f"Synthetic Cautioned Man {n}")
        return case_create(programme=programme, provider=org(HAMPTON), perpetrator=him, referred_on=date(2024, 1, 2),
                           by=manager, police_contact="Synthetic PC Farrow, GMP DA team",
                           police_contact_email="da-team@example.invalid")

    return {"manager": manager, "workshop": workshop, "case": new_case}


def book(cara, workshop, case):
    return workshop_booking_create(workshop=workshop, case=case, by=cara["manager"], booked_on=date(2024, 1, 3))


def attend(cara, booking, attended=True):
    return workshop_attendance_record(booking=booking, attended=attended, by=cara["manager"], version=booking.version)


def test_a_workshop_takes_twelve_and_refuses_the_thirteenth(cara):
    workshop = cara["workshop"]("A", PART_A)
    for n in range(12):
        book(cara, workshop, cara["case"](n))
    with pytest.raises(ValidationError, match="full \\(12 places\\)"):
        book(cara, workshop, cara["case"](13))
    assert workshop.bookings.count() == 12


@pytest.mark.parametrize("days, allowed", [(27, False), (28, True), (35, True), (36, False)])
def test_part_b_is_four_to_five_weeks_after_part_a(cara, days, allowed):
    case = cara["case"]()
    attend(cara, book(cara, cara["workshop"]("A", PART_A), case))
    part_b = cara["workshop"]("B", PART_A + timedelta(days=days))
    if allowed:
        assert book(cara, part_b, case).workshop == part_b
    else:
        with pytest.raises(ValidationError, match=f"this one is {days} days after"):
            book(cara, part_b, case)


def test_part_b_needs_an_attended_part_a(cara):
    case = cara["case"]()
    with pytest.raises(ValidationError, match="needs an attended Part A"):
        book(cara, cara["workshop"]("B", PART_A + timedelta(days=30)), case)


@time_machine.travel("2024-01-10 21:00")
def test_a_missed_workshop_records_a_breach_and_tells_the_police_contact(cara, mailoutbox):
    case = cara["case"]()
    booking = attend(cara, book(cara, cara["workshop"]("A", PART_A), case), attended=False)
    breach = Breach.objects.get()
    assert (booking.status, breach.case, breach.occurred_on) == ("missed", case, date(2024, 1, 10))
    notice = PoliceNotification.objects.get()
    assert notice.recipient == "Synthetic PC Farrow, GMP DA team"
    assert case.reference in notice.message and "Synthetic Cautioned Man" not in notice.message
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["da-team@example.invalid"]
    assert "Synthetic Cautioned Man" not in mailoutbox[0].body + mailoutbox[0].subject
    assert LogEntry.objects.get_for_object(breach).get().actor == cara["manager"]


def test_a_breach_voids_his_bookings_and_both_workshops_are_needed_again(cara):
    case = cara["case"]()
    attend(cara, book(cara, cara["workshop"]("A", PART_A), case))
    part_b = book(cara, cara["workshop"]("B", PART_A + timedelta(days=30)), case)
    attend(cara, part_b, attended=False)
    assert set(case.workshop_bookings.values_list("status", flat=True)) == {"void", "missed"}
    assert cara_progress(case) == "Book Part A"
    with pytest.raises(ValidationError):
        book(cara, cara["workshop"]("B", PART_A + timedelta(days=31)), case)
    new_a = cara["workshop"]("A", PART_A + timedelta(days=40))
    attend(cara, book(cara, new_a, case))
    assert cara_progress(case).startswith("Book Part B between")


def test_progress_reads_as_the_next_step(cara):
    case = cara["case"]()
    assert cara_progress(case) == "Book Part A"
    booking = book(cara, cara["workshop"]("A", PART_A), case)
    assert cara_progress(case) == "Booked on Part A, 10 Jan 2024"
    attend(cara, booking)
    assert cara_progress(case) == ("Book Part B between 7 Feb 2024 and 14 Feb 2024 "
                                   "(4 to 5 weeks after Part A on 10 Jan 2024)")
    attend(cara, book(cara, cara["workshop"]("B", PART_A + timedelta(days=29)), case))
    assert cara_progress(case) == "Both workshops attended"


def test_attendance_cannot_be_recorded_twice_or_over_a_newer_version(cara):
    case = cara["case"]()
    booking = book(cara, cara["workshop"]("A", PART_A), case)
    stale = WorkshopBooking.objects.get(pk=booking.pk)
    attend(cara, booking)
    with pytest.raises(ConflictError):
        workshop_attendance_record(booking=stale, attended=False, by=cara["manager"], version=stale.version)
    with pytest.raises(ValidationError, match="already recorded"):
        attend(cara, booking)


def test_the_workshop_page_records_attendance_and_others_get_404(cara, client_for, cast):
    case = cara["case"]()
    workshop = cara["workshop"]("A", PART_A)
    booking = book(cara, workshop, case)
    client = client_for(cara["manager"])
    page = client.get(reverse("cara:workshop_detail", args=[workshop.pk])).content.decode()
    assert case.reference in page and "11 of 12 places left" in page
    client.post(reverse("cara:attendance", args=[booking.pk]), {f"b{booking.pk}-attended": "yes",
                                                                f"b{booking.pk}-version": booking.version})
    assert WorkshopBooking.objects.get().status == "attended"
    for username in ("provider-manager", "perpetrator-worker", "commissioner", "police-analyst"):
        assert client_for(cast[username]).get(reverse("cara:workshop_detail", args=[workshop.pk])).status_code == 404
        assert client_for(cast[username]).get(reverse("cara:book", args=[case.pk])).status_code == 404
