"""Project CARA pages and API: the workshops list, a workshop's register with attendance, putting
on a workshop, booking from the case page, and who may do each (404 for everyone else)."""

import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from dapi.accounts.models import Role
from dapi.cases.models import Breach, MemberRole, PoliceNotification, Workshop, WorkerRole, WorkshopBooking
from dapi.cases.services.cases import assignment_create, member_add
from dapi.cases.services.people import identifying_details_set, person_create

from dapi.cases.tests.builders import (
    MSP, VICTIM_ADDRESS, VICTIM_NAME, VICTIM_PHONE, org, staff, tatc_case, victim_service_manager,
)
from .test_cara import HAMPTON, HIS_NAME, LONDON, PART_A, Cara

BEFORE = datetime(2024, 1, 5, 9, 0, tzinfo=LONDON)  # bookings open
AFTER = datetime(2024, 1, 11, 9, 0, tzinfo=LONDON)  # the day after Part A
ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator"]


@pytest.fixture
def world(seeded):
    """A CARA case with a synthetic victim (My Sister's Place on her side), its Hampton case manager,
    a Hampton facilitator not on the case, a Part A on 10 Jan 2024 and a Part B 30 days later."""
    with time_machine.travel(BEFORE, tick=False):
        cara = Cara()
        case = cara.case(victim_service=org(MSP))
        worker = staff("hampton-worker", Role.PERPETRATOR_WORKER, HAMPTON)
        facilitator = staff("hampton-facilitator", Role.PERPETRATOR_WORKER, HAMPTON)
        partner = staff("msp-worker", Role.PARTNER_SUPPORT_WORKER, MSP)
        assignment_create(case=case, worker=worker, role=WorkerRole.CASE_MANAGER, started_on=date(2024, 1, 2),
                          by=cara.manager)
        msp_manager = victim_service_manager()
        assignment_create(case=case, worker=partner, role=WorkerRole.PARTNER_SUPPORT, started_on=date(2024, 1, 2),
                          by=msp_manager)
        her = person_create(recorded_by=org(MSP), by=msp_manager, is_synthetic=True)
        identifying_details_set(person=her, by=msp_manager, full_name=VICTIM_NAME, address=VICTIM_ADDRESS,
                                phone=VICTIM_PHONE)
        victim = member_add(case=case, person=her, role=MemberRole.VICTIM, relationship="partner", by=cara.manager)
        part_a = cara.workshop("A", PART_A)
        part_b = cara.workshop("B", PART_A + timedelta(days=30))
    return {"cara": cara, "case": case, "worker": worker, "facilitator": facilitator, "partner": partner,
            "victim": victim, "part_a": part_a, "part_b": part_b}


def book(world, workshop):
    with time_machine.travel(BEFORE, tick=False):
        return world["cara"].book(workshop, world["case"])


def mark(booking, attended) -> dict:
    return {f"b{booking.pk}-attended": "yes" if attended else "no", f"b{booking.pk}-version": booking.version}


# -- the workshops list ---------------------------------------------------------------------------

def test_the_workshop_list_shows_date_part_venue_and_places_left(client_for, world):
    book(world, world["part_a"])
    body = client_for(world["facilitator"]).get(reverse("cara:workshop_list")).content.decode()
    row = re.search(r"10 Jan 2024 18:00</a></td>(.*?)</tr>", body, re.S).group(1)
    assert "Part A" in row and "Synthetic Hall, Bolton" in row and "11 of 12" in row
    assert "9 Feb 2024 18:00" in body and "12 of 12" in body


def test_a_full_workshop_says_so(client_for, world):
    with time_machine.travel(BEFORE, tick=False):
        small = world["cara"].workshop("A", PART_A + timedelta(days=1), capacity=1)
        world["cara"].book(small, world["cara"].case())
    body = client_for(world["cara"].manager).get(reverse("cara:workshop_list")).content.decode()
    assert '<strong class="govuk-tag govuk-tag--grey">Full</strong> 0 of 1' in body


@pytest.mark.parametrize("username", ROLES)
def test_other_organisations_see_no_hampton_workshops(cast, client_for, world, username):
    body = client_for(cast[username]).get(reverse("cara:workshop_list")).content.decode()
    assert "No workshops." in body and "Synthetic Hall" not in body


# -- the register and attendance ------------------------------------------------------------------

