"""Page-level access for the navigation and the home page (dapi/access.py), role by role, on the demo
data with its synthetic cases: each answer is yes exactly for the roles whose work the page holds."""

import pytest

from dapi import access
from dapi.demo.cases import load_demo_cases
from dapi.demo.organisations import DEMO_USERS

USERNAMES = [username for username, _, _ in DEMO_USERS] + ["outsider"]
COMMISSIONING = {"commissioner", "finance-officer"}
CASEWORK = {"provider-manager", "perpetrator-worker", "partner-support-worker"}
YES = {
    access.may_open_programmes: COMMISSIONING | {"provider-manager"},
    access.commissioned_programme_list_for: COMMISSIONING,
    access.provider_agreement_list_for: {"provider-manager"},
    access.may_open_decisions: COMMISSIONING | {"provider-manager"},
    access.may_open_resolutions: COMMISSIONING | {"panel-member"},
    access.panel_resolution_list_for: {"panel-member"},
    access.evaluation_carried_out_list_for: {"evaluator"},
    access.may_open_cases: COMMISSIONING | CASEWORK,
    access.may_open_referrals: {"provider-manager", "police-analyst"},
    access.may_open_forum_actions: CASEWORK,
    access.may_open_workshops: {"provider-manager"},
    access.administered_membership_list_for: {"administrator"},
    access.may_open_audit_log: {"administrator"},
}


@pytest.fixture
def everyone(cast, outsider):
    load_demo_cases()
    return {**cast, "outsider": outsider}


def answer(function, user) -> bool:
    found = function(user)
    return found if isinstance(found, bool) else found.exists()


@pytest.mark.parametrize("username", USERNAMES)
def test_each_page_access_says_yes_exactly_for_the_roles_whose_work_it_holds(everyone, username):
    user = everyone[username]
    assert {f.__name__: answer(f, user) for f in YES} == {f.__name__: username in roles for f, roles in YES.items()}


def test_every_function_of_the_module_is_in_the_table():
    public = {f for name, f in vars(access).items() if callable(f) and getattr(f, "__module__", "") == access.__name__
              and not name.startswith("_")}
    assert public == set(YES)


def test_a_provider_manager_sees_only_agreements_with_the_provider_they_manage(everyone):
    providers = {a.provider.name for a in access.provider_agreement_list_for(everyone["provider-manager"])}
    assert providers == {"Harbour Support Services"}


def test_an_administrator_sees_the_members_of_the_organisation_they_administer_only(everyone):
    organisations = {m.organisation.name for m in access.administered_membership_list_for(everyone["administrator"])}
    assert organisations == {"Office of the Police and Crime Commissioner for Cleveland"}
