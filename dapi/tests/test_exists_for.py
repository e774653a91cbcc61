"""exists_for (dapi/accounts/lists.py): a list's SQL compiled once per user id and memberships, run afresh each
time, answers exactly as the list's own `.exists()`, for every list the apps ask it about."""

import re
from pathlib import Path

import pytest

from dapi.accounts import lists
from dapi.accounts.lists import exists_for
from dapi.accounts.models import Membership, Role, User
from dapi.cases import access as case_access
from dapi.cases.cara import access as cara_access
from dapi.cases.forums import access as forum_access
from dapi.cases.models import Assignment
from dapi.decisions import access as decision_access
from dapi.funding import access as funding_access
from dapi.reports import access as report_access

# Every list asked through exists_for. Each is made from the user's id and memberships alone (read in the access
# modules: no date, no row read while the query is made), which is what makes keeping its SQL exact.
LISTS = [funding_access.programme_list_for, decision_access.deciding_bodies_for, decision_access.decision_list_for,
         decision_access.resolution_list_for, case_access.case_list_for, case_access.referral_list_for,
         forum_access.forum_action_list_for, cara_access.workshop_list_for, cara_access.facilitator_list_for,
         report_access.report_programme_list_for, report_access.extract_list_for,
         report_access.approvable_programme_list_for]
DAPI = Path(__file__).resolve().parents[1]


def named(username: str) -> User:
    return User.objects.get(username=username)


def fresh(user) -> User:
    """The user as a new request has them (memberships read again)."""
    return User.objects.get(pk=user.pk)


def test_every_list_asked_through_exists_for_is_one_checked_here():
    asked = set()
    for path in DAPI.rglob("*.py"):
        if "tests" not in path.parts:
            asked |= set(re.findall(r"exists_for\(user, (\w+)\)", path.read_text()))
    assert asked == {f.__name__ for f in LISTS}


@pytest.fixture
def world(db, settings, uploads_in_a_temporary_directory):
    from dapi.tests.access_world import build_world

    lists._KEPT.clear()
    return build_world()


def test_every_list_answers_as_its_own_exists_for_every_demo_user_and_an_outsider(world, outsider):
    users = list(User.objects.filter(is_demo=True)) + [outsider]
    answers = {}
    for user in users:
        for make_list in LISTS:
            expected = make_list(fresh(user)).exists()
            # Asked twice: compiled the first time, the kept SQL run the second.
            assert exists_for(fresh(user), make_list) is expected, (user.username, make_list.__name__)
            assert exists_for(fresh(user), make_list) is expected, (user.username, make_list.__name__)
            answers[(user.username, make_list.__name__)] = expected
    assert True in answers.values() and False in answers.values()  # both answers were met


def test_the_kept_sql_is_run_against_the_data_as_it_is_now(world):
    worker = named("perpetrator-worker")
    assert exists_for(fresh(worker), case_access.case_list_for)
    assert exists_for(fresh(worker), forum_access.forum_action_list_for)
    Assignment.objects.filter(worker=worker).delete()  # his caseload ends: the same SQL now finds nothing
    assert not exists_for(fresh(worker), case_access.case_list_for)
    assert not exists_for(fresh(worker), forum_access.forum_action_list_for)
    assert not case_access.case_list_for(fresh(worker)).exists()


def test_a_changed_membership_is_a_list_made_afresh(world):
    panel_member = named("panel-member")
    assert not exists_for(fresh(panel_member), decision_access.deciding_bodies_for)
    commissioner_body = Membership.objects.filter(user=named("commissioner"), role=Role.COMMISSIONER).first()
    Membership.objects.create(user=panel_member, organisation=commissioner_body.organisation, role=Role.COMMISSIONER)
    assert exists_for(fresh(panel_member), decision_access.deciding_bodies_for)
    assert exists_for(fresh(panel_member), decision_access.decision_list_for) is \
        decision_access.decision_list_for(fresh(panel_member)).exists()


def test_the_sql_is_compiled_once_per_user_and_memberships(world):
    made = []

    def programmes(user):
        made.append(user.pk)
        return funding_access.programme_list_for(user)

    commissioner, finance = named("commissioner"), named("finance-officer")
    for user in (commissioner, commissioner, finance, commissioner):
        assert exists_for(fresh(user), programmes)
    assert made == [commissioner.pk, finance.pk]
