"""The access functions that decide who may change a case, its people and referrals, role by role
(the functions that decide who sees them are in test_access.py). Each role is the demo cast's,
plus the manager of My Sister's Place, who runs the victim side of the Team-around-the-Couple case."""

from datetime import date

import pytest
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.cases import access
from dapi.cases.models import NeedKind, Side
from dapi.cases.services.people import person_create
from dapi.cases.services.referrals import referral_of_new_person_create
from dapi.cases.services.work import goal_create, need_create
from dapi.demo.cases import load_rules
from dapi.funding.models import Programme

from .builders import HARBOUR, MSP, org, tatc_case, victim_service_manager

ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "msp-manager"]
HIS_SIDE = {"provider-manager", "perpetrator-worker"}
HER_SIDE = {"partner-support-worker", "msp-manager"}
MANAGERS = {"provider-manager": Side.PERPETRATOR, "msp-manager": Side.VICTIM}
RECORDS_PEOPLE = HIS_SIDE | HER_SIDE | {"police-analyst"}
REFERS_FOR = {"provider-manager": HARBOUR, "msp-manager": MSP, "police-analyst": "Cleveland Police"}


def user_for(cast, username):
    return victim_service_manager() if username == "msp-manager" else cast[username]


def refused(call) -> bool:
    try:
        call()
    except Http404:
        return True
    return False


@pytest.fixture
def world(cast):
    case, victim, child = tatc_case(cast)
    need = need_create(case=case, kind=NeedKind.objects.get(code="housing"), identified_on=date(2023, 1, 20), by=None)
    goal = goal_create(case=case, description="Attend every session", set_on=date(2023, 1, 20), by=None)
    return {"case": case, "victim": victim, "need": need, "goal": goal}


@pytest.mark.parametrize("username", ROLES)
def test_his_side_alone_works_on_the_case_and_changes_his_needs_and_goals(cast, world, username):
    user, case = user_for(cast, username), world["case"]
    may = username in HIS_SIDE
    assert access.can_work_on_case(user, case) is may
    assert refused(lambda: access.case_to_work_on(user, case.pk)) is not may
    assert refused(lambda: access.need_to_change(user, case.pk, world["need"].pk)) is not may
    assert refused(lambda: access.goal_to_change(user, case.pk, world["goal"].pk)) is not may
    if may:
        assert access.case_to_work_on(user, case.pk) == case
        assert access.need_to_change(user, case.pk, world["need"].pk) == world["need"]
        assert access.goal_to_change(user, case.pk, world["goal"].pk) == world["goal"]


def test_a_need_or_goal_of_another_case_answers_404_even_to_his_side(cast, world):
    other, _, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    with pytest.raises(Http404):
        access.need_to_change(worker, other.pk, world["need"].pk)
    with pytest.raises(Http404):
        access.goal_to_change(worker, other.pk, world["goal"].pk)


@pytest.mark.parametrize("username", ROLES)
def test_only_the_manager_of_a_side_puts_workers_on_it(cast, world, username):
    user, case = user_for(cast, username), world["case"]
    for side in (Side.PERPETRATOR, Side.VICTIM):
        may = MANAGERS.get(username) == side
        assert access.can_assign_workers(user, case, side) is may, side
        assert refused(lambda s=side: access.case_to_assign_workers(user, case.pk, s)) is not may, side
    assert refused(lambda: access.case_to_assign_workers(user, case.pk, "both"))


@pytest.mark.parametrize("username", ROLES)
def test_either_side_links_people_and_records_contacts_only_on_its_own_side(cast, world, username):
    user, case = user_for(cast, username), world["case"]
    sides = {Side.PERPETRATOR} if username in HIS_SIDE else {Side.VICTIM} if username in HER_SIDE else set()
    assert access.can_link_people(user, case) is bool(sides)
    assert refused(lambda: access.case_to_link_people(user, case.pk)) is not bool(sides)
    for side in (Side.PERPETRATOR, Side.VICTIM):
        assert access.can_see_side(user, case, side) is (side in sides)
        assert access.can_record_contact(user, case, side) is (side in sides)
        assert refused(lambda s=side: access.case_to_record_contact(user, case.pk, s)) is not (side in sides)


