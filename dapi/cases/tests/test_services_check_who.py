"""Every case service checks its `by` itself: someone who may not do it gets the same 404 as for a
record that does not exist and nothing is written, not even an audit row. And the services whose
audit rows no other test looks at write theirs, naming the actor."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.http import Http404

from dapi.accounts.models import Role
from dapi.cases.models import (
    Assignment, Case, CaseMember, Contact, Goal, IdentifyingDetails, Need, NeedKind, Person, Referral, RiskAssessment,
    SafetyPlan, StatusChange,
)
from dapi.cases.services.cases import (
    assignment_create, assignment_end, case_change_status, case_create, member_add, member_of_new_person_add,
    member_update,
)
from dapi.cases.services.people import identifying_details_set, person_create
from dapi.cases.services.referrals import (
    referral_accept, referral_create, referral_decline, referral_of_new_person_create, referral_update_facts,
)
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.services.work import (
    contact_create, goal_create, goal_update, need_create, need_update, safety_plan_create,
)
from dapi.demo.cases import load_rules
from dapi.funding.models import Programme

from .builders import HARBOUR, MSP, org, staff, tatc_case, victim_service_manager

WRITTEN = [Person, IdentifyingDetails, Referral, Case, StatusChange, CaseMember, Assignment, Contact, Need, Goal,
           SafetyPlan, RiskAssessment, LogEntry]


def everything() -> dict:
    return {model.__name__: model.objects.count() for model in WRITTEN}


def answers(yes: int) -> dict:
    return {str(n): "yes" if n <= yes else "no" for n in range(1, 25)}


@pytest.fixture
def world(cast):
    load_rules()
    case, victim, child = tatc_case(cast)
    referral = referral_of_new_person_create(
        by=cast["police-analyst"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=org(HARBOUR), source="police", referring_organisation=org("Cleveland Police"),
        received_on=date(2023, 3, 1), reason="Repeat call-outs", lawful_basis="public_task")
    need = need_create(case=case, kind=NeedKind.objects.get(code="housing"), identified_on=date(2023, 1, 20), by=None)
    goal = goal_create(case=case, description="Attend every session", set_on=date(2023, 1, 20), by=None)
    stranger = person_create(recorded_by=org(MSP), by=None, is_synthetic=True)
    return {**cast, "case": case, "victim": victim, "referral": referral, "need": need, "goal": goal,
            "stranger": stranger, "partner": case.assignments.get(side="victim"),
            "msp-manager": victim_service_manager(), "msp-worker": staff("msp-second", Role.PARTNER_SUPPORT_WORKER, MSP)}


REFUSED = {
    "a commissioner records a person": lambda w: person_create(recorded_by=org(MSP), by=w["commissioner"]),
    "his worker sets her details": lambda w: identifying_details_set(
        person=w["victim"].person, by=w["perpetrator-worker"], phone="07700 900000"),
    "a provider manager refers for the police": lambda w: referral_create(
        by=w["provider-manager"], person=w["stranger"], programme=w["referral"].programme, provider=org(HARBOUR),
        source="police", referring_organisation=org("Cleveland Police"), received_on=date(2023, 3, 2),
        reason="Repeat call-outs", lawful_basis="public_task"),
    "a provider manager refers a new person for the police": lambda w: referral_of_new_person_create(
        by=w["provider-manager"], programme=w["referral"].programme, provider=org(HARBOUR), source="police",
        referring_organisation=org("Cleveland Police"), received_on=date(2023, 3, 2), reason="Repeat call-outs",
        lawful_basis="public_task"),
    "partner support corrects a referral": lambda w: referral_update_facts(
        referral=w["referral"], by=w["partner-support-worker"], version=w["referral"].version, dash_score=3),
    "the referring analyst accepts": lambda w: referral_accept(
        referral=w["referral"], by=w["police-analyst"], on=date(2023, 3, 5), reason="Fits",
        version=w["referral"].version),
    "the referring analyst declines": lambda w: referral_decline(
        referral=w["referral"], by=w["police-analyst"], on=date(2023, 3, 5), reason="No",
        version=w["referral"].version),
    "another provider's manager opens a case": lambda w: case_create(
        programme=w["case"].programme, provider=org(HARBOUR), perpetrator=w["stranger"], referred_on=date(2023, 3, 1),
        by=w["msp-manager"]),
    "partner support changes his status": lambda w: case_change_status(
        case=w["case"], to="assessment", on=date(2023, 1, 20), by=w["partner-support-worker"],
        version=w["case"].version),
    "an analyst links someone": lambda w: member_add(case=w["case"], person=w["stranger"], role="family",
                                                     by=w["police-analyst"]),
    "a commissioner links someone new": lambda w: member_of_new_person_add(case=w["case"], role="family",
                                                                           by=w["commissioner"]),
    "his worker changes her support dates": lambda w: member_update(
        member=w["victim"], by=w["perpetrator-worker"], offered_support_on=date(2023, 1, 20)),
    "his manager puts someone on her side": lambda w: assignment_create(
        case=w["case"], worker=w["msp-worker"], role="partner_support",
        started_on=date(2023, 1, 20), by=w["provider-manager"]),
    "his manager takes her worker off": lambda w: assignment_end(assignment=w["partner"], on=date(2023, 2, 1),
                                                                 by=w["provider-manager"]),
    "his worker records a contact on her side": lambda w: contact_create(
        case=w["case"], side="victim", member=w["victim"], kind="phone", on=date(2023, 1, 20), attendance="attended",
        worker=w["perpetrator-worker"], by=w["perpetrator-worker"]),
    "partner support records his need": lambda w: need_create(
        case=w["case"], kind=NeedKind.objects.get(code="alcohol"), identified_on=date(2023, 1, 20),
        by=w["partner-support-worker"]),
    "partner support changes his need": lambda w: need_update(need=w["need"], by=w["partner-support-worker"],
                                                              status="met"),
    "partner support sets his goal": lambda w: goal_create(case=w["case"], description="x", set_on=date(2023, 1, 20),
                                                           by=w["partner-support-worker"]),
    "partner support changes his goal": lambda w: goal_update(goal=w["goal"], by=w["partner-support-worker"],
                                                              status="achieved"),
    "his worker makes her safety plan": lambda w: safety_plan_create(
        member=w["victim"], agreed_on=date(2023, 1, 20), plan="x", by=w["perpetrator-worker"]),
    "his manager records her DASH": lambda w: risk_assessment_create(
        case=w["case"], member=w["victim"], assessed_on=date(2023, 1, 20), answers=answers(3),
        by=w["provider-manager"]),
}


@pytest.mark.parametrize("attempt", list(REFUSED))
def test_each_case_service_refuses_with_404_and_writes_nothing_when(world, attempt):
    before = everything()
    with pytest.raises(Http404):
        REFUSED[attempt](world)
    assert everything() == before
    for name in ("case", "victim", "referral", "need", "goal", "partner"):
        obj = world[name]
        assert type(obj).objects.filter(pk=obj.pk, **{f: getattr(obj, f) for f in ("version", "status", "ended_on",
                                                                                  "offered_support_on")
                                                      if hasattr(obj, f)}).exists(), name


def test_the_system_passes_every_check(world):
    """`by=None` is the demo loader, a task or an operator's command: no person, so no check."""
    case = case_change_status(case=world["case"], to="assessment", on=date(2023, 1, 20), by=None,
                              version=world["case"].version)
    assert case.status == "assessment"