@pytest.mark.parametrize("username", ROLES)
def test_a_workshop_its_register_and_its_bookings_answer_404_outside_the_facilitating_provider(
        cast, client_for, world, username):
    booking = book(world, world["part_a"])
    client = client_for(cast[username])
    assert client.get(reverse("cara:workshop_detail", args=[world["part_a"].pk])).status_code == 404
    with time_machine.travel(AFTER, tick=False):
        assert client.post(reverse("cara:attendance", args=[booking.pk]), mark(booking, False)).status_code == 404
    assert client.get(f"/api/workshops/{world['part_a'].pk}/bookings").status_code == 404
    assert WorkshopBooking.objects.get().status == "booked" and not Breach.objects.exists()


def test_the_register_lets_only_staff_who_see_his_side_record_attendance(client_for, world):
    booking = book(world, world["part_a"])
    url = reverse("cara:workshop_detail", args=[world["part_a"].pk])
    case_link = reverse("cases:case_detail", args=[world["case"].pk])
    for user in (world["worker"], world["cara"].manager):
        page = client_for(user).get(url).content.decode()
        assert world["case"].reference in page and "11 of 12 places left" in page
        assert reverse("cara:attendance", args=[booking.pk]) in page and case_link in page
    page = client_for(world["facilitator"]).get(url).content.decode()
    assert world["case"].reference in page and world["case"].perpetrator.reference in page
    assert reverse("cara:attendance", args=[booking.pk]) not in page and case_link not in page
    with time_machine.travel(AFTER, tick=False):
        refused = client_for(world["facilitator"]).post(reverse("cara:attendance", args=[booking.pk]),
                                                        mark(booking, False))
    assert refused.status_code == 404 and WorkshopBooking.objects.get().status == "booked"


def test_recording_attendance_on_the_register(client_for, world):
    booking = book(world, world["part_a"])
    with time_machine.travel(AFTER, tick=False):
        response = client_for(world["worker"]).post(reverse("cara:attendance", args=[booking.pk]), mark(booking, True),
                                                    follow=True)
    assert f"Case {world['case'].reference}: attended." in response.content.decode()
    assert WorkshopBooking.objects.get().status == "attended"


def test_a_missed_workshop_on_the_register_is_a_breach_the_police_hear_of_by_reference(client_for, world, mailoutbox):
    booking = book(world, world["part_a"])
    client = client_for(world["worker"])
    with time_machine.travel(AFTER, tick=False):
        response = client.post(reverse("cara:attendance", args=[booking.pk]), mark(booking, False), follow=True)
        assert "The breach is recorded and the police contact told" in response.content.decode()
        case_page = client.get(reverse("cases:case_detail", args=[world["case"].pk])).content.decode()
    assert Breach.objects.get().booking == booking and PoliceNotification.objects.get().case == world["case"]
    assert len(mailoutbox) == 1 and world["case"].reference in mailoutbox[0].body
    for secret in (HIS_NAME, VICTIM_NAME, VICTIM_ADDRESS):
        assert secret not in mailoutbox[0].subject + mailoutbox[0].body
    assert "Breach: missed Part A on 10 Jan 2024. Police contact told 11 Jan 2024 by email." in case_page
    assert "<strong>Next:</strong> Book Part A." in case_page


def test_attendance_before_the_workshop_day_is_refused_on_the_register(client_for, world):
    booking = book(world, world["part_a"])
    with time_machine.travel(BEFORE, tick=False):
        response = client_for(world["worker"]).post(reverse("cara:attendance", args=[booking.pk]),
                                                    mark(booking, False))
    body = response.content.decode()
    assert "govuk-error-summary" in body and "This workshop is on 10 Jan 2024: record attendance on or after" in body
    assert not Breach.objects.exists() and WorkshopBooking.objects.get().status == "booked"


def test_a_stale_register_gets_a_conflict_message_and_changes_nothing(client_for, world):
    booking = book(world, world["part_a"])
    stale = mark(booking, False)
    with time_machine.travel(AFTER, tick=False):
        client_for(world["cara"].manager).post(reverse("cara:attendance", args=[booking.pk]), mark(booking, True))
        body = client_for(world["worker"]).post(reverse("cara:attendance", args=[booking.pk]), stale).content.decode()
    assert "Someone else recorded this booking" in body and "(it is now attended). Reload the page." in body
    assert WorkshopBooking.objects.get().status == "attended" and not Breach.objects.exists()


# -- booking from the case page -------------------------------------------------------------------

