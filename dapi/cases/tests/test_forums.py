"""Forum listings and actions, the overdue board, and the barrier on both."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from dapi.cases.models import ForumAction, ForumType
from dapi.cases.services import ConflictError
from dapi.cases.services.forums import forum_action_create, forum_action_update, forum_listing_create

from .builders import VICTIM_NAME, org, tatc_case

VICTIM_ACTION = "Synthetic victim-side action: refuge place near the school"


@pytest.fixture
def listed(cast):
    case, victim, _ = tatc_case(cast)
    psw, worker = cast["partner-support-worker"], cast["perpetrator-worker"]
    marac = forum_listing_create(case=case, forum=ForumType.objects.get(code="MARAC"), meeting_on=date(2023, 2, 2),
                                 member=victim, by=psw)
    matac = forum_listing_create(case=case, forum=ForumType.objects.get(code="MATAC"), meeting_on=date(2023, 2, 9),
                                 by=worker)
    hidden = forum_action_create(listing=marac, side="victim", description=VICTIM_ACTION, owner=org("My Sister's Place"),
                                 due_on=date(2023, 2, 16), by=psw)
    shared = forum_action_create(listing=matac, side="perpetrator", description="Police to serve a DVPN",
                                 owner=org("Cleveland Police"), due_on=date(2023, 2, 20), by=worker)
    later = forum_action_create(listing=matac, side="perpetrator", description="Navigator to book a GP appointment",
                                owner=org("Harbour Support Services"), due_on=date(2023, 6, 1), by=worker)
    return {"case": case, "victim": victim, "marac": marac, "matac": matac, "hidden": hidden, "shared": shared,
            "later": later}


def test_forum_types_are_data_with_their_side(db):
    assert dict(ForumType.objects.values_list("code", "side")) == {
        "MARAC": "victim", "MATAC": "perpetrator", "MAPPA": "perpetrator", "TATI": "perpetrator"}


def test_a_victim_forum_needs_her_and_a_perpetrator_forum_must_not_name_her(cast):
    case, victim, _ = tatc_case(cast)
    with pytest.raises(ValidationError, match="MARAC hears victims"):
        forum_listing_create(case=case, forum=ForumType.objects.get(code="MARAC"), meeting_on=date(2023, 2, 2),
                             by=cast["partner-support-worker"])
    with pytest.raises(ValidationError, match="MATAC hears him"):
        forum_listing_create(case=case, forum=ForumType.objects.get(code="MATAC"), meeting_on=date(2023, 2, 2),
                             member=victim, by=cast["perpetrator-worker"])


def test_a_new_forum_type_is_just_a_row(cast):
    local = ForumType.objects.create(code="DAPF", name="Local perpetrator panel", side="perpetrator")
    case, _, _ = tatc_case(cast)
    assert forum_listing_create(case=case, forum=local, meeting_on=date(2023, 3, 1), by=cast["perpetrator-worker"])


@time_machine.travel("2023-03-01 09:00")
def test_the_overdue_board_shows_each_side_only_its_own_actions(cast, client_for, listed):
    board = reverse("forums:overdue")
    his = client_for(cast["perpetrator-worker"]).get(board).content.decode()
    assert "Police to serve a DVPN" in his and "9 days overdue" in his
    assert VICTIM_ACTION not in his and "GP appointment" not in his  # not yet due
    hers = client_for(cast["partner-support-worker"]).get(board).content.decode()
    assert VICTIM_ACTION in hers and "13 days overdue" in hers
    assert "Police to serve a DVPN" not in hers
    for username in ("commissioner", "police-analyst", "panel-member"):
        body = client_for(cast[username]).get(board).content.decode()
        assert "No overdue actions." in body


@time_machine.travel("2023-03-01 09:00")
def test_the_board_filters_by_forum_and_owner(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])
    assert "DVPN" not in client.get(reverse("forums:overdue"), {
        "forum": ForumType.objects.get(code="MAPPA").pk}).content.decode()
    assert "DVPN" in client.get(reverse("forums:overdue"), {"owner": org("Cleveland Police").pk}).content.decode()


def test_the_case_page_shows_her_listing_by_pseudonym_and_hides_victim_actions_from_him(cast, client_for, listed):
    page = client_for(cast["perpetrator-worker"]).get(
        reverse("cases:case_detail", args=[listed["case"].pk])).content.decode()
    assert f"MARAC on 2 Feb 2023: {listed['victim'].person.reference}" in page
    assert VICTIM_ACTION not in page and VICTIM_NAME not in page
    assert "Police to serve a DVPN" in page


def test_a_victim_side_action_answers_404_to_the_perpetrator_side(cast, client_for, listed):
    url = reverse("forums:action_update", args=[listed["hidden"].pk])
    for username in ("perpetrator-worker", "provider-manager", "commissioner"):
        assert client_for(cast[username]).get(url).status_code == 404
    assert client_for(cast["partner-support-worker"]).get(url).status_code == 200


def test_the_perpetrator_side_cannot_add_a_victim_side_action(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])
    client.post(reverse("forums:action_add", args=[listed["matac"].pk]), {
        "description": "x", "owner": org("Cleveland Police").pk, "due_on": "2023-04-01", "side": "victim"})
    assert not ForumAction.objects.filter(description="x").exists()


def test_marking_an_action_done_needs_a_date_and_refuses_a_stale_version(cast, listed):
    action = listed["shared"]
    with pytest.raises(ValidationError):
        forum_action_update(action=action, by=cast["perpetrator-worker"], version=action.version, status="done")
    version = action.version
    forum_action_update(action=action, by=cast["perpetrator-worker"], version=version, status="done",
                        completed_on=date(2023, 2, 25))
    with pytest.raises(ConflictError):
        forum_action_update(action=ForumAction.objects.get(pk=action.pk), by=cast["provider-manager"],
                            version=version, status="cancelled")


def test_listing_and_action_writes_are_audited_without_the_action_text(cast, listed):
    entry = LogEntry.objects.get_for_object(listed["hidden"]).get()
    assert entry.actor == cast["partner-support-worker"] and "refuge" not in str(entry.changes)
    assert LogEntry.objects.get_for_object(listed["matac"]).get().actor == cast["perpetrator-worker"]


def test_the_pages_to_list_and_act_work(cast, client_for):
    case, victim, _ = tatc_case(cast)
    client = client_for(cast["partner-support-worker"])
    response = client.post(reverse("forums:listing_add", args=[case.pk]), {
        "forum": ForumType.objects.get(code="MARAC").pk, "meeting_on": "2023-02-02", "member": victim.pk})
    listing = case.forum_listings.get()
    assert response.url == reverse("forums:action_add", args=[listing.pk])
    client.post(response.url, {"description": "IDVA to review the safety plan", "owner": org("My Sister's Place").pk,
                               "due_on": "2023-02-10", "side": "victim"})
    action = ForumAction.objects.get()
    assert action.side == "victim"
    client.post(reverse("forums:action_update", args=[action.pk]), {
        "status": "done", "completed_on": "2023-02-09", "version": action.version})
    assert ForumAction.objects.get().status == "done"


@time_machine.travel("2023-03-01 09:00")
def test_the_api_board_keeps_victim_side_actions_from_the_perpetrator_side(cast, client_for, listed):
    his = client_for(cast["perpetrator-worker"]).get("/api/forum-actions/overdue").json()
    assert [a["description"] for a in his] == ["Police to serve a DVPN"]
    hers = client_for(cast["partner-support-worker"]).get("/api/forum-actions/overdue").json()
    assert [a["description"] for a in hers] == [VICTIM_ACTION]
