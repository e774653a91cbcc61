"""Project CARA: two workshops 4 to 5 weeks apart, 12 places, and a missed workshop is a breach
that tells the police contact and needs both workshops again."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from dapi.accounts.models import Role
from dapi.cases.models import Breach, PoliceNotification, WorkshopBooking
from dapi.cases.cara.selectors import cara_progress
from dapi.lib.errors import ConflictError
from dapi.cases.cara.services import workshop_attendance_record, workshop_booking_create, workshop_create
from dapi.cases.services.cases import case_change_status, case_create
from dapi.cases.services.people import identifying_details_set, person_create
from dapi.funding.models import Programme

from dapi.cases.tests.builders import org, staff

LONDON = ZoneInfo("Europe/London")
HAMPTON = "The Hampton Trust"
PART_A = datetime(2024, 1, 10, 18, 0, tzinfo=LONDON)
HIS_NAME = "Synthetic Cautioned Man"
POLICE_CONTACT = "Synthetic PC Farrow, GMP DA team"


class Cara:
    """A Hampton Trust manager, workshops and cautioned men on Greater Manchester's Project CARA."""

    def __init__(self):
        self.manager = staff("hampton-manager", Role.PROVIDER_MANAGER, HAMPTON)
        self.programme = Programme.objects.get(slug="greater-manchester-cara")
        self.made = 0

    def workshop(self, part, starts_at, capacity=12, programme=None):
        return workshop_create(programme=programme or self.programme, part=part, starts_at=starts_at,
                               venue="Synthetic Hall, Bolton", facilitator=org(HAMPTON), by=self.manager,
                               capacity=capacity)

    def case(self, *, email="da-team@example.invalid", victim_service=None):
        self.made += 1
        him = person_create(recorded_by=org(HAMPTON), by=self.manager, is_synthetic=True)
        identifying_details_set(person=him, by=self.manager, full_name=f"{HIS_NAME} {self.made}",
                                address=f"{self.made} Synthetic Street, Bolton")
        return case_create(programme=self.programme, provider=org(HAMPTON), perpetrator=him,
                           referred_on=date(2024, 1, 2), by=self.manager, police_contact=POLICE_CONTACT,
                           police_contact_email=email, victim_service=victim_service)

    def book(self, workshop, case, booked_on=date(2024, 1, 3)):
        return workshop_booking_create(workshop=workshop, case=case, by=self.manager, booked_on=booked_on)

    def attend(self, booking, attended=True):
        return workshop_attendance_record(booking=booking, attended=attended, by=self.manager,
                                          version=booking.version)


@pytest.fixture
def cara(seeded):
    return Cara()


@pytest.fixture(autouse=True)
def after_the_workshops():
    """Attendance is recorded on or after a workshop's day: these tests run in June 2024."""
    with time_machine.travel(datetime(2024, 6, 3, 9, 0, tzinfo=LONDON), tick=False):
        yield


# -- places ---------------------------------------------------------------------------------------

def test_a_workshop_takes_twelve_and_refuses_the_thirteenth(cara):
    workshop = cara.workshop("A", PART_A)
    for _ in range(12):
        cara.book(workshop, cara.case())
    with pytest.raises(ValidationError, match="This workshop is full: all 12 places are taken"):
        cara.book(workshop, cara.case())
    assert workshop.bookings.count() == 12


def test_a_workshop_has_at_most_twelve_places(cara):
    with pytest.raises(ValidationError, match="from 1 to 12 people"):
        cara.workshop("A", PART_A, capacity=13)
    assert cara.workshop("A", PART_A, capacity=8).capacity == 8


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite takes its write lock at BEGIN IMMEDIATE; the row lock matters on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_bookings_at_once_cannot_both_take_the_last_place(cara):
    workshop = cara.workshop("A", PART_A, capacity=1)
    first, second = cara.case(), cara.case()
    outcome = {}

    def book_the_second():
        try:
            outcome["booking"] = cara.book(workshop, second)
        except ValidationError as e:
            outcome["refused"] = str(e)
        finally:
            connection.close()

    with transaction.atomic():
        cara.book(workshop, first)
        other = threading.Thread(target=book_the_second)
        other.start()
        other.join(timeout=1)
        assert other.is_alive(), "the second booking should wait for the first to commit"
    other.join(timeout=10)
    assert "full" in outcome.get("refused", "") and workshop.bookings.count() == 1


