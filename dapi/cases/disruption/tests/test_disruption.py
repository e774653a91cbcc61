"""Disruption and protective actions: the coded kinds, the dates, the audit row, who sees and records
which kind across the barrier (a Clare's Law disclosure is hers), and the case page's counts before
and from his entry."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404

from dapi.cases.disruption import access
from dapi.cases.disruption.selectors import case_disruption_context
from dapi.cases.disruption.services import disruption_action_create
from dapi.cases.models import CaseStatus, DisruptionAction
from dapi.cases.services.cases import case_change_status
from dapi.cases.tests.builders import tatc_case, org, victim_service_manager

POLICE = "Cleveland Police"
on_1_june_2023 = time_machine.travel("2023-06-01 09:00 +00:00", tick=False)

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


@pytest.fixture
def actions(cast):
    """A case he entered on 1 Mar 2023: an arrest before entry and a DVPO after it (both sides see
    them), and a right-to-ask disclosure to her (the victim side only)."""
    with on_1_june_2023:
        case, victim, _ = tatc_case(cast)
        worker, psw = cast["perpetrator-worker"], cast["partner-support-worker"]
        case_change_status(case=case, to=CaseStatus.ASSESSMENT, on=date(2023, 2, 1), by=worker, version=case.version)
        case_change_status(case=case, to=CaseStatus.ACTIVE, on=date(2023, 3, 1), by=worker, version=case.version)
        arrest = disruption_action_create(case=case, kind="arrest", taken_on=date(2023, 1, 2), agency=org(POLICE),
                                          by=worker)
        dvpo = disruption_action_create(case=case, kind="dvpo", taken_on=date(2023, 3, 1), agency=org(POLICE), by=psw)
        asked = disruption_action_create(case=case, kind="dvds_ask", taken_on=date(2023, 4, 5), agency=org(POLICE),
                                         by=psw)
    return {"case": case, "arrest": arrest, "dvpo": dvpo, "asked": asked}


def test_an_action_is_recorded_with_its_kind_date_and_agency_and_audited(cast):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        before = LogEntry.objects.count()
        action = disruption_action_create(case=case, kind="spo", taken_on=date(2023, 5, 31), agency=org(POLICE),
                                          by=cast["perpetrator-worker"])
    action.refresh_from_db()
    assert (action.kind, action.taken_on, action.agency.name) == ("spo", date(2023, 5, 31), POLICE)
    entry = LogEntry.objects.get_for_object(action).get()
    assert entry.actor == cast["perpetrator-worker"] and entry.action == LogEntry.Action.CREATE
    assert LogEntry.objects.count() == before + 1
    assert "Synthetic" not in entry.object_repr and case.reference in entry.object_repr


def test_an_action_dated_after_today_is_refused_naming_the_field_and_nothing_is_written(cast):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        before = LogEntry.objects.count()
        with pytest.raises(ValidationError) as error:
            disruption_action_create(case=case, kind="arrest", taken_on=date(2023, 6, 2), agency=org(POLICE),
                                     by=cast["perpetrator-worker"])
    assert list(error.value.message_dict) == ["taken_on"]
    assert "02 Jun 2023 is after today (01 Jun 2023)" in error.value.message_dict["taken_on"][0]
    assert not DisruptionAction.objects.exists() and LogEntry.objects.count() == before


def test_a_kind_not_in_the_list_is_refused_naming_the_field_and_nothing_is_written(cast):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        with pytest.raises(ValidationError) as error:
            disruption_action_create(case=case, kind="curfew", taken_on=date(2023, 5, 1), agency=org(POLICE),
                                     by=cast["perpetrator-worker"])
    assert list(error.value.message_dict) == ["kind"]
    assert "'curfew' is not a kind" in error.value.message_dict["kind"][0] and "dvpo" in error.value.message_dict["kind"][0]
    assert not DisruptionAction.objects.exists()


@pytest.mark.parametrize("username", ROLES)
def test_each_role_sees_the_kinds_of_its_own_side_only(cast, actions, username):
    user, case, side = user_for(cast, username), actions["case"], SIDE.get(username)
    expected = {"perpetrator": {actions["arrest"], actions["dvpo"]},
                "victim": {actions["arrest"], actions["dvpo"], actions["asked"]}}.get(side, set())
    assert set(access.disruption_action_list_for(user, case)) == expected
    assert ("dvds_ask" in access.kinds_for(user, case)) is (side == "victim")
    assert ("arrest" in access.kinds_for(user, case)) is (side is not None)
    assert access.can_record(user, case, "dvds_know") is (side == "victim")
    assert access.can_record(user, case, "breach") is (side is not None)
    assert refused(lambda: access.case_to_record_disruption(user, case.pk)) is (side is None)


@pytest.mark.parametrize("username", ROLES)
def test_each_role_records_only_what_its_side_may_and_a_refusal_writes_nothing(cast, actions, username):
    user, case, side = user_for(cast, username), actions["case"], SIDE.get(username)
    with on_1_june_2023:
        for kind in ("breach", "dvds_know"):
            before = (DisruptionAction.objects.count(), LogEntry.objects.count())
            allowed = side == "victim" or (side == "perpetrator" and kind == "breach")
            made = not refused(lambda k=kind: disruption_action_create(
                case=case, kind=k, taken_on=date(2023, 5, 1), agency=org(POLICE), by=user))
            assert made is allowed
            if not allowed:
                assert (DisruptionAction.objects.count(), LogEntry.objects.count()) == before


def test_the_case_section_counts_each_kind_before_and_from_his_entry(cast, actions):
    hers = case_disruption_context(cast["partner-support-worker"], actions["case"])
    assert hers["counts"] == [
        {"kind": "Clare's Law disclosure: right to ask", "before": 0, "after": 1},
        {"kind": "Domestic Violence Protection Order (DVPO)", "before": 0, "after": 1},
        {"kind": "Arrest", "before": 1, "after": 0}]
    his = case_disruption_context(cast["perpetrator-worker"], actions["case"])
    assert [row["kind"] for row in his["counts"]] == ["Domestic Violence Protection Order (DVPO)", "Arrest"]
    assert his["actions"] == [actions["dvpo"], actions["arrest"]] and his["can_record"]


def test_before_he_enters_every_action_counts_as_before_entry(cast):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        disruption_action_create(case=case, kind="charge", taken_on=date(2023, 5, 1), agency=org(POLICE), by=None)
    counts = case_disruption_context(cast["perpetrator-worker"], case)["counts"]
    assert counts == [{"kind": "Charge", "before": 1, "after": 0}]


def test_his_subject_access_copy_lists_the_actions_against_him_but_never_her_disclosure(cast, actions):
    from dapi.cases.protection import subject_access_export

    export = subject_access_export(actions["case"].perpetrator, by=cast["administrator"])
    listed = export["cases_as_perpetrator"][0]["disruption_actions"]
    assert [a["kind"] for a in listed] == ["Domestic Violence Protection Order (DVPO)", "Arrest"]
    assert "Clare" not in str(export)


def test_the_audit_log_holds_her_disclosure_with_her_service_only(cast, actions):
    from dapi.cases.holdings import HOLDINGS

    def held(name):
        own, any_side = HOLDINGS[DisruptionAction]({org(name).pk})
        return set(DisruptionAction.objects.filter(own)), set(DisruptionAction.objects.filter(any_side))

    everything = {actions["arrest"], actions["dvpo"], actions["asked"]}
    assert held("Harbour Support Services") == ({actions["arrest"], actions["dvpo"]}, everything)
    assert held("My Sister's Place") == (everything, everything)
    assert held("Cleveland Police") == (set(), set())
