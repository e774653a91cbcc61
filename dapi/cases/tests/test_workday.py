"""A worker's home (issue 21 item 4): my cases with the last contact, the next booked session and
what is overdue; referrals waiting for the screener; recent changes to my cases by others, on my
side of the barrier only, naming fields and never their values."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from dapi.cases.assessment.services import risk_plan_review
from dapi.cases.forums.services import forum_action_create, forum_listing_create
from dapi.cases.models import ForumType, NeedKind, Side
from dapi.cases.services.people import identifying_details_set
from dapi.cases.services.work import contact_create, need_create
from dapi.cases.workday import access
from dapi.cases.workday.selectors import worker_home

from .builders import PERPETRATOR_NAME, VICTIM_NAME, org, tatc_case
from .test_access_per_role import ROLES, user_for
from .test_referrals import refer, rules  # noqa: F401 (the fixture)

TODAY = date(2023, 3, 1)
on_1_march_2023 = time_machine.travel("2023-03-01 09:00 +00:00", tick=False)
HER_NOTE = "Synthetic note: she asked about refuge"
HIS_NOTE = "Synthetic note: he talked about his job"


@pytest.fixture
def world(cast):
    with on_1_march_2023:
        case, victim, child = tatc_case(cast)
        worker, psw, manager = cast["perpetrator-worker"], cast["partner-support-worker"], cast["provider-manager"]
        contact_create(case=case, side=Side.PERPETRATOR, kind="one_to_one", on=date(2023, 2, 20),
                       attendance="attended", worker=worker, by=worker, notes=HIS_NOTE)
        contact_create(case=case, side=Side.VICTIM, member=victim, kind="phone", on=date(2023, 2, 21),
                       attendance="attended", worker=psw, by=psw, notes=HER_NOTE)
        need_create(case=case, kind=NeedKind.objects.get(code="housing"), identified_on=date(2023, 2, 22),
                    by=manager)
        matac = forum_listing_create(case=case, forum=ForumType.objects.get(code="MATAC"),
                                     meeting_on=date(2023, 2, 9), by=worker)
        forum_action_create(listing=matac, side=Side.PERPETRATOR, description="Synthetic police check",
                            owner=org("Cleveland Police"), due_on=date(2023, 2, 20), by=worker)
        risk_plan_review(case=case, by=worker, reviewed_on=date(2023, 1, 20), risks=["Synthetic risk"],
                         actions=[{"who": "Coordinator", "what": "Weekly sessions"}], next_review_on=date(2023, 2, 20))
    return {"case": case, "victim": victim}


@on_1_march_2023
def test_his_worker_sees_his_case_with_its_last_session_and_what_is_overdue(cast, world):
    home = worker_home(cast["perpetrator-worker"], TODAY)
    [row] = home["cases"]
    assert row.case == world["case"] and str(row.name) == f"{PERPETRATOR_NAME}, aged 34"
    assert row.last_contact.on == date(2023, 2, 20) and row.last_contact.side == Side.PERPETRATOR
    assert row.overdue == ["1 forum action overdue", "Risk plan review overdue since 20 Feb 2023"]


@on_1_march_2023
def test_her_worker_sees_her_side_only(cast, world):
    home = worker_home(cast["partner-support-worker"], TODAY)
    [row] = home["cases"]
    assert row.name is None  # his name is not hers to see
    assert row.last_contact.on == date(2023, 2, 21) and row.last_contact.side == Side.VICTIM
    assert row.overdue == ["DASH not recorded for 1 victim"]


@on_1_march_2023
def test_changes_by_others_are_shown_on_my_side_of_the_barrier_only(cast, world):
    worker, psw = cast["perpetrator-worker"], cast["partner-support-worker"]
    his = worker_home(worker, TODAY)["changes"]
    kinds = {(c["by"].username if c["by"] else None, c["kind"]) for c in his}
    assert ("provider-manager", "need") in kinds
    assert all(c["by"] != worker for c in his)
    assert not any(c["kind"] in ("contact", "case member", "identifying details") and c["by"] == psw for c in his)
    hers = worker_home(psw, TODAY)["changes"]
    kinds = {(c["by"].username if c["by"] else None, c["kind"]) for c in hers}
    assert ("provider-manager", "need") not in kinds and ("perpetrator-worker", "contact") not in kinds
    assert ("perpetrator-worker", "forum action") not in kinds
    assert ("provider-manager", "case") in kinds  # the case itself is on both sides


@pytest.mark.parametrize("username", ROLES)
def test_only_workers_assigned_now_have_cases_of_their_own(cast, world, username):
    mine = access.my_case_list_for(user_for(cast, username))
    assert list(mine) == ([world["case"]] if username in ("perpetrator-worker", "partner-support-worker") else [])


@on_1_march_2023
def test_the_home_page_shows_my_work_and_never_a_note_or_her_name_to_him(cast, client_for, world):
    response = client_for(cast["perpetrator-worker"]).get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200 and "Your work" in body
    assert world["case"].reference in body and PERPETRATOR_NAME in body and "1 forum action overdue" in body
    manager = cast["provider-manager"]
    assert f"{manager.get_full_name() or manager.username} · created need" in body
    for secret in (HIS_NOTE, HER_NOTE, VICTIM_NAME):
        assert secret not in body
    response = client_for(cast["partner-support-worker"]).get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200 and "DASH not recorded for 1 victim" in body
    assert PERPETRATOR_NAME not in body and HIS_NOTE not in body and HER_NOTE not in body


@on_1_march_2023
def test_the_screener_sees_referrals_waiting_with_his_name(cast, client_for, rules):  # noqa: F811
    referral = refer(cast, received_on=date(2023, 2, 1))
    identifying_details_set(person=referral.person, by=cast["police-analyst"], full_name="Synthetic Referred Ashdown")
    home = worker_home(cast["provider-manager"], TODAY)
    assert home["referrals"]["count"] == 1 and home["referrals"]["first"] == [referral]
    body = client_for(cast["provider-manager"]).get(reverse("home")).content.decode()
    assert referral.person.reference in body and "Synthetic Referred Ashdown" in body
    assert worker_home(cast["police-analyst"], TODAY) is None  # it referred him; Harbour screens
    response = client_for(cast["commissioner"]).get(reverse("home"))
    assert response.status_code == 200 and "Your work" not in response.content.decode()
