"""Each forum access function, role by role, on the listed Team-around-the-Couple case (MARAC for her,
MATAC for him); and each forum service refusing, with 404 and nothing written, someone who may not."""

import pytest
from auditlog.models import LogEntry
from django.http import Http404

from dapi.cases.forums import access
from dapi.cases.forums.services import forum_action_create, forum_action_update, forum_listing_create
from dapi.cases.models import ForumAction, ForumListing
from dapi.cases.tests.builders import HARBOUR, org, victim_service_manager

from .test_forums import ON, forum, listed  # noqa: F401 (a fixture)

ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "msp-manager"]
SIDE = {"provider-manager": "perpetrator", "perpetrator-worker": "perpetrator", "partner-support-worker": "victim",
        "msp-manager": "victim"}


def user_for(cast, username):
    return victim_service_manager() if username == "msp-manager" else cast[username]


def refused(call) -> bool:
    try:
        call()
    except Http404:
        return True
    return False


@pytest.mark.parametrize("username", ROLES)
def test_each_role_lists_the_case_only_at_the_forums_of_its_own_side(cast, listed, username):
    user, case, side = user_for(cast, username), listed["case"], SIDE.get(username)
    forums = {f.code for f in access.forum_type_list_for(user, case)}
    assert forums == {"perpetrator": {"MATAC", "MAPPA", "TATI"}, "victim": {"MARAC"}}.get(side, set())
    assert access.can_list_case(user, case, forum("MARAC")) is (side == "victim")
    assert access.can_list_case(user, case, forum("MATAC")) is (side == "perpetrator")
    assert refused(lambda: access.case_to_list(user, case.pk)) is (side is None)


@pytest.mark.parametrize("username", ROLES)
def test_each_role_sees_the_listings_only_of_a_case_it_sees(cast, listed, username):
    user, side = user_for(cast, username), SIDE.get(username)
    listings = set(access.forum_listing_list_for(user, listed["case"]))
    assert listings == ({listed["marac"], listed["matac"]} if side else set())
    for name in ("marac", "matac"):
        assert refused(lambda n=name: access.forum_listing_get_for(user, listed[n].pk)) is (side is None)
        assert refused(lambda n=name: access.listing_to_add_actions(user, listed[n].pk)) is (side is None)


@pytest.mark.parametrize("username", ROLES)
def test_each_role_adds_actions_only_on_its_own_side(cast, listed, username):
    user, side = user_for(cast, username), SIDE.get(username)
    for listing in (listed["marac"], listed["matac"]):
        assert access.can_add_action(user, listing, "victim") is (side == "victim")
        assert access.can_add_action(user, listing, "perpetrator") is (side == "perpetrator")


@pytest.mark.parametrize("username", ROLES)
def test_each_role_sees_and_updates_only_the_actions_on_its_own_side(cast, listed, username):
    user, side = user_for(cast, username), SIDE.get(username)
    expected = {"perpetrator": {listed["shared"], listed["later"]}, "victim": {listed["hidden"]}}.get(side, set())
    assert set(access.forum_action_list_for(user)) == expected
    assert set(access.forum_action_list_for(user, listed["case"])) == expected
    for name in ("hidden", "shared", "later"):
        action = listed[name]
        mine = action in expected
        assert access.can_update_action(user, action) is mine
        assert refused(lambda a=action: access.forum_action_get_for(user, a.pk)) is not mine
        assert refused(lambda a=action: access.forum_action_to_update(user, a.pk)) is not mine


def written() -> tuple:
    return ForumListing.objects.count(), ForumAction.objects.count(), LogEntry.objects.count()


REFUSED = {
    "his worker lists the case at MARAC": lambda c, w: forum_listing_create(
        case=w["case"], forum=forum("MARAC"), meeting_on=ON, member=w["victim"], by=c["perpetrator-worker"]),
    "partner support lists the case at MATAC": lambda c, w: forum_listing_create(
        case=w["case"], forum=forum("MATAC"), meeting_on=ON, by=c["partner-support-worker"]),
    "his worker adds a victim-side action": lambda c, w: forum_action_create(
        listing=w["matac"], side="victim", description="x", owner=org(HARBOUR), due_on=ON, by=c["perpetrator-worker"]),
    "an analyst adds an action": lambda c, w: forum_action_create(
        listing=w["matac"], side="perpetrator", description="x", owner=org(HARBOUR), due_on=ON,
        by=c["police-analyst"]),
    "his worker closes her action": lambda c, w: forum_action_update(
        action=w["hidden"], by=c["perpetrator-worker"], version=w["hidden"].version, status="cancelled"),
}


@pytest.mark.parametrize("attempt", list(REFUSED))
def test_each_forum_service_refuses_with_404_and_writes_nothing_when(cast, listed, attempt):
    before = written()
    with pytest.raises(Http404):
        REFUSED[attempt](cast, listed)
    assert written() == before
    assert ForumAction.objects.get(pk=listed["hidden"].pk).status == "open"
