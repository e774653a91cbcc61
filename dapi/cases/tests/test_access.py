"""Each access function, role by role: who sees which cases, sides and referrals."""

from datetime import date

import pytest
from django.http import Http404

from dapi.accounts.models import Role
from dapi.cases import access
from dapi.demo.cases import load_rules
from dapi.cases.services.referrals import referral_of_new_person_create
from dapi.funding.models import Programme

from .builders import HARBOUR, org, staff, tatc_case, victim_service_manager

ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator"]
SIDES = {"provider-manager": {"perpetrator"}, "perpetrator-worker": {"perpetrator"},
         "partner-support-worker": {"victim"}}


@pytest.mark.parametrize("username", ROLES)
def test_case_list_for_each_role(cast, username):
    case, _, _ = tatc_case(cast)
    visible = set(access.case_list_for(cast[username]))
    assert visible == ({case} if username in SIDES else set())


@pytest.mark.parametrize("username", ROLES)
def test_sides_for_each_role(cast, username):
    case, _, _ = tatc_case(cast)
    assert access.sides_for(cast[username], case) == SIDES.get(username, set())


@pytest.mark.parametrize("username", ROLES)
def test_victim_record_get_for_each_role(cast, username):
    case, victim, _ = tatc_case(cast)
    if username == "partner-support-worker":
        assert access.victim_record_get_for(cast[username], case, victim.pk) == victim
    else:
        with pytest.raises(Http404):
            access.victim_record_get_for(cast[username], case, victim.pk)


@pytest.mark.parametrize("username", ROLES)
def test_identifying_details_for_each_role(cast, username):
    case, victim, _ = tatc_case(cast)
    for person, side in ((case.perpetrator, "perpetrator"), (victim.person, "victim")):
        if side in SIDES.get(username, set()):
            assert access.identifying_details_for(cast[username], case, person).person == person
        else:
            with pytest.raises(Http404):
                access.identifying_details_for(cast[username], case, person)


def test_a_manager_of_an_organisation_delivering_both_services_sees_his_side_only(cast):
    """One person, one side (issue 16 item 2): never both, even through one membership."""
    case, _, _ = tatc_case(cast)
    case.victim_service = org(HARBOUR)
    case.save()
    assert access.sides_for(cast["provider-manager"], case) == {"perpetrator"}
    assert access.sides_for(victim_service_manager(), case) == set()


def test_the_victim_services_manager_sees_the_victim_side(cast):
    case, _, _ = tatc_case(cast)
    assert access.sides_for(victim_service_manager(), case) == {"victim"}


@pytest.mark.parametrize("username", ROLES)
def test_referral_list_for_each_role(cast, username):
    load_rules()
    referral = referral_of_new_person_create(
        by=cast["police-analyst"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=org(HARBOUR), source="police", referring_organisation=org("Cleveland Police"),
        received_on=date(2023, 3, 1), reason="Repeat call-outs", lawful_basis="public_task")
    expected = {referral} if username in ("police-analyst", "provider-manager") else set()
    assert set(access.referral_list_for(cast[username])) == expected
    assert access.can_screen_referral(cast[username], referral) is (username == "provider-manager")


def test_a_manager_of_another_provider_sees_neither_the_case_nor_the_referral(cast):
    case, _, _ = tatc_case(cast)
    other = staff("jenkins-manager", Role.PROVIDER_MANAGER, "Jenkins Centre")
    assert not access.case_list_for(other).exists()
    with pytest.raises(Http404):
        access.case_get_for(other, case.pk)


def test_a_non_numeric_id_is_404_not_an_error(cast):
    with pytest.raises(Http404):
        access.case_get_for(cast["provider-manager"], "abc")