def test_the_case_page_section_says_what_is_next_and_books_him(client_for, world):
    client = client_for(world["worker"])
    with time_machine.travel(BEFORE, tick=False):
        section = client.get(reverse("cases:case_detail", args=[world["case"].pk])).content.decode()
        assert "Project CARA workshops" in section and "<strong>Next:</strong> Book Part A." in section
        assert reverse("cara:book", args=[world["case"].pk]) in section
        form = client.get(reverse("cara:book", args=[world["case"].pk])).content.decode()
        assert "Part A, 10 Jan 2024 18:00, Synthetic Hall, Bolton (12 of 12 places left)" in form
        response = client.post(reverse("cara:book", args=[world["case"].pk]), {"workshop": world["part_a"].pk})
        assert response.url == reverse("cases:case_detail", args=[world["case"].pk])
        section = client.get(response.url).content.decode()
    booking = WorkshopBooking.objects.get()
    assert (booking.case, booking.workshop, booking.booked_on) == (world["case"], world["part_a"], date(2024, 1, 5))
    assert "<strong>Next:</strong> Booked on Part A on 10 Jan 2024." in section


def test_a_refused_booking_is_explained_on_the_field_and_nothing_is_saved(client_for, world):
    with time_machine.travel(BEFORE, tick=False):
        response = client_for(world["worker"]).post(reverse("cara:book", args=[world["case"].pk]),
                                                    {"workshop": world["part_b"].pk})
    body = response.content.decode()
    assert 'id="id_workshop-error"' in body and "Part B comes after Part A" in body
    assert not WorkshopBooking.objects.exists()


def test_only_workshops_still_to_come_with_a_place_are_offered(client_for, world):
    with time_machine.travel(datetime(2024, 1, 20, 9, 0, tzinfo=LONDON), tick=False):
        form = client_for(world["worker"]).get(reverse("cara:book", args=[world["case"].pk])).content.decode()
        refused = client_for(world["worker"]).post(reverse("cara:book", args=[world["case"].pk]),
                                                   {"workshop": world["part_a"].pk})
    assert "Part A, 10 Jan 2024" not in form and "Part B, 9 Feb 2024" in form
    assert "Select a valid choice" in refused.content.decode() and not WorkshopBooking.objects.exists()