# -- Part B 4 to 5 weeks after Part A -------------------------------------------------------------

@pytest.mark.parametrize("days, allowed", [(27, False), (28, True), (35, True), (36, False)])
def test_part_b_is_four_to_five_weeks_after_part_a(cara, days, allowed):
    case = cara.case()
    cara.attend(cara.book(cara.workshop("A", PART_A), case))
    part_b = cara.workshop("B", PART_A + timedelta(days=days))
    if allowed:
        assert cara.book(part_b, case).workshop == part_b
    else:
        with pytest.raises(ValidationError, match=f"from 7 Feb 2024 to 14 Feb 2024; this workshop is {days} days"):
            cara.book(part_b, case)
        assert not case.workshop_bookings.filter(workshop=part_b).exists()


def test_the_weeks_are_counted_in_days_where_the_workshops_are_held(cara):
    """Part A in March (GMT) and Part B four weeks later (BST, at 10am) are 27 days and some hours
    apart by the clock, and 28 days apart on the calendar: allowed."""
    case = cara.case()
    part_a = datetime(2024, 3, 20, 18, 0, tzinfo=LONDON)
    cara.attend(cara.book(cara.workshop("A", part_a), case, booked_on=date(2024, 3, 1)))
    part_b = cara.workshop("B", datetime(2024, 4, 17, 10, 0, tzinfo=LONDON))
    assert part_b.starts_at - part_a < timedelta(days=28)
    assert cara.book(part_b, case, booked_on=date(2024, 3, 21)).workshop == part_b


def test_part_b_needs_an_attended_part_a(cara):
    case = cara.case()
    part_a = cara.book(cara.workshop("A", PART_A), case)
    with pytest.raises(ValidationError, match="already booked on Part A on 10 Jan 2024"):
        cara.book(cara.workshop("B", PART_A + timedelta(days=30)), case)
    cara.attend(part_a, attended=False)
    with pytest.raises(ValidationError, match="Part B comes after Part A: case .* has no attended Part A"):
        cara.book(cara.workshop("B", PART_A + timedelta(days=31)), case)


def test_part_a_is_refused_while_his_part_a_still_counts(cara):
    case = cara.case()
    cara.attend(cara.book(cara.workshop("A", PART_A), case))
    with pytest.raises(ValidationError, match="attended Part A on 10 Jan 2024: book Part B, from 7 Feb 2024"):
        cara.book(cara.workshop("A", PART_A + timedelta(days=21)), case, booked_on=date(2024, 1, 20))


def test_once_the_part_b_weeks_have_passed_he_starts_again_with_part_a(cara):
    case = cara.case()
    cara.attend(cara.book(cara.workshop("A", PART_A), case))
    assert cara_progress(case) == ("Book Part A again: the 4 to 5 weeks for Part B after Part A on 10 Jan 2024 "
                                   "ended on 14 Feb 2024")
    again = cara.book(cara.workshop("A", PART_A + timedelta(days=42)), case, booked_on=date(2024, 2, 15))
    cara.attend(again)
    with time_machine.travel(datetime(2024, 2, 22, 9, 0, tzinfo=LONDON), tick=False):
        assert cara_progress(case).startswith("Book Part B between 4 and 5 weeks after Part A on 21 Feb 2024")


def test_a_case_is_never_booked_twice_at_once(cara):
    case = cara.case()
    workshop = cara.workshop("A", PART_A)
    cara.book(workshop, case)
    with pytest.raises(ValidationError, match="already has a booking on this workshop"):
        cara.book(workshop, case)
    with pytest.raises(ValidationError, match="already booked on Part A on 10 Jan 2024: record that attendance"):
        cara.book(cara.workshop("A", PART_A + timedelta(days=7)), case)
    assert case.workshop_bookings.count() == 1


def test_a_booking_must_suit_the_case_and_the_date(cara, cast):
    case = cara.case()
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    with pytest.raises(ValidationError, match="belongs to Cleveland"):
        cara.book(cara.workshop("A", PART_A, programme=cleveland), case)
    with pytest.raises(ValidationError, match="This workshop was on 10 Jan 2024, before 11 Jan 2024"):
        cara.book(cara.workshop("A", PART_A), case, booked_on=date(2024, 1, 11))
    case_change_status(case=case, to="closed", on=date(2024, 1, 5), by=cara.manager, version=case.version,
                       exit_reason="other", reason="Synthetic: caution withdrawn")
    with pytest.raises(ValidationError, match="is closed: only an open case can be booked"):
        cara.book(cara.workshop("A", PART_A + timedelta(days=7)), case)
    assert not WorkshopBooking.objects.exists()


