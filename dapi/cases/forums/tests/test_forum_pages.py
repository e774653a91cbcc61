"""Forum pages and API: the overdue-actions board, open actions, listing a case at a forum and
recording its actions, and the barrier on every one of them."""

import re

import pytest
import time_machine
from django.urls import reverse

from dapi.cases.models import ForumAction, ForumListing, ForumType

from dapi.cases.tests.builders import (
    CHILD_NAME, HARBOUR, MSP, PERPETRATOR_NAME, VICTIM_ADDRESS, VICTIM_EMAIL, VICTIM_NAME, VICTIM_PHONE, VICTIM_POSTCODE, org,
    tatc_case,
)
from .test_forums import HIS_ACTION, LATER_ACTION, VICTIM_ACTION, listed  # noqa: F401 (a fixture)

BOARD = "/forums/actions/overdue/"
OPEN = "/forums/actions/"
API_BOARD = "/api/forum-actions/overdue"
SECRETS = [VICTIM_NAME, VICTIM_ADDRESS, VICTIM_PHONE, VICTIM_EMAIL, VICTIM_POSTCODE, CHILD_NAME, "Quillon",
           VICTIM_ACTION, "refuge"]
OFF_THE_CASE = ["commissioner", "finance-officer", "police-analyst", "panel-member", "evaluator", "administrator"]
travel = time_machine.travel("2023-03-01 09:00 +00:00", tick=False)


def assert_no_secrets(body: str, where: str = ""):
    for secret in SECRETS:
        assert secret not in body, f"{secret!r} leaked {where}"


def case_scoped_urls(listed) -> list[str]:
    return [reverse("forums:listing_add", args=[listed["case"].pk]),
            reverse("forums:action_add", args=[listed["marac"].pk]),
            reverse("forums:action_add", args=[listed["matac"].pk]),
            reverse("forums:action_update", args=[listed["hidden"].pk]),
            reverse("forums:action_update", args=[listed["shared"].pk])]


def test_the_urls_are_where_the_navigation_expects_them():
    assert (reverse("forums:overdue"), reverse("forums:open_actions")) == (BOARD, OPEN)


# -- the board ------------------------------------------------------------------------------------

@travel
def test_the_board_shows_forum_meeting_case_owner_due_date_and_days_overdue(cast, client_for, listed):
    body = client_for(cast["perpetrator-worker"]).get(BOARD).content.decode()
    row = re.search(r'<td class="govuk-table__cell">MATAC</td>(.*?)</tr>', body, re.S)
    assert row, body
    cells = row.group(1)
    assert "9 Feb 2023" in cells and HIS_ACTION in cells and "Cleveland Police" in cells and "20 Feb 2023" in cells
    assert f'href="{reverse("cases:case_detail", args=[listed["case"].pk])}">{listed["case"].reference}</a>' in cells
    assert '<strong class="govuk-tag govuk-tag--red">9 days overdue</strong>' in cells
    assert "1 overdue on 1 Mar 2023" in body
    assert LATER_ACTION not in body  # not due until June


@travel
def test_the_board_filters_by_forum_owner_and_date(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])
    assert HIS_ACTION not in client.get(BOARD, {"forum": ForumType.objects.get(code="MAPPA").pk}).content.decode()
    assert HIS_ACTION in client.get(BOARD, {"forum": ForumType.objects.get(code="MATAC").pk}).content.decode()
    assert HIS_ACTION in client.get(BOARD, {"owner": org("Cleveland Police").pk}).content.decode()
    assert "1 day overdue" in client.get(BOARD, {"today": "2023-02-21"}).content.decode()
    assert "No overdue actions." in client.get(BOARD, {"today": "2023-02-20"}).content.decode()


@travel
def test_the_owner_filter_offers_only_agencies_owning_actions_you_see(cast, client_for, listed):
    his = client_for(cast["perpetrator-worker"]).get(BOARD).content.decode()
    assert f'<option value="{org("Cleveland Police").pk}">' in his
    assert f'<option value="{org(MSP).pk}">' not in his
    hers = client_for(cast["partner-support-worker"]).get(BOARD).content.decode()
    assert f'<option value="{org(MSP).pk}">' in hers and f'<option value="{org("Cleveland Police").pk}">' not in hers