@pytest.mark.parametrize("username", ROLES)
def test_her_side_alone_changes_her_record_and_each_side_describes_only_its_own_people(cast, world, username):
    user, case, victim = user_for(cast, username), world["case"], world["victim"]
    assert access.can_change_victim_record(user, victim) is (username in HER_SIDE)
    assert access.can_set_identifying_details(user, case.perpetrator) is (username in HIS_SIDE)
    assert access.can_set_identifying_details(user, victim.person) is (username in HER_SIDE)
    him = refused(lambda: access.person_to_describe(user, case, case.perpetrator_id))
    her = refused(lambda: access.person_to_describe(user, case, victim.person_id))
    assert (him, her) == (username not in HIS_SIDE, username not in HER_SIDE)


def test_no_one_describes_a_person_who_is_not_on_the_case(cast, world):
    stranger = person_create(recorded_by=org(MSP), by=None, is_synthetic=True)
    for user in (cast["perpetrator-worker"], cast["partner-support-worker"]):
        with pytest.raises(Http404):
            access.person_to_describe(user, world["case"], stranger.pk)


@pytest.mark.parametrize("username", ROLES)
def test_someone_on_no_case_yet_is_described_by_the_organisation_that_recorded_them(cast, world, username):
    user = user_for(cast, username)
    his = person_create(recorded_by=org(HARBOUR), by=None, is_synthetic=True)
    hers = person_create(recorded_by=org(MSP), by=None, is_synthetic=True)
    assert access.can_set_identifying_details(user, his) is (username in HIS_SIDE)
    assert access.can_set_identifying_details(user, hers) is (username in HER_SIDE)


@pytest.mark.parametrize("username", ROLES)
def test_case_staff_and_police_analysts_record_new_people(cast, username):
    assert access.can_record_person(user_for(cast, username)) is (username in RECORDS_PEOPLE)


@pytest.mark.parametrize("username", ROLES)
def test_a_provider_manager_opens_cases_of_their_own_provider_only(cast, username):
    user = user_for(cast, username)
    assert access.can_open_case(user, org(HARBOUR)) is (username == "provider-manager")
    assert access.can_open_case(user, org(MSP)) is (username == "msp-manager")


@pytest.mark.parametrize("username", ROLES)
def test_commissioners_and_finance_officers_see_case_numbers_instead_of_a_caseload(cast, username):
    assert access.can_see_case_aggregates(user_for(cast, username)) is (username in ("commissioner", "finance-officer"))


@pytest.mark.parametrize("username", ROLES)
def test_assignment_list_for_each_role_is_the_assignments_they_hold_now(cast, world, username):
    held = {a.case_id: a.side for a in access.assignment_list_for(user_for(cast, username))}
    expected = {"perpetrator-worker": {world["case"].pk: Side.PERPETRATOR},
                "partner-support-worker": {world["case"].pk: Side.VICTIM}}
    assert held == expected.get(username, {})


@pytest.mark.parametrize("username", ROLES)
def test_each_role_refers_only_on_behalf_of_its_own_organisation(cast, username):
    user = user_for(cast, username)
    mine = REFERS_FOR.get(username)
    assert access.can_refer(user) is bool(mine)
    for name in (HARBOUR, MSP, "Cleveland Police"):
        assert access.can_refer_for(user, org(name)) is (name == mine), name
        assert refused(lambda n=name: access.organisation_to_refer_for(user, n)) is not (name == mine), name
    if mine:
        assert list(access.organisations_to_refer_for(user)) == [org(mine)]
    else:
        with pytest.raises(Http404):
            access.organisations_to_refer_for(user)


@pytest.mark.parametrize("username", ROLES)
def test_the_screening_provider_and_the_referring_force_correct_a_referrals_facts(cast, username):
    load_rules()
    referral = referral_of_new_person_create(
        by=cast["police-analyst"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=org(HARBOUR), source="police", referring_organisation=org("Cleveland Police"),
        received_on=date(2023, 3, 1), reason="Repeat call-outs", lawful_basis="public_task")
    user = user_for(cast, username)
    assert access.can_correct_referral(user, referral) is (username in ("provider-manager", "police-analyst"))
    assert access.can_screen_referral(user, referral) is (username == "provider-manager")
    assert refused(lambda: access.referral_get_for(user, referral.pk)) is not (
        username in ("provider-manager", "police-analyst"))


def test_an_organisation_someone_cannot_refer_for_answers_like_one_that_does_not_exist(cast):
    analyst = cast["police-analyst"]
    with pytest.raises(Http404) as theirs:
        access.organisation_to_refer_for(analyst, HARBOUR)
    with pytest.raises(Http404) as missing:
        access.organisation_to_refer_for(analyst, "No Such Organisation")
    assert str(theirs.value) == str(missing.value)
    assert Organisation.objects.filter(name=HARBOUR).exists()