# -- attendance and breaches -----------------------------------------------------------------------

def test_a_missed_workshop_records_a_breach_and_tells_the_police_contact(cara, mailoutbox):
    case = cara.case()
    booking = cara.attend(cara.book(cara.workshop("A", PART_A), case), attended=False)
    breach = Breach.objects.get()
    assert (booking.status, breach.case, breach.booking, breach.occurred_on) == ("missed", case, booking,
                                                                               date(2024, 1, 10))
    notice = PoliceNotification.objects.get()
    assert (notice.case, notice.breach, notice.recipient, notice.recipient_email) == (
        case, breach, POLICE_CONTACT, "da-team@example.invalid")
    assert notice.message == (f"Project CARA breach. Case {case.reference} ({cara.programme.name}) did not attend "
                              f"Part A on 10 Jan 2024. Both workshops are now required again.")
    assert [m.to for m in mailoutbox] == [["da-team@example.invalid"]]
    assert mailoutbox[0].subject == f"Project CARA breach: case {case.reference}"
    assert mailoutbox[0].body == notice.message


def test_the_breach_notice_carries_no_name_or_address(cara, mailoutbox):
    case = cara.case()
    cara.attend(cara.book(cara.workshop("A", PART_A), case), attended=False)
    notice = PoliceNotification.objects.get()
    details = case.perpetrator.identifying_details
    sent = mailoutbox[0].subject + mailoutbox[0].body
    for text in (notice.message, sent):
        assert case.reference in text and "Part A" in text and "10 Jan 2024" in text
        for secret in (details.full_name, details.address, HIS_NAME, "Synthetic Street", POLICE_CONTACT):
            assert secret not in text


def test_without_an_email_address_the_notice_is_recorded_and_nothing_sent(cara, mailoutbox):
    case = cara.case(email="")
    cara.attend(cara.book(cara.workshop("A", PART_A), case), attended=False)
    assert PoliceNotification.objects.get().recipient == POLICE_CONTACT
    assert mailoutbox == []