@travel
def test_the_open_actions_page_lists_every_open_action_soonest_first(cast, client_for, listed):
    body = client_for(cast["perpetrator-worker"]).get(OPEN).content.decode()
    assert body.index(HIS_ACTION) < body.index(LATER_ACTION)
    assert "9 days overdue" in body and '<strong class="govuk-tag govuk-tag--blue">Open</strong>' in body


@travel
def test_partner_support_sees_her_actions_on_the_board_the_case_page_and_the_api(cast, client_for, listed):
    client = client_for(cast["partner-support-worker"])
    board = client.get(BOARD).content.decode()
    assert VICTIM_ACTION in board and "13 days overdue" in board and HIS_ACTION not in board
    assert VICTIM_ACTION in client.get(OPEN).content.decode()
    assert VICTIM_ACTION in client.get(reverse("cases:case_detail", args=[listed["case"].pk])).content.decode()
    assert [a["description"] for a in client.get(API_BOARD).json()["results"]] == [VICTIM_ACTION]
    assert client.get(reverse("forums:action_update", args=[listed["hidden"].pk])).status_code == 200


# -- the barrier ----------------------------------------------------------------------------------

@travel
@pytest.mark.parametrize("username", ["perpetrator-worker", "provider-manager"])
def test_the_perpetrator_side_never_sees_her_actions_or_her_name_anywhere(cast, client_for, listed, username):
    client = client_for(cast[username])
    case, marac, matac = listed["case"], listed["marac"], listed["matac"]
    reads = [BOARD, OPEN, f"{BOARD}?owner={org(MSP).pk}", f"{BOARD}?forum={marac.forum_id}",
             reverse("cases:case_detail", args=[case.pk]), reverse("forums:listing_add", args=[case.pk]),
             reverse("forums:action_add", args=[marac.pk]), reverse("forums:action_add", args=[matac.pk]),
             reverse("forums:action_update", args=[listed["shared"].pk]), API_BOARD, f"{API_BOARD}?forum=MARAC"]
    for url in reads:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secrets(response.content.decode(), f"on {url}")
    refused = [
        (reverse("forums:listing_add", args=[case.pk]), {"forum": marac.forum_id, "meeting_on": "2023-03-02",
                                                           "member": listed["victim"].pk}),
        (reverse("forums:action_add", args=[marac.pk]), {"description": "x", "owner": org(MSP).pk,
                                                          "due_on": "2023-01-01", "side": "victim"}),
        (reverse("forums:action_update", args=[listed["hidden"].pk]), {"status": "done", "version": 1}),
        (f"{API_BOARD}?forum=NOPE", None),
    ]
    for url, data in refused:
        response = client.post(url, data) if data else client.get(url)
        assert response.status_code in (200, 404, 422), url
        assert_no_secrets(response.content.decode(), f"in the refusal from {url}")
    assert ForumListing.objects.count() == 2 and ForumAction.objects.count() == 3
    assert ForumAction.objects.get(pk=listed["hidden"].pk).status == "open"


def test_her_listing_shows_him_her_pseudonym_only(cast, client_for, listed):
    body = client_for(cast["perpetrator-worker"]).get(
        reverse("cases:case_detail", args=[listed["case"].pk])).content.decode()
    assert f"MARAC on 2 Feb 2023, hearing victim {listed['victim'].person.reference}" in body
    assert "No actions you may see." in body
    assert_no_secrets(body)


def test_a_victim_side_action_answers_him_exactly_like_one_that_does_not_exist(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])

    def page(pk):
        response = client.get(reverse("forums:action_update", args=[pk]))
        return response.status_code, re.sub(rb'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', b"", response.content)

    assert page(listed["hidden"].pk) == page(999999)
    assert page(listed["hidden"].pk)[0] == 404


def test_the_perpetrator_side_cannot_list_her_at_marac_or_add_a_victim_side_action(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])
    form = client.get(reverse("forums:listing_add", args=[listed["case"].pk])).content.decode()
    assert "MARAC" not in form and "Victim heard" not in form and "MATAC" in form
    response = client.post(reverse("forums:listing_add", args=[listed["case"].pk]), {
        "forum": ForumType.objects.get(code="MARAC").pk, "meeting_on": "2023-03-02"})
    assert "Select a valid choice" in response.content.decode()
    response = client.post(reverse("forums:action_add", args=[listed["matac"].pk]), {
        "description": "Synthetic attempt", "owner": org(MSP).pk, "due_on": "2023-04-01", "side": "victim"})
    assert "Select a valid choice" in response.content.decode()
    assert not ForumAction.objects.filter(description="Synthetic attempt").exists()
    assert ForumListing.objects.count() == 2