@pytest.mark.parametrize("who", ["partner", "facilitator", *ROLES])
def test_booking_answers_404_to_anyone_who_does_not_see_his_side(cast, client_for, world, who):
    user = world[who] if who in world else cast[who]
    client = client_for(user)
    url = reverse("cara:book", args=[world["case"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"workshop": world["part_a"].pk}).status_code == 404
    assert not WorkshopBooking.objects.exists()


def test_an_outsider_gets_404_on_every_cara_page_and_no_workshops(client_for, world, outsider):
    booking = book(world, world["part_a"])
    client = client_for(outsider)
    for url in (reverse("cara:book", args=[world["case"].pk]), reverse("cara:workshop_add"),
                reverse("cara:workshop_detail", args=[world["part_a"].pk]),
                f"/api/workshops/{world['part_a'].pk}/bookings"):
        assert client.get(url).status_code == 404, url
    with time_machine.travel(AFTER, tick=False):
        assert client.post(reverse("cara:attendance", args=[booking.pk]), mark(booking, False)).status_code == 404
    assert "No workshops." in client.get(reverse("cara:workshop_list")).content.decode()
    assert client.get("/api/workshops").json()["results"] == []
    assert WorkshopBooking.objects.get().status == "booked"


def test_her_side_sees_his_progress_but_cannot_book(client_for, world):
    page = client_for(world["partner"]).get(reverse("cases:case_detail", args=[world["case"].pk])).content.decode()
    assert "<strong>Next:</strong> Book Part A." in page
    assert reverse("cara:book", args=[world["case"].pk]) not in page


def test_a_case_on_a_programme_without_workshops_has_no_cara_section(cast, client_for, world):
    case, _, _ = tatc_case(cast)
    page = client_for(cast["perpetrator-worker"]).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Project CARA workshops" not in page


def test_cara_pages_never_show_his_side_her_name_or_where_she_lives(client_for, world):
    booking = book(world, world["part_a"])
    client = client_for(world["worker"])
    urls = [reverse("cara:workshop_list"), reverse("cara:workshop_detail", args=[world["part_a"].pk]),
            reverse("cara:book", args=[world["case"].pk]), reverse("cases:case_detail", args=[world["case"].pk]),
            "/api/workshops", f"/api/workshops/{world['part_a'].pk}/bookings"]
    with time_machine.travel(AFTER, tick=False):
        bodies = [client.get(url).content.decode() for url in urls]
        bodies.append(client.post(reverse("cara:attendance", args=[booking.pk]), {}).content.decode())
        bodies.append(client.post(reverse("cara:book", args=[world["case"].pk]), {"workshop": 0}).content.decode())
    for url, body in zip(urls + ["attendance refused", "booking refused"], bodies):
        for secret in (VICTIM_NAME, VICTIM_ADDRESS, VICTIM_PHONE, "Quillon"):
            assert secret not in body, f"{secret!r} leaked on {url}"


# -- putting on a workshop --------------------------------------------------------------------------

def test_a_hampton_manager_puts_on_a_workshop(client_for, world):
    client = client_for(world["cara"].manager)
    form = client.get(reverse("cara:workshop_add")).content.decode()
    assert world["cara"].programme.name in form and "Cleveland" not in form
    response = client.post(reverse("cara:workshop_add"), {
        "programme": world["cara"].programme.pk, "facilitator": org(HAMPTON).pk, "part": "A",
        "starts_at": "2024-03-06 18:00", "venue": "Synthetic Library, Wigan", "capacity": 12})
    workshop = Workshop.objects.get(venue="Synthetic Library, Wigan")
    assert response.url == reverse("cara:workshop_detail", args=[workshop.pk])
    assert (workshop.part, workshop.capacity, workshop.starts_at) == ("A", 12, datetime(2024, 3, 6, 18, tzinfo=LONDON))


def test_a_thirteen_place_workshop_is_refused_on_the_field(client_for, world):
    response = client_for(world["cara"].manager).post(reverse("cara:workshop_add"), {
        "programme": world["cara"].programme.pk, "facilitator": org(HAMPTON).pk, "part": "A",
        "starts_at": "2024-03-06 18:00", "venue": "Synthetic Library, Wigan", "capacity": 13})
    assert "Ensure this value is less than or equal to 12." in response.content.decode()
    assert not Workshop.objects.filter(venue="Synthetic Library, Wigan").exists()


@pytest.mark.parametrize("who", ["worker", "facilitator", "partner"])
def test_workers_cannot_put_on_workshops(client_for, world, who):
    assert client_for(world[who]).get(reverse("cara:workshop_add")).status_code == 404


# -- the API --------------------------------------------------------------------------------------

def test_the_api_lists_your_providers_workshops_with_places_left(cast, client_for, world):
    book(world, world["part_a"])
    rows = client_for(world["facilitator"]).get("/api/workshops").json()["results"]
    assert [(r["part"], r["starts_at"][:10], r["places_left"], r["capacity"], r["facilitator"]["name"])
            for r in rows] == [("A", "2024-01-10", 11, 12, HAMPTON), ("B", "2024-02-09", 12, 12, HAMPTON)]
    for username in ROLES:
        assert client_for(cast[username]).get("/api/workshops").json()["results"] == [], username


def test_the_api_gives_provider_staff_a_workshops_bookings_by_reference(client_for, world, client):
    booking = book(world, world["part_a"])
    assert client.get(f"/api/workshops/{world['part_a'].pk}/bookings").status_code == 401
    rows = client_for(world["facilitator"]).get(f"/api/workshops/{world['part_a'].pk}/bookings").json()["results"]
    assert rows == [{"id": booking.pk, "case_id": world["case"].pk, "case_reference": world["case"].reference,
                     "perpetrator": world["case"].perpetrator.reference, "status": "booked",
                     "booked_on": "2024-01-03"}]


def test_staff_who_see_only_her_side_of_the_case_cannot_record_his_attendance(client_for, world):
    """A Hampton facilitator who also gives partner support at My Sister's Place, on her side of this case."""
    both = world["facilitator"]
    staff(both.username, Role.PARTNER_SUPPORT_WORKER, MSP)
    assignment_create(case=world["case"], worker=both, role=WorkerRole.PARTNER_SUPPORT, started_on=date(2024, 1, 2),
                      by=victim_service_manager())
    booking = book(world, world["part_a"])
    client = client_for(both)
    page = client.get(reverse("cara:workshop_detail", args=[world["part_a"].pk])).content.decode()
    assert world["case"].reference in page and reverse("cara:attendance", args=[booking.pk]) not in page
    with time_machine.travel(AFTER, tick=False):
        assert client.post(reverse("cara:attendance", args=[booking.pk]), mark(booking, False)).status_code == 404
        assert client.get(reverse("cara:book", args=[world["case"].pk])).status_code == 404
    assert WorkshopBooking.objects.get().status == "booked"


def test_the_register_names_him_only_to_those_who_see_his_side(client_for, world):
    book(world, world["part_a"])
    url = reverse("cara:workshop_detail", args=[world["part_a"].pk])
    for user in (world["worker"], world["cara"].manager):
        response = client_for(user).get(url)
        assert response.status_code == 200 and HIS_NAME in response.content.decode()
    response = client_for(world["facilitator"]).get(url)
    page = response.content.decode()
    assert response.status_code == 200 and world["case"].perpetrator.reference in page and HIS_NAME not in page