def created_by(obj, actor) -> bool:
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.CREATE, actor=actor).exists()


def updated_by(obj, actor) -> bool:
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.UPDATE, actor=actor).exists()


def test_recording_a_person_and_opening_a_case_are_audited_with_their_actor(world):
    manager = world["provider-manager"]
    him = person_create(recorded_by=org(HARBOUR), by=manager, is_synthetic=True)
    case = case_create(programme=world["case"].programme, provider=org(HARBOUR), perpetrator=him,
                       referred_on=date(2023, 3, 1), by=manager)
    assert created_by(him, manager) and created_by(case, manager)


def test_linking_someone_new_is_audited_and_records_them_for_the_victim_service(world):
    worker = world["perpetrator-worker"]
    member = member_of_new_person_add(case=world["case"], role="family", relationship="brother", by=worker)
    assert member.person.recorded_by == org(MSP)
    assert created_by(member, worker) and created_by(member.person, worker)


def test_changing_her_record_his_need_and_goal_and_ending_an_assignment_are_audited(world):
    psw, worker, msp = world["partner-support-worker"], world["perpetrator-worker"], world["msp-manager"]
    member_update(member=world["victim"], by=psw, offered_support_on=date(2023, 1, 20))
    need_update(need=world["need"], by=worker, status="met")
    goal_update(goal=world["goal"], by=worker, status="achieved")
    assignment_end(assignment=world["partner"], on=date(2023, 2, 1), by=msp)
    assert updated_by(world["victim"], psw) and updated_by(world["need"], worker)
    assert updated_by(world["goal"], worker) and updated_by(world["partner"], msp)


def test_correcting_accepting_and_declining_referrals_are_audited_with_their_actor(world, cast):
    manager, referral = world["provider-manager"], world["referral"]
    referral_update_facts(referral=referral, by=manager, version=referral.version, dash_score=5)
    case = referral_accept(referral=referral, by=manager, on=date(2023, 3, 5), reason="Fits", version=referral.version)
    assert updated_by(referral, manager) and created_by(case, manager)
    other = referral_of_new_person_create(
        by=world["police-analyst"], programme=referral.programme, provider=org(HARBOUR), source="police",
        referring_organisation=org("Cleveland Police"), received_on=date(2023, 3, 2), reason="Repeat call-outs",
        lawful_basis="public_task")
    assert created_by(other.person, world["police-analyst"])
    referral_decline(referral=other, by=manager, on=date(2023, 3, 5), reason="Not now", version=other.version)
    assert updated_by(other, manager)