@travel
@pytest.mark.parametrize("username", OFF_THE_CASE)
def test_roles_off_the_case_get_404_on_every_case_scoped_page_and_an_empty_board(cast, client_for, listed, username):
    client = client_for(cast[username])
    for url in case_scoped_urls(listed):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"status": "done", "completed_on": "2023-03-01", "version": 1}).status_code == 404
    assert "No overdue actions." in client.get(BOARD).content.decode()
    assert "No open actions." in client.get(OPEN).content.decode()
    assert client.get(API_BOARD).json()["results"] == []
    assert ForumAction.objects.filter(status="open").count() == 3


def test_an_outsider_gets_404_everywhere_and_nothing_on_the_board(client_for, listed, outsider):
    client = client_for(outsider)
    for url in case_scoped_urls(listed):
        assert client.get(url).status_code == 404, url
    assert listed["case"].reference not in client.get(BOARD).content.decode()
    assert client.get(API_BOARD).json()["results"] == []


def test_the_board_and_api_ask_for_a_sign_in(client, db):
    assert client.get(BOARD).status_code == 302
    assert client.get(API_BOARD).status_code == 401


# -- listing and acting through the pages -----------------------------------------------------------

def test_partner_support_lists_her_at_marac_and_records_and_completes_an_action(cast, client_for):
    case, victim, _ = tatc_case(cast)
    client = client_for(cast["partner-support-worker"])
    form = client.get(reverse("forums:listing_add", args=[case.pk])).content.decode()
    assert f">{victim.person.reference}</option>" in form and "MATAC" not in form
    response = client.post(reverse("forums:listing_add", args=[case.pk]), {
        "forum": ForumType.objects.get(code="MARAC").pk, "meeting_on": "2023-02-02", "member": victim.pk})
    listing = case.forum_listings.get()
    assert (response.status_code, response.url) == (302, reverse("forums:action_add", args=[listing.pk]))
    assert listing.member == victim
    response = client.post(response.url, {"description": "IDVA to review the safety plan", "owner": org(MSP).pk,
                                          "due_on": "2023-02-10", "side": "victim"})
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    action = ForumAction.objects.get()
    assert (action.side, action.listing, action.owner) == ("victim", listing, org(MSP))
    client.post(reverse("forums:action_update", args=[action.pk]), {
        "status": "done", "completed_on": "2023-02-09", "version": action.version})
    action.refresh_from_db()
    assert (action.status, str(action.completed_on), action.version) == ("done", "2023-02-09", 2)


def test_the_perpetrator_worker_lists_him_at_matac_through_the_case_section(cast, client_for):
    case, _, _ = tatc_case(cast)
    client = client_for(cast["perpetrator-worker"])
    section = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert reverse("forums:listing_add", args=[case.pk]) in section and "Not listed at any forum." in section
    client.post(reverse("forums:listing_add", args=[case.pk]), {
        "forum": ForumType.objects.get(code="MATAC").pk, "meeting_on": "2023-02-09"})
    listing = case.forum_listings.get()
    section = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "MATAC on 9 Feb 2023" in section and reverse("forums:action_add", args=[listing.pk]) in section


def test_the_case_section_links_each_action_you_see_to_its_update_page(cast, client_for, listed):
    his = client_for(cast["perpetrator-worker"]).get(
        reverse("cases:case_detail", args=[listed["case"].pk])).content.decode()
    assert reverse("forums:action_update", args=[listed["shared"].pk]) in his
    assert reverse("forums:action_update", args=[listed["hidden"].pk]) not in his


