"""One person, one side (issue 16 item 2): whoever can see one side of a case, through any membership
or assignment, is never assigned to its other side and never sees it; `dapi check-barrier` lists
anyone who still holds both."""

import sys
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from dapi import cli
from dapi.accounts.models import Role, User
from dapi.cases import access
from dapi.cases.forums.access import forum_action_list_for
from dapi.cases.forums.services import forum_action_create, forum_listing_create
from dapi.cases.models import Assignment, ForumType, Side, WorkerRole
from dapi.cases.services.cases import assignment_create, assignment_end
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.services.work import contact_create, safety_plan_create

from .builders import (
    HARBOUR, MSP, PERPETRATOR_NAME, VICTIM_ADDRESS, VICTIM_NAME, VICTIM_PHONE, org, staff, tatc_case,
    victim_service_manager,
)
from .test_barrier import NOTE, PLAN, assert_no_victim_secrets, victim_urls


@pytest.fixture
def world(cast):
    """As test_barrier.py's: her safety plan, a contact with her partner support worker and a DASH."""
    case, victim, child = tatc_case(cast)
    psw = cast["partner-support-worker"]
    safety_plan_create(member=victim, agreed_on=date(2023, 1, 20), plan=PLAN, by=psw)
    contact_create(case=case, side="victim", member=victim, kind="phone", on=date(2023, 1, 21),
                   attendance="attended", worker=psw, by=psw, notes=NOTE)
    dash = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), by=psw,
                                  answers={str(n): "yes" if n <= 11 else "no" for n in range(1, 25)})
    return {"case": case, "victim": victim, "child": child, "dash": dash}


def his_manager_and_her_worker():
    """The penetration test's user: a provider manager at Harbour (his side) who is also a partner
    support worker at My Sister's Place (her side)."""
    both = staff("two-hats", Role.PROVIDER_MANAGER, HARBOUR)
    staff("two-hats", Role.PARTNER_SUPPORT_WORKER, MSP)
    return both


def over_the_barrier_from_before(case, user, side=Side.VICTIM, role=WorkerRole.PARTNER_SUPPORT):
    """An assignment written before the rule existed (the service now refuses it), as a row."""
    return Assignment.objects.create(case=case, worker=user, role=role, side=side, started_on=date(2023, 1, 9))


def test_a_manager_of_his_provider_cannot_be_assigned_to_her_side(cast):
    case, _, _ = tatc_case(cast)
    both = his_manager_and_her_worker()
    with pytest.raises(ValidationError) as e:
        assignment_create(case=case, worker=both, role=WorkerRole.PARTNER_SUPPORT, started_on=date(2023, 1, 9),
                          by=victim_service_manager())
    assert "manages, the perpetrator side of this case and can never work on the victim side" in str(e.value)
    assert not Assignment.objects.filter(worker=both).exists()


def test_a_manager_of_her_service_cannot_be_assigned_to_his_side(cast):
    case, _, _ = tatc_case(cast)
    both = staff("two-hats", Role.PROVIDER_MANAGER, MSP)
    staff("two-hats", Role.PERPETRATOR_WORKER, HARBOUR)
    with pytest.raises(ValidationError) as e:
        assignment_create(case=case, worker=both, role=WorkerRole.NAVIGATOR, started_on=date(2023, 1, 9),
                          by=cast["provider-manager"])
    assert "can never work on the perpetrator side" in str(e.value)
    assert not Assignment.objects.filter(worker=both).exists()


def test_the_assignment_page_shows_the_refusal_on_the_worker_field(cast, client_for):
    case, _, _ = tatc_case(cast)
    both = his_manager_and_her_worker()
    response = client_for(victim_service_manager()).post(
        reverse("cases:assignment_add", args=[case.pk, "victim"]),
        {"worker": both.pk, "role": "partner_support", "started_on": "2023-01-09"})
    assert response.status_code == 200
    assert "can never work on the victim side" in response.content.decode()
    assert not Assignment.objects.filter(worker=both).exists()


