"""Forum listings and actions: the services' rules and audit rows, and the selectors behind the
overdue-actions board and the case page's forum section, role by role across the barrier."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from dapi.accounts.models import Role
from dapi.cases.models import ForumAction, ForumListing, ForumType
from dapi.cases.forums.selectors import case_forum_context, open_actions, overdue_actions
from dapi.lib.errors import ConflictError
from dapi.cases.services.cases import assignment_end
from dapi.cases.forums.services import forum_action_create, forum_action_update, forum_listing_create

from dapi.cases.tests.builders import HARBOUR, MSP, org, staff, tatc_case, victim_service_manager

VICTIM_ACTION = "Synthetic victim-side action: refuge place near the school"
HIS_ACTION = "Police to serve a DVPN"
LATER_ACTION = "Navigator to book a GP appointment"
ON = date(2023, 3, 1)


def forum(code: str) -> ForumType:
    return ForumType.objects.get(code=code)


@pytest.fixture
def listed(cast):
    """A Cleveland case heard at MARAC (her, victim side) and MATAC (him), with one victim-side
    action overdue on 1 Mar 2023, one perpetrator-side action overdue and one not yet due."""
    case, victim, child = tatc_case(cast)
    psw, worker = cast["partner-support-worker"], cast["perpetrator-worker"]
    marac = forum_listing_create(case=case, forum=forum("MARAC"), meeting_on=date(2023, 2, 2), member=victim, by=psw)
    matac = forum_listing_create(case=case, forum=forum("MATAC"), meeting_on=date(2023, 2, 9), by=worker)
    hidden = forum_action_create(listing=marac, side="victim", description=VICTIM_ACTION, owner=org(MSP),
                                 due_on=date(2023, 2, 16), by=psw)
    shared = forum_action_create(listing=matac, side="perpetrator", description=HIS_ACTION,
                                 owner=org("Cleveland Police"), due_on=date(2023, 2, 20), by=worker)
    later = forum_action_create(listing=matac, side="perpetrator", description=LATER_ACTION, owner=org(HARBOUR),
                                due_on=date(2023, 6, 1), by=worker)
    return {"case": case, "victim": victim, "child": child, "marac": marac, "matac": matac, "hidden": hidden,
            "shared": shared, "later": later}


def descriptions(rows) -> list[str]:
    return [row["action"].description for row in rows]


# -- listings -------------------------------------------------------------------------------------

def test_forum_types_are_data_with_their_side(db):
    assert dict(ForumType.objects.values_list("code", "side")) == {
        "MARAC": "victim", "MATAC": "perpetrator", "MAPPA": "perpetrator", "TATI": "perpetrator"}


def test_a_victim_focused_forum_must_name_a_victim_of_this_case(cast):
    case, victim, child = tatc_case(cast)
    other_case, other_victim, _ = tatc_case(cast)
    for member in (None, child, other_victim):
        with pytest.raises(ValidationError, match="MARAC hears a victim") as refused:
            forum_listing_create(case=case, forum=forum("MARAC"), meeting_on=date(2023, 2, 2), member=member,
                                 by=cast["partner-support-worker"])
        assert refused.value.message_dict.keys() == {"member"}
    assert not ForumListing.objects.exists()
    assert forum_listing_create(case=case, forum=forum("MARAC"), meeting_on=date(2023, 2, 2), member=victim,
                                by=cast["partner-support-worker"]).member == victim


def test_a_forum_that_hears_him_must_not_name_a_victim(cast):
    case, victim, _ = tatc_case(cast)
    for code in ("MATAC", "MAPPA", "TATI"):
        with pytest.raises(ValidationError, match=f"{code} hears him, not a victim"):
            forum_listing_create(case=case, forum=forum(code), meeting_on=date(2023, 2, 2), member=victim,
                                 by=cast["perpetrator-worker"])
    assert not ForumListing.objects.exists()


def test_a_new_forum_type_is_a_row_and_its_side_sets_the_rule(cast):
    case, victim, _ = tatc_case(cast)
    panel = ForumType.objects.create(code="DAPP", name="Local perpetrator panel (synthetic)", side="perpetrator")
    conference = ForumType.objects.create(code="SVC", name="Synthetic victim conference", side="victim")
    assert forum_listing_create(case=case, forum=panel, meeting_on=date(2023, 3, 1), by=cast["perpetrator-worker"])
    with pytest.raises(ValidationError, match="SVC hears a victim"):
        forum_listing_create(case=case, forum=conference, meeting_on=date(2023, 3, 1),
                             by=cast["partner-support-worker"])


def test_the_same_listing_twice_is_refused(cast, listed):
    with pytest.raises(ValidationError, match="already listed at MATAC on 9 Feb 2023"):
        forum_listing_create(case=listed["case"], forum=forum("MATAC"), meeting_on=date(2023, 2, 9),
                             by=cast["perpetrator-worker"])
    assert listed["case"].forum_listings.count() == 2


def test_a_listing_is_audited_with_the_worker_who_made_it(cast, listed):
    entry = LogEntry.objects.get_for_object(listed["marac"]).get()
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, cast["partner-support-worker"])
    assert LogEntry.objects.get_for_object(listed["matac"]).get().actor == cast["perpetrator-worker"]


# -- actions --------------------------------------------------------------------------------------

def test_an_action_cannot_fall_due_before_the_meeting_that_agreed_it(cast, listed):
    with pytest.raises(ValidationError, match=r"due on or after the meeting that agreed it \(MATAC on 9 Feb 2023\)"):
        forum_action_create(listing=listed["matac"], side="perpetrator", description="Too early",
                            owner=org(HARBOUR), due_on=date(2023, 2, 8), by=cast["perpetrator-worker"])
    assert forum_action_create(listing=listed["matac"], side="perpetrator", description="Same day",
                               owner=org(HARBOUR), due_on=date(2023, 2, 9), by=cast["perpetrator-worker"])


def test_an_action_needs_a_description_and_a_known_side(cast, listed):
    for side, description in (("perpetrator", "   "), ("both", "Something")):
        with pytest.raises(ValidationError):
            forum_action_create(listing=listed["matac"], side=side, description=description, owner=org(HARBOUR),
                                due_on=date(2023, 3, 1), by=cast["perpetrator-worker"])
    assert ForumAction.objects.count() == 3


def test_an_action_is_audited_without_its_text(cast, listed):
    entry = LogEntry.objects.get_for_object(listed["hidden"]).get()
    assert entry.actor == cast["partner-support-worker"]
    assert "refuge" not in str(entry.changes) and "refuge" not in entry.object_repr


def test_marking_an_action_done_needs_the_date_it_was_done(cast, listed):
    action = listed["shared"]
    with pytest.raises(ValidationError, match="Enter the date the action was done"):
        forum_action_update(action=action, by=cast["perpetrator-worker"], version=action.version, status="done")
    with pytest.raises(ValidationError, match=r"done on or after the meeting that agreed it \(MATAC on 9 Feb 2023\)"):
        forum_action_update(action=action, by=cast["perpetrator-worker"], version=action.version, status="done",
                            completed_on=date(2023, 2, 1))
    assert ForumAction.objects.get(pk=action.pk).status == "open"
    forum_action_update(action=action, by=cast["perpetrator-worker"], version=action.version, status="done",
                        completed_on=date(2023, 2, 25))
    saved = ForumAction.objects.get(pk=action.pk)
    assert (saved.status, saved.completed_on, saved.version) == ("done", date(2023, 2, 25), 2)


def test_reopening_or_cancelling_an_action_clears_its_done_date(cast, listed):
    action = listed["shared"]
    forum_action_update(action=action, by=cast["perpetrator-worker"], version=1, status="done",
                        completed_on=date(2023, 2, 25))
    forum_action_update(action=action, by=cast["perpetrator-worker"], version=2, status="open",
                        completed_on=date(2023, 2, 25))
    assert ForumAction.objects.get(pk=action.pk).completed_on is None


def test_a_save_over_someone_elses_change_is_refused_and_changes_nothing(cast, listed):
    mine = ForumAction.objects.get(pk=listed["shared"].pk)
    theirs = ForumAction.objects.get(pk=listed["shared"].pk)
    forum_action_update(action=theirs, by=cast["provider-manager"], version=theirs.version, status="cancelled")
    with pytest.raises(ConflictError, match="Someone else changed this action after you opened it "
                                            r"\(it is now cancelled\)\. Reload the page"):
        forum_action_update(action=mine, by=cast["perpetrator-worker"], version=mine.version, status="done",
                            completed_on=date(2023, 2, 25))
    saved = ForumAction.objects.get(pk=mine.pk)
    assert (saved.status, saved.completed_on, saved.version) == ("cancelled", None, 2)


def test_an_update_is_audited_with_its_actor(cast, listed):
    action = listed["shared"]
    forum_action_update(action=action, by=cast["provider-manager"], version=1, status="done",
                        completed_on=date(2023, 2, 25))
    entry = LogEntry.objects.get_for_object(action).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cast["provider-manager"] and "status" in entry.changes_dict


# -- the overdue board and open actions -------------------------------------------------------------

def test_an_action_is_overdue_from_the_day_after_it_was_due(cast, listed):
    psw = cast["partner-support-worker"]
    assert descriptions(overdue_actions(psw, date(2023, 2, 16))) == []
    rows = overdue_actions(psw, date(2023, 2, 17))
    assert descriptions(rows) == [VICTIM_ACTION] and rows[0]["days_overdue"] == 1


def test_done_and_cancelled_actions_are_never_overdue(cast, listed):
    worker = cast["perpetrator-worker"]
    forum_action_update(action=listed["shared"], by=worker, version=1, status="cancelled")
    forum_action_update(action=listed["later"], by=worker, version=1, status="done", completed_on=date(2023, 2, 28))
    assert overdue_actions(worker, date(2024, 1, 1)) == []
    assert open_actions(worker, ON) == []


def test_the_board_filters_by_forum_and_owning_agency(cast, listed):
    worker = cast["perpetrator-worker"]
    assert descriptions(overdue_actions(worker, ON, forum=forum("MATAC"))) == [HIS_ACTION]
    assert overdue_actions(worker, ON, forum=forum("MAPPA")) == []
    assert descriptions(overdue_actions(worker, ON, owner=org("Cleveland Police"))) == [HIS_ACTION]
    assert overdue_actions(worker, ON, owner=org(HARBOUR)) == []


def test_open_actions_lists_what_is_not_yet_due_too(cast, listed):
    rows = open_actions(cast["perpetrator-worker"], ON)
    assert descriptions(rows) == [HIS_ACTION, LATER_ACTION]
    assert [row["days_overdue"] for row in rows] == [9, 0]


# -- the barrier, role by role ---------------------------------------------------------------------

SEES = {  # what each role sees on the board on 1 Mar 2023
    "perpetrator-worker": [HIS_ACTION], "provider-manager": [HIS_ACTION], "partner-support-worker": [VICTIM_ACTION],
    "commissioner": [], "finance-officer": [], "police-analyst": [], "panel-member": [], "evaluator": [],
    "administrator": [],
}


@pytest.mark.parametrize("username", SEES)
def test_the_board_shows_each_role_only_the_actions_on_its_side(cast, listed, username):
    assert descriptions(overdue_actions(cast[username], ON)) == SEES[username]
    still_open = {HIS_ACTION: [HIS_ACTION, LATER_ACTION], VICTIM_ACTION: [VICTIM_ACTION]}
    assert descriptions(open_actions(cast[username], ON)) == still_open.get(next(iter(SEES[username]), None), [])


def test_the_victim_services_manager_sees_victim_side_actions_and_an_outsider_nothing(cast, listed, outsider):
    assert descriptions(overdue_actions(victim_service_manager(), ON)) == [VICTIM_ACTION]
    assert overdue_actions(outsider, ON) == [] and open_actions(outsider, ON) == []
    unassigned = staff("other-harbour-worker", Role.PERPETRATOR_WORKER, HARBOUR)
    assert overdue_actions(unassigned, ON) == []


def test_a_manager_of_both_services_sees_his_side_only(cast, listed):
    """One person, one side (issue 16 item 2): never both, even through one membership."""
    case = listed["case"]
    case.victim_service = org(HARBOUR)
    case.save()
    assert descriptions(overdue_actions(cast["provider-manager"], ON)) == [HIS_ACTION]


def test_a_worker_taken_off_the_case_no_longer_sees_its_actions(cast, listed):
    assignment = listed["case"].assignments.get(worker=cast["partner-support-worker"])
    assignment_end(assignment=assignment, on=date(2023, 2, 20), by=victim_service_manager())
    assert overdue_actions(cast["partner-support-worker"], ON) == []


def test_the_case_section_shows_him_her_listing_by_pseudonym_and_none_of_her_actions(cast, listed):
    section = case_forum_context(cast["perpetrator-worker"], listed["case"])
    heard = {item["listing"].forum.code: item for item in section["listings"]}
    assert heard.keys() == {"MARAC", "MATAC"}
    assert heard["MARAC"]["listing"].member.person.reference == listed["victim"].person.reference
    assert heard["MARAC"]["actions"] == []
    assert [a.description for a in heard["MATAC"]["actions"]] == [HIS_ACTION, LATER_ACTION]
    assert section["can_list"] is True


def test_the_case_section_shows_partner_support_her_actions_and_not_his(cast, listed):
    section = case_forum_context(cast["partner-support-worker"], listed["case"])
    actions = {item["listing"].forum.code: [a.description for a in item["actions"]] for item in section["listings"]}
    assert actions == {"MARAC": [VICTIM_ACTION], "MATAC": []}


# -- demo -----------------------------------------------------------------------------------------

def test_the_demo_lists_cases_with_actions_some_overdue_on_both_sides_and_loads_once(cast):
    from dapi.demo.forums import load

    cases = [tatc_case(cast, referred_on=date(2023, 1, 9 + n))[0] for n in range(4)]
    today = date(2023, 6, 1)
    made = load(cases=cases, by=cast["provider-manager"], today=today)
    assert made["listings"] == 5 and made["actions"] == 10  # four forums for him, one MARAC for her
    assert {listing.forum.side for listing in ForumListing.objects.all()} == {"perpetrator", "victim"}
    assert all(listing.member.role == "victim" for listing in ForumListing.objects.filter(forum__side="victim"))
    assert all("(demo)" in a.description for a in ForumAction.objects.all())
    assert overdue_actions(cast["perpetrator-worker"], today) and overdue_actions(cast["partner-support-worker"], today)
    assert ForumAction.objects.filter(status="done").exists() and ForumAction.objects.filter(due_on__gt=today).exists()
    again = load(cases=cases, by=cast["provider-manager"], today=today)
    assert (again["listings"], again["actions"]) == (0, 0) and ForumAction.objects.count() == 10