def test_a_marac_listing_without_a_victim_is_refused_on_the_field(cast, client_for):
    case, _, _ = tatc_case(cast)
    response = client_for(cast["partner-support-worker"]).post(reverse("forums:listing_add", args=[case.pk]), {
        "forum": ForumType.objects.get(code="MARAC").pk, "meeting_on": "2023-02-02"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert f"MARAC hears a victim: choose the victim heard from the victims linked to case {case.reference}." in body
    assert not ForumListing.objects.exists()


def test_an_action_due_before_its_meeting_is_refused_on_the_field(cast, client_for, listed):
    response = client_for(cast["perpetrator-worker"]).post(
        reverse("forums:action_add", args=[listed["matac"].pk]),
        {"description": "Too early", "owner": org(HARBOUR).pk, "due_on": "2023-02-01", "side": "perpetrator"})
    body = response.content.decode()
    assert 'id="id_due_on-error"' in body and "due on or after the meeting that agreed it (MATAC on 9 Feb 2023)" in body
    assert not ForumAction.objects.filter(description="Too early").exists()


def test_done_without_a_date_is_refused_on_the_field(cast, client_for, listed):
    response = client_for(cast["perpetrator-worker"]).post(
        reverse("forums:action_update", args=[listed["shared"].pk]), {"status": "done", "version": 1})
    assert "Enter the date the action was done." in response.content.decode()
    assert ForumAction.objects.get(pk=listed["shared"].pk).status == "open"


def test_a_stale_action_form_gets_a_conflict_message_and_changes_nothing(cast, client_for, listed):
    url = reverse("forums:action_update", args=[listed["shared"].pk])
    client_for(cast["provider-manager"]).post(url, {"status": "cancelled", "version": 1})
    response = client_for(cast["perpetrator-worker"]).post(url, {"status": "done", "completed_on": "2023-02-25",
                                                                  "version": 1})
    assert "Someone else changed this action after you opened it (it is now cancelled)." in response.content.decode()
    assert ForumAction.objects.get(pk=listed["shared"].pk).status == "cancelled"


# -- the API --------------------------------------------------------------------------------------

@travel
def test_the_api_board_gives_each_side_its_own_actions_with_days_overdue(cast, client_for, listed):
    his = client_for(cast["perpetrator-worker"]).get(API_BOARD).json()["results"]
    assert [(a["forum"], a["case_reference"], a["owner"]["name"], a["due_on"], a["days_overdue"], a["side"])
            for a in his] == [("MATAC", listed["case"].reference, "Cleveland Police", "2023-02-20", 9, "perpetrator")]
    hers = client_for(cast["partner-support-worker"]).get(API_BOARD).json()["results"]
    assert [(a["description"], a["days_overdue"], a["side"]) for a in hers] == [(VICTIM_ACTION, 13, "victim")]


@travel
def test_the_api_board_filters_by_forum_code_owner_name_and_date(cast, client_for, listed):
    client = client_for(cast["perpetrator-worker"])
    assert client.get(API_BOARD, {"forum": "mappa"}).json()["results"] == []
    assert len(client.get(API_BOARD, {"forum": "MATAC", "owner": "Cleveland Police"}).json()["results"]) == 1
    assert client.get(API_BOARD, {"today": "2023-02-20"}).json()["results"] == []
    refused = client.get(API_BOARD, {"forum": "NOPE"})
    assert refused.status_code == 422 and "No forum type with the code 'NOPE'" in refused.json()["detail"]
    assert client.get(API_BOARD, {"owner": "Nobody Ltd"}).status_code == 422


@travel
def test_the_board_names_him_to_his_side_and_no_one_to_the_victim_side(cast, client_for, listed):
    response = client_for(cast["perpetrator-worker"]).get(OPEN)
    assert response.status_code == 200 and PERPETRATOR_NAME in response.content.decode()
    response = client_for(cast["partner-support-worker"]).get(OPEN)
    body = response.content.decode()
    assert response.status_code == 200 and listed["case"].reference in body and PERPETRATOR_NAME not in body


@travel
def test_the_case_page_names_the_victim_heard_at_marac_to_the_victim_side_only(cast, client_for, listed):
    url = reverse("cases:case_detail", args=[listed["case"].pk])
    body = client_for(cast["partner-support-worker"]).get(url).content.decode()
    assert f"hearing victim {listed['victim'].person.reference}" in body and VICTIM_NAME in body
    body = client_for(cast["perpetrator-worker"]).get(url).content.decode()
    assert f"hearing victim {listed['victim'].person.reference}" in body and VICTIM_NAME not in body