def test_a_notice_that_cannot_be_emailed_leaves_nothing_recorded(cara, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens there
    case = cara.case()
    booking = cara.book(cara.workshop("A", PART_A), case)
    with pytest.raises(ValidationError, match="could not be emailed to the police contact .* nothing was recorded"):
        cara.attend(booking, attended=False)
    assert WorkshopBooking.objects.get().status == "booked"
    assert not Breach.objects.exists() and not PoliceNotification.objects.exists()


def test_a_breach_voids_his_bookings_and_both_workshops_are_needed_again(cara):
    case = cara.case()
    part_a = cara.attend(cara.book(cara.workshop("A", PART_A), case))
    part_b = cara.attend(cara.book(cara.workshop("B", PART_A + timedelta(days=30)), case), attended=False)
    assert WorkshopBooking.objects.get(pk=part_a.pk).status == "void"
    assert WorkshopBooking.objects.get(pk=part_b.pk).status == "missed"
    assert cara_progress(case) == "Book Part A"
    with pytest.raises(ValidationError, match="no attended Part A that still counts"):
        cara.book(cara.workshop("B", PART_A + timedelta(days=35)), case)
    new_a = cara.attend(cara.book(cara.workshop("A", PART_A + timedelta(days=44)), case))
    with time_machine.travel(datetime(2024, 2, 24, 9, 0, tzinfo=LONDON), tick=False):
        assert cara_progress(case) == ("Book Part B between 4 and 5 weeks after Part A on 23 Feb 2024: "
                                       "from 22 Mar 2024 to 29 Mar 2024")
    assert new_a.status == "attended"


def test_attendance_is_recorded_on_or_after_the_workshop_day(cara):
    booking = cara.book(cara.workshop("A", PART_A), cara.case())
    with time_machine.travel(datetime(2024, 1, 9, 20, 0, tzinfo=LONDON), tick=False):
        with pytest.raises(ValidationError, match="This workshop is on 10 Jan 2024: record attendance on or after"):
            cara.attend(booking, attended=False)
    assert not Breach.objects.exists()
    with time_machine.travel(datetime(2024, 1, 10, 20, 30, tzinfo=LONDON), tick=False):
        assert cara.attend(booking).status == "attended"


def test_attendance_cannot_be_recorded_twice_or_over_someone_elses(cara):
    booking = cara.book(cara.workshop("A", PART_A), cara.case())
    stale = WorkshopBooking.objects.get(pk=booking.pk)
    cara.attend(booking)
    with pytest.raises(ConflictError, match=r"Someone else recorded this booking .* \(it is now attended\)"):
        workshop_attendance_record(booking=stale, attended=False, by=cara.manager, version=stale.version)
    with pytest.raises(ValidationError, match="already recorded: attended"):
        cara.attend(booking)
    assert not Breach.objects.exists()


def test_progress_reads_as_the_next_step(cara):
    case = cara.case()
    assert cara_progress(case) == "Book Part A"
    booking = cara.book(cara.workshop("A", PART_A), case)
    assert cara_progress(case) == "Booked on Part A on 10 Jan 2024"
    cara.attend(booking)
    with time_machine.travel(datetime(2024, 1, 11, 9, 0, tzinfo=LONDON), tick=False):
        assert cara_progress(case) == ("Book Part B between 4 and 5 weeks after Part A on 10 Jan 2024: "
                                       "from 7 Feb 2024 to 14 Feb 2024")
    part_b = cara.book(cara.workshop("B", PART_A + timedelta(days=29)), case)
    assert cara_progress(case) == "Booked on Part B on 8 Feb 2024"
    cara.attend(part_b)
    assert cara_progress(case) == "Both workshops attended"
    with pytest.raises(ValidationError, match="has attended both workshops"):
        cara.book(cara.workshop("A", PART_A + timedelta(days=60)), case, booked_on=date(2024, 3, 1))


# -- audit ----------------------------------------------------------------------------------------

def test_every_cara_write_is_audited_with_its_actor(cara):
    workshop = cara.workshop("A", PART_A)
    case = cara.case()
    booking = cara.attend(cara.book(workshop, case), attended=False)
    breach, notice = Breach.objects.get(), PoliceNotification.objects.get()
    assert LogEntry.objects.get_for_object(workshop).get().actor == cara.manager
    entries = LogEntry.objects.get_for_object(booking).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [(LogEntry.Action.CREATE, cara.manager),
                                                      (LogEntry.Action.UPDATE, cara.manager)]
    assert LogEntry.objects.get_for_object(breach).get().actor == cara.manager
    entry = LogEntry.objects.get_for_object(notice).get()
    assert entry.actor == cara.manager and POLICE_CONTACT not in str(entry.changes)


# -- demo -----------------------------------------------------------------------------------------

def test_the_demo_puts_on_part_a_and_b_pairs_and_books_cara_cases_in_every_state(cara, mailoutbox):
    from dapi.demo.forums import load

    cases = [cara.case(email="") for _ in range(4)]
    made = load(cases=cases, by=cara.manager, today=date(2024, 6, 3))
    workshops = list(cara.programme.workshops.order_by("starts_at"))
    parts_a = [w for w in workshops if w.part == "A"]
    parts_b = [w for w in workshops if w.part == "B"]
    assert len(parts_a) == len(parts_b) == 5 and {w.facilitator.name for w in workshops} == {HAMPTON}
    for part_a, part_b in zip(parts_a, parts_b):
        assert 28 <= (part_b.starts_at.date() - part_a.starts_at.date()).days <= 35
    assert any(w.starts_at.date() > date(2024, 6, 3) for w in parts_a)  # one still to come
    progress = sorted(cara_progress(case) for case in cases)
    assert progress == ["Book Part A", "Booked on Part A on 12 Jun 2024", "Booked on Part B on 13 May 2024",
                        "Both workshops attended"]
    assert made == {"listings": 0, "actions": 0, "workshops": 10, "bookings": 6, "breaches": 1}
    assert Breach.objects.count() == 1 and mailoutbox == []
    assert load(cases=cases, by=cara.manager, today=date(2024, 6, 3)) == {
        "listings": 0, "actions": 0, "workshops": 0, "bookings": 0, "breaches": 0}
    assert WorkshopBooking.objects.count() == 6
