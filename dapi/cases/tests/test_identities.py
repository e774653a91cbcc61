"""Names where the barrier allows them (issue 21 item 1): his name and age beside his reference for
his side, hers and her child's for the victim side, and the reference alone for everyone else, on
the caseload, the case page, search, referrals, forum actions and CARA registers."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.cases.identities import access
from dapi.cases.identities.selectors import age_on, identities_on_cases
from dapi.cases.models import IdentifyingDetails, Side
from dapi.cases.services.people import identifying_details_set

from .builders import CHILD_NAME, PERPETRATOR_NAME, VICTIM_NAME, tatc_case, victim_service_manager
from .test_access_per_role import ROLES, user_for
from .test_referrals import refer, rules  # noqa: F401 (the fixture)

HIS_SIDE = {"provider-manager", "perpetrator-worker"}
HER_SIDE = {"partner-support-worker", "msp-manager"}
on_15_march_2024 = time_machine.travel("2024-03-15 09:00 +00:00", tick=False)


@pytest.fixture
def world(cast):
    case, victim, child = tatc_case(cast)
    return {"case": case, "victim": victim, "child": child}


@pytest.mark.parametrize("username", ROLES)
def test_his_name_is_for_his_side_and_hers_for_the_victim_side(cast, world, username):
    user, case = user_for(cast, username), world["case"]
    assert access.can_see_identity(user, case, case.perpetrator) is (username in HIS_SIDE)
    assert access.can_see_identity(user, case, world["victim"].person) is (username in HER_SIDE)
    assert access.can_see_identity(user, case, world["child"].person) is (username in HER_SIDE)


@pytest.mark.parametrize("username", ROLES)
def test_the_batch_answer_is_the_same_as_the_one_by_one_answer(cast, world, username):
    user, case = user_for(cast, username), world["case"]
    assert access.cases_showing_identities(user, [case], Side.PERPETRATOR) == ({case.pk} if username in HIS_SIDE
                                                                                else set())
    assert access.cases_showing_identities(user, [case], Side.VICTIM) == ({case.pk} if username in HER_SIDE
                                                                           else set())


def test_someone_on_another_case_is_not_named_through_this_one(cast, world):
    other, _, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    assert access.can_see_identity(psw, world["case"], world["victim"].person)
    assert not access.can_see_identity(psw, world["case"], other.members.first().person)


@pytest.mark.parametrize("username", ROLES)
def test_a_referred_man_is_named_to_the_screening_provider_and_the_referrer(cast, rules, username):  # noqa: F811
    referral = refer(cast)
    expected = username in {"provider-manager", "police-analyst"}
    assert access.can_see_referred_identity(user_for(cast, username), referral) is expected


def test_an_age_is_counted_to_the_birthday():
    assert age_on(date(1988, 4, 2), date(2024, 4, 1)) == 35
    assert age_on(date(1988, 4, 2), date(2024, 4, 2)) == 36
    assert age_on(None, date(2024, 4, 2)) is None


@on_15_march_2024
def test_each_name_shown_is_an_audited_read_that_keeps_no_name(cast, world):
    worker, case = cast["perpetrator-worker"], world["case"]
    names = identities_on_cases(worker, [case], members=case.members.all())
    assert {str(n) for n in names.values()} == {f"{PERPETRATOR_NAME}, aged 35"}
    details = IdentifyingDetails.objects.get(person=case.perpetrator)
    entries = LogEntry.objects.get_for_object(details).filter(action=LogEntry.Action.ACCESS, actor=worker)
    assert entries.count() == 1
    assert PERPETRATOR_NAME not in str(entries[0].changes) + entries[0].object_repr
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=worker,
                                       object_repr__contains=world["victim"].person.reference).exists()


@on_15_march_2024
def test_the_perpetrator_worker_sees_his_clients_name_on_the_caseload_and_case_page_never_hers(cast, client_for, world):
    client, case = client_for(cast["perpetrator-worker"]), world["case"]
    for url in (reverse("cases:case_list"), reverse("cases:case_detail", args=[case.pk])):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200
        assert f"{PERPETRATOR_NAME}, aged 35" in body and case.perpetrator.reference in body
        assert VICTIM_NAME not in body and CHILD_NAME not in body


@on_15_march_2024
def test_the_partner_support_worker_sees_her_name_and_her_childs_never_his(cast, client_for, world):
    response = client_for(cast["partner-support-worker"]).get(reverse("cases:case_detail", args=[world["case"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert f"{VICTIM_NAME}, aged 33" in body and f"{CHILD_NAME}, aged 7" in body
    assert PERPETRATOR_NAME not in body


def test_search_by_reference_names_only_the_searchers_own_side(cast, client_for, world):
    case = world["case"]
    her = world["victim"].person.reference
    worker = client_for(cast["perpetrator-worker"]).get(reverse("cases:person_search"), {"q": her})
    assert worker.status_code == 200 and her in worker.content.decode()
    assert VICTIM_NAME not in worker.content.decode()
    psw = client_for(cast["partner-support-worker"]).get(reverse("cases:person_search"), {"q": her})
    assert VICTIM_NAME in psw.content.decode()
    him = client_for(cast["partner-support-worker"]).get(reverse("cases:person_search"),
                                                          {"q": case.perpetrator.reference})
    assert case.perpetrator.reference in him.content.decode() and PERPETRATOR_NAME not in him.content.decode()


def test_a_referral_waiting_to_be_screened_shows_his_name_to_the_screener_only(cast, client_for, rules):  # noqa: F811
    referral = refer(cast)
    identifying_details_set(person=referral.person, by=cast["police-analyst"], full_name="Synthetic Referred Ashdown")
    for username in ("provider-manager", "police-analyst"):
        client = client_for(cast[username])
        assert "Synthetic Referred Ashdown" in client.get(reverse("cases:referral_list")).content.decode()
        assert "Synthetic Referred Ashdown" in client.get(
            reverse("cases:referral_detail", args=[referral.pk])).content.decode()
    msp = client_for(victim_service_manager())
    assert msp.get(reverse("cases:referral_detail", args=[referral.pk])).status_code == 404
    listed = msp.get(reverse("cases:referral_list"))
    assert listed.status_code == 200 and "Synthetic Referred Ashdown" not in listed.content.decode()


def test_names_are_never_in_the_caseload_export(cast, client_for, world):
    response = client_for(cast["perpetrator-worker"]).get(reverse("cases:case_export"))
    body = response.content.decode()
    assert response.status_code == 200 and world["case"].reference in body
    assert PERPETRATOR_NAME not in body
