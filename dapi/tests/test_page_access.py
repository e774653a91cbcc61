"""Page-level access for the navigation and the home page (each in its app's access.py), role by role, on the demo
data with its synthetic cases: each answer is yes exactly for the roles whose work the page holds."""

import pytest

from dapi.accounts import access as account_access
from dapi.audit import access as audit_access
from dapi.cases import access as case_access
from dapi.cases.cara import access as cara_access
from dapi.cases.forums import access as forum_access
from dapi.decisions import access as decision_access
from dapi.funding import access as funding_access
from dapi.accounts.models import User
from dapi.demo.organisations import DEMO_USERS
from dapi.tests.demo_volume import demo_cases_loaded  # noqa: F401 (a fixture)

USERNAMES = [username for username, _, _ in DEMO_USERS] + ["outsider"]
COMMISSIONING = {"commissioner", "finance-officer"}
CASEWORK = {"provider-manager", "perpetrator-worker", "partner-support-worker"}
YES = {
    funding_access.may_open_programmes: COMMISSIONING | {"provider-manager"},
    funding_access.ledger_programme_list_for: COMMISSIONING,
    funding_access.provider_agreement_list_for: {"provider-manager"},
    decision_access.may_open_decisions: COMMISSIONING | {"provider-manager"},
    decision_access.may_open_resolutions: COMMISSIONING | {"panel-member"},
    decision_access.panel_resolution_list_for: {"panel-member"},
    decision_access.evaluation_carried_out_list_for: {"evaluator"},
    case_access.may_open_cases: COMMISSIONING | CASEWORK,
    case_access.may_open_referrals: {"provider-manager", "police-analyst"},
    forum_access.may_open_forum_actions: CASEWORK,
    cara_access.may_open_workshops: {"provider-manager"},
    account_access.administered_membership_list_for: {"administrator", "provider-administrator"},
    audit_access.may_open_audit_log: {"administrator", "provider-administrator"},
    account_access.may_manage_users: {"administrator", "provider-administrator"},
}


@pytest.fixture
def everyone(demo_cases_loaded, outsider):
    """The demo users and one with no membership; the demo is loaded once for the module (it is only read)."""
    return {**{u.username: u for u in User.objects.filter(is_demo=True)}, "outsider": outsider}


def answer(function, user) -> bool:
    found = function(user)
    return found if isinstance(found, bool) else found.exists()


@pytest.mark.parametrize("username", USERNAMES)
def test_each_page_access_says_yes_exactly_for_the_roles_whose_work_it_holds(everyone, username):
    user = everyone[username]
    assert {f.__name__: answer(f, user) for f in YES} == {f.__name__: username in roles for f, roles in YES.items()}


def test_a_provider_manager_sees_only_agreements_with_the_provider_they_manage(everyone):
    providers = {a.provider.name for a in funding_access.provider_agreement_list_for(everyone["provider-manager"])}
    assert providers == {"Harbour Support Services"}


def test_an_administrator_sees_the_members_of_the_organisation_they_administer_only(everyone):
    organisations = {m.organisation.name for m in account_access.administered_membership_list_for(everyone["administrator"])}
    assert organisations == {"Office of the Police and Crime Commissioner for Cleveland"}
    organisations = {m.organisation.name for m in account_access.administered_membership_list_for(
        everyone["provider-administrator"])}
    assert organisations == {"Harbour Support Services"}