def test_someone_on_both_sides_from_before_sees_only_his_side_on_every_page_and_the_api(cast, client_for, world):
    case = world["case"]
    both = his_manager_and_her_worker()
    over_the_barrier_from_before(case, both)
    client = client_for(both)
    for url in victim_urls(world):
        response = client.get(url)
        assert response.status_code == 404, url
        assert_no_victim_secrets(response.content.decode())
    page = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert page.status_code == 200
    assert_no_victim_secrets(page.content.decode())
    api = client.get(f"/api/cases/{case.pk}")
    assert api.status_code == 200 and api.json()["sides"] == ["perpetrator"]
    assert client.get(reverse("cases:details_edit", args=[case.pk, case.perpetrator_id])).status_code == 200
    assert client.get("/api/people/search", {"q": VICTIM_NAME}).json()["results"] == []
    assert access.sides_for(both, case) == {"perpetrator"}
    assert access.sides_claimed(both, case) == {"perpetrator", "victim"}
    # Her own worker still sees her record: the page is not simply broken.
    assert client_for(cast["partner-support-worker"]).get(victim_urls(world)[0]).status_code == 200


def test_a_victim_side_forum_action_is_hidden_from_someone_on_both_sides(cast, world):
    case, victim = world["case"], world["victim"]
    psw = cast["partner-support-worker"]
    listing = forum_listing_create(case=case, forum=ForumType.objects.get(code="MARAC"), member=victim,
                                   meeting_on=date(2023, 2, 1), by=psw)
    action = forum_action_create(listing=listing, side=Side.VICTIM, description="Review her safety plan",
                                 owner=org(MSP), due_on=date(2023, 2, 8), by=psw)
    both = his_manager_and_her_worker()
    over_the_barrier_from_before(case, both)
    assert action not in forum_action_list_for(both)
    assert action not in forum_action_list_for(both, case)
    assert action in forum_action_list_for(psw)


def test_a_manager_of_an_organisation_delivering_both_sides_sees_his_side_only(cast, client_for, world):
    case, victim = world["case"], world["victim"]
    case.victim_service = org(HARBOUR)
    case.save()
    manager = cast["provider-manager"]
    assert access.sides_for(manager, case) == {"perpetrator"}
    assert case in access.case_list_for(manager)
    response = client_for(manager).get(reverse("cases:victim_detail", args=[case.pk, victim.pk]))
    assert response.status_code == 404
    # ...and still staffs her side, without seeing it.
    assert access.can_assign_workers(manager, case, Side.VICTIM)


def test_someone_who_worked_on_his_side_never_sees_her_side_as_its_manager(cast, world):
    case = world["case"]
    worker = cast["perpetrator-worker"]
    assignment_end(assignment=Assignment.objects.get(case=case, worker=worker), on=date(2023, 2, 1),
                   by=cast["provider-manager"])
    staff(worker.username, Role.PROVIDER_MANAGER, MSP)
    worker = User.objects.get(pk=worker.pk)  # roles are kept on the user object for a request
    assert access.sides_for(worker, case) == set()
    assert case not in access.case_list_for(worker)
    other, _, _ = tatc_case(cast, assign=False)
    assert access.sides_for(worker, other) == {"victim"}  # her side of cases he never worked on


def test_check_barrier_says_so_and_exits_0_when_no_one_is_on_both_sides(cast, world, capsys):
    call_command("check_barrier")
    assert "No one holds both sides of any case." in capsys.readouterr().out


def test_check_barrier_lists_each_person_on_both_sides_and_exits_1(cast, world, capsys):
    case = world["case"]
    both = his_manager_and_her_worker()
    over_the_barrier_from_before(case, both)
    same_org, _, _ = tatc_case(cast, assign=False)
    same_org.victim_service = org(HARBOUR)
    same_org.save()
    with pytest.raises(CommandError) as e:
        call_command("check_barrier")
    assert e.value.returncode == 1
    assert "breach(es) of one person, one side" in str(e.value)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "user\tcase\tperpetrator side\tvictim side"
    assert (f"two-hats\t{case.reference}\tmanages {HARBOUR}\tassigned as partner support worker from 2023-01-09"
            in lines)
    assert f"provider-manager\t{same_org.reference}\tmanages {HARBOUR}\tmanages {HARBOUR}" in lines
    assert f"two-hats\t{same_org.reference}\tmanages {HARBOUR}\tmanages {HARBOUR}" in lines
    assert len(lines) == 4 and str(e.value).startswith("3 breach(es)")
    for secret in (VICTIM_NAME, VICTIM_ADDRESS, VICTIM_PHONE, PERPETRATOR_NAME, PLAN):
        assert secret not in out
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(case.pk), actor=None,
                                   content_type__model="case").exists()


def test_dapi_check_barrier_is_the_command_check_barrier(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["dapi", "check-barrier", "--help"])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 0
    assert "both the perpetrator and the victim side" in " ".join(capsys.readouterr().out.split())
