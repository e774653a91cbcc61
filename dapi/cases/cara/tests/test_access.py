"""Each CARA access function, role by role: the demo cast (none of whom works for The Hampton Trust),
Hampton's manager, his Hampton case manager, a Hampton facilitator not on his case, and partner
support at My Sister's Place on her side of it; and each CARA service refusing, with 404 and
nothing written, someone who may not."""

from datetime import timedelta

import pytest
import time_machine
from auditlog.models import LogEntry
from django.http import Http404

from dapi.cases.cara import access
from dapi.cases.cara.services import workshop_attendance_record, workshop_booking_create, workshop_create
from dapi.cases.models import Breach, Workshop, WorkshopBooking
from dapi.cases.services.cases import case_create
from dapi.cases.services.people import person_create
from dapi.cases.tests.builders import HARBOUR, org

from .test_cara import HAMPTON, PART_A
from .test_cara_pages import AFTER, BEFORE, book, world  # noqa: F401 (a fixture)

CAST = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
        "police-analyst", "panel-member", "evaluator", "administrator"]
ROLES = CAST + ["hampton-manager", "hampton-worker", "hampton-facilitator", "msp-worker"]
HAMPTON_STAFF = {"hampton-manager", "hampton-worker", "hampton-facilitator"}
HIS_SIDE = {"hampton-manager", "hampton-worker"}


def user_for(cast, world, username):
    return {"hampton-manager": world["cara"].manager, "hampton-worker": world["worker"],
            "hampton-facilitator": world["facilitator"], "msp-worker": world["partner"]}.get(username) or cast[username]


def refused(call) -> bool:
    try:
        call()
    except Http404:
        return True
    return False


@pytest.mark.parametrize("username", ROLES)
def test_hampton_staff_alone_see_hamptons_workshops(cast, world, username):
    user = user_for(cast, world, username)
    mine = username in HAMPTON_STAFF
    assert set(access.workshop_list_for(user)) == ({world["part_a"], world["part_b"]} if mine else set())
    assert refused(lambda: access.workshop_get_for(user, world["part_a"].pk)) is not mine


@pytest.mark.parametrize("username", ROLES)
def test_a_providers_managers_alone_put_on_its_workshops(cast, world, username):
    user = user_for(cast, world, username)
    runs = {"hampton-manager": [HAMPTON], "provider-manager": [HARBOUR]}.get(username, [])
    assert access.can_run_workshops(user, org(HAMPTON)) is (username == "hampton-manager")
    assert [o.name for o in access.facilitator_list_for(user)] == runs
    assert refused(lambda: access.facilitators_to_run_workshops(user)) is (not runs)


@pytest.mark.parametrize("username", ROLES)
def test_his_side_alone_books_him_and_records_his_attendance(cast, world, username):
    booking = book(world, world["part_a"])
    user = user_for(cast, world, username)
    his = username in HIS_SIDE
    assert access.can_book(user, world["case"]) is his
    assert refused(lambda: access.case_to_book(user, world["case"].pk)) is not his
    assert access.can_record_attendance(user, booking) is his
    assert refused(lambda: access.booking_to_record_attendance(user, booking.pk)) is not his


def test_his_side_at_another_provider_books_him_but_records_no_attendance_at_hamptons_workshop(cast, world):
    """Harbour's manager sees his side of a Harbour case on the CARA programme and may book him on
    Hampton's workshop, but Hampton's register is not theirs to keep (and Hampton's manager, who
    does not see this case, records nothing of it either)."""
    manager = cast["provider-manager"]
    him = person_create(recorded_by=org(HARBOUR), by=manager, is_synthetic=True)
    case = case_create(programme=world["cara"].programme, provider=org(HARBOUR), perpetrator=him,
                       referred_on=BEFORE.date(), by=manager)
    with time_machine.travel(BEFORE, tick=False):
        booking = workshop_booking_create(workshop=world["part_a"], case=case, by=manager, booked_on=BEFORE.date())
    assert access.can_book(manager, case) and access.case_to_book(manager, case.pk) == case
    assert not access.can_record_attendance(manager, booking)
    with pytest.raises(Http404):
        access.booking_to_record_attendance(manager, booking.pk)
    assert not access.can_record_attendance(world["cara"].manager, booking)


def written() -> tuple:
    return Workshop.objects.count(), WorkshopBooking.objects.count(), Breach.objects.count(), LogEntry.objects.count()


def test_a_workshop_put_on_by_another_providers_manager_is_refused_and_nothing_written(cast, world):
    before = written()
    with pytest.raises(Http404):
        workshop_create(programme=world["cara"].programme, part="A", starts_at=PART_A + timedelta(days=7),
                        venue="Synthetic Hall", facilitator=org(HAMPTON), by=cast["provider-manager"])
    assert written() == before


@pytest.mark.parametrize("username", ["msp-worker", "hampton-facilitator", "provider-manager"])
def test_booking_him_is_refused_to_anyone_off_his_side_and_nothing_written(cast, world, username):
    before = written()
    with time_machine.travel(BEFORE, tick=False), pytest.raises(Http404):
        workshop_booking_create(workshop=world["part_a"], case=world["case"], by=user_for(cast, world, username),
                                booked_on=BEFORE.date())
    assert written() == before


@pytest.mark.parametrize("username", ["msp-worker", "hampton-facilitator", "provider-manager"])
def test_recording_his_attendance_is_refused_to_anyone_off_his_side_and_nothing_written(cast, world, username):
    booking = book(world, world["part_a"])
    before = written()
    with time_machine.travel(AFTER, tick=False), pytest.raises(Http404):
        workshop_attendance_record(booking=booking, attended=False, by=user_for(cast, world, username),
                                   version=booking.version)
    assert written() == before
    assert WorkshopBooking.objects.get(pk=booking.pk).status == "booked"
