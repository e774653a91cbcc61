"""Cases: the lifecycle, workers on one side only, members, work and DASH through the services."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from dapi.accounts.models import Role
from dapi.cases.models import Assignment, CaseStatus, IdentifyingDetails, NeedKind, RiskAssessment, WorkerRole
from dapi.lib.errors import ConflictError
from dapi.cases.services.cases import assignment_create, assignment_end, case_change_status, member_add
from dapi.cases.services.people import identifying_details_set, person_create
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.services.work import contact_create, goal_create, need_create, safety_plan_create

from .builders import HARBOUR, MSP, VICTIM_ADDRESS, VICTIM_NAME, org, staff, tatc_case, victim_service_manager


def answers(yes):
    return {str(n): "yes" if n <= yes else "no" for n in range(1, 25)}


def move(case, to, on, by, reason="", exit_reason=""):
    return case_change_status(case=case, to=to, on=on, by=by, version=case.version, reason=reason,
                              exit_reason=exit_reason)


def test_a_case_moves_referred_assessment_active_completed(cast):
    case, _, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    move(case, CaseStatus.ASSESSMENT, date(2023, 1, 16), worker)
    move(case, CaseStatus.ACTIVE, date(2023, 2, 1), worker)
    move(case, CaseStatus.COMPLETED, date(2023, 7, 1), worker)
    assert (case.assessment_on, case.entered_on, case.ended_on) == (date(2023, 1, 16), date(2023, 2, 1),
                                                                     date(2023, 7, 1))
    assert list(case.status_changes.values_list("to_status", flat=True)) == [
        "referred", "assessment", "active", "completed"]


def test_a_case_cannot_skip_assessment_or_reopen(cast):
    case, _, _ = tatc_case(cast)
    with pytest.raises(ValidationError) as e:
        move(case, CaseStatus.ACTIVE, date(2023, 2, 1), cast["perpetrator-worker"])
    assert "can move to assessment, closed" in str(e.value)
    move(case, CaseStatus.CLOSED, date(2023, 2, 1), cast["perpetrator-worker"], exit_reason="moved_away")
    with pytest.raises(ValidationError):
        move(case, CaseStatus.ASSESSMENT, date(2023, 2, 2), cast["perpetrator-worker"])


def test_disengaging_or_closing_needs_a_reason_and_dates_never_go_back(cast):
    case, _, _ = tatc_case(cast)
    move(case, CaseStatus.ASSESSMENT, date(2023, 1, 16), cast["perpetrator-worker"])
    with pytest.raises(ValidationError) as e:
        move(case, CaseStatus.DISENGAGED, date(2023, 2, 1), cast["perpetrator-worker"])
    assert "exit_reason" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        move(case, CaseStatus.ACTIVE, date(2023, 1, 10), cast["perpetrator-worker"])
    assert "16 Jan 2023" in e.value.message_dict["on"][0]


def test_a_second_edit_from_the_same_version_gets_a_conflict(cast):
    case, _, _ = tatc_case(cast)
    version = case.version
    case_change_status(case=case, to=CaseStatus.ASSESSMENT, on=date(2023, 1, 16), by=cast["perpetrator-worker"],
                       version=version)
    from dapi.cases.models import Case
    stale = Case.objects.get(pk=case.pk)
    stale.status = CaseStatus.REFERRED
    with pytest.raises(ConflictError) as e:
        case_change_status(case=stale, to=CaseStatus.CLOSED, on=date(2023, 1, 20), by=cast["provider-manager"],
                           version=version, exit_reason="other", reason="Duplicate")
    assert "changed by someone else" in str(e.value)


def test_a_change_opened_before_the_case_ended_gets_a_conflict_not_a_refused_transition(cast):
    """Read after the other change was saved, the case has already ended: the user's form was stale, so
    the answer is the conflict (reload), not "a closed case can move to nothing"."""
    case, _, _ = tatc_case(cast)
    version = case.version
    case_change_status(case=case, to=CaseStatus.CLOSED, on=date(2023, 1, 16), by=cast["perpetrator-worker"],
                       version=version, exit_reason="other", reason="Moved away")
    from dapi.cases.models import Case
    with pytest.raises(ConflictError) as e:
        case_change_status(case=Case.objects.get(pk=case.pk), to=CaseStatus.CLOSED, on=date(2023, 1, 20),
                           by=cast["provider-manager"], version=version, exit_reason="other", reason="Duplicate")
    assert "changed by someone else" in str(e.value)


def test_the_same_worker_can_never_work_on_both_sides_of_a_case(cast):
    case, _, _ = tatc_case(cast)
    both = staff("dual-role", Role.PERPETRATOR_WORKER, HARBOUR)
    staff("dual-role", Role.PARTNER_SUPPORT_WORKER, MSP)
    assignment_create(case=case, worker=both, role=WorkerRole.NAVIGATOR, started_on=date(2023, 1, 9),
                      by=cast["provider-manager"])
    with pytest.raises(ValidationError) as e:
        assignment_create(case=case, worker=both, role=WorkerRole.PARTNER_SUPPORT, started_on=date(2023, 1, 9),
                          by=victim_service_manager())
    assert "can never work on the victim side" in str(e.value)


def test_ending_an_assignment_does_not_let_the_worker_cross_the_barrier(cast):
    case, _, _ = tatc_case(cast)
    both = staff("dual-role", Role.PARTNER_SUPPORT_WORKER, MSP)
    staff("dual-role", Role.PERPETRATOR_WORKER, HARBOUR)
    a = assignment_create(case=case, worker=both, role=WorkerRole.PARTNER_SUPPORT, started_on=date(2023, 1, 9),
                          by=victim_service_manager())
    assignment_end(assignment=a, on=date(2023, 2, 1), by=victim_service_manager())
    with pytest.raises(ValidationError):
        assignment_create(case=case, worker=both, role=WorkerRole.THERAPIST, started_on=date(2023, 3, 1),
                          by=cast["provider-manager"])


def test_a_worker_must_belong_to_the_organisation_delivering_that_side(cast):
    case, _, _ = tatc_case(cast, assign=False)
    with pytest.raises(ValidationError) as e:
        assignment_create(case=case, worker=cast["partner-support-worker"], role=WorkerRole.COORDINATOR,
                          started_on=date(2023, 1, 9), by=cast["provider-manager"])
    assert "not a perpetrator worker of the organisation" in str(e.value)
    assert not Assignment.objects.filter(case=case).exists()


def test_the_perpetrator_cannot_also_be_linked_as_a_victim(cast):
    case, _, _ = tatc_case(cast)
    with pytest.raises(ValidationError):
        member_add(case=case, person=case.perpetrator, role="victim", by=cast["provider-manager"])


def test_people_get_distinct_pseudonymous_references(cast):
    refs = {person_create(recorded_by=org(HARBOUR), by=cast["provider-manager"]).reference for _ in range(50)}
    assert len(refs) == 50 and all(r.startswith("P-") and len(r) == 11 for r in refs)


def test_a_dash_is_scored_graded_and_stored_with_its_answers(cast):
    case, victim, _ = tatc_case(cast)
    assessment = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12),
                                        answers=answers(15), by=cast["partner-support-worker"],
                                        incident_on=date(2023, 1, 8))
    assert (assessment.score, assessment.grade, assessment.marac_referral) == (15, "high", True)
    assert assessment.answers["15"] == "yes" and assessment.answers["16"] == "no"


def test_a_new_incident_within_a_year_of_her_marac_referral_refers_her_again(cast):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), answers=answers(14), by=psw,
                           incident_on=date(2023, 1, 8))
    again = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 11, 2), answers=answers(4),
                                   by=psw, incident_on=date(2023, 11, 1))
    assert again.marac_referral and again.marac_reasons[0].startswith("repeat")


def test_three_incidents_in_a_year_escalate_to_marac(cast):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    for on in (date(2023, 2, 1), date(2023, 5, 1)):
        assert not risk_assessment_create(case=case, member=victim, assessed_on=on, answers=answers(3), by=psw,
                                          incident_on=on).marac_referral
    third = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 9, 1), answers=answers(3),
                                   by=psw, incident_on=date(2023, 9, 1))
    assert third.marac_reasons == ["escalation: 3 domestic abuse events in 365 days (3 or more)"]


def test_a_dash_is_for_a_victim_of_this_case_only(cast):
    case, _, child = tatc_case(cast)
    with pytest.raises(ValidationError):
        risk_assessment_create(case=case, member=child, assessed_on=date(2023, 1, 12), answers=answers(3),
                               by=cast["partner-support-worker"])
    assert not RiskAssessment.objects.exists()


def test_victim_side_contacts_name_the_victim_and_perpetrator_sessions_do_not(cast):
    case, victim, _ = tatc_case(cast)
    with pytest.raises(ValidationError):
        contact_create(case=case, side="victim", kind="phone", on=date(2023, 1, 20), attendance="attended",
                       worker=cast["partner-support-worker"], by=cast["partner-support-worker"])
    with pytest.raises(ValidationError):
        contact_create(case=case, side="perpetrator", member=victim, kind="one_to_one", on=date(2023, 1, 20),
                       attendance="attended", worker=cast["perpetrator-worker"], by=cast["perpetrator-worker"])


def test_a_need_is_recorded_once_per_case(cast):
    case, _, _ = tatc_case(cast)
    housing = NeedKind.objects.get(code="housing")
    need_create(case=case, kind=housing, identified_on=date(2023, 1, 20), by=cast["perpetrator-worker"])
    with pytest.raises(ValidationError):
        need_create(case=case, kind=housing, identified_on=date(2023, 1, 21), by=cast["perpetrator-worker"])


def test_need_kinds_are_data_and_include_the_domain_list(db):
    codes = set(NeedKind.objects.values_list("code", flat=True))
    assert {"mental-health", "drugs", "alcohol", "housing", "finance", "employment"} <= codes


@pytest.mark.parametrize("service", ["details", "member", "assignment", "contact", "need", "goal", "plan", "dash",
                                     "status"])
def test_every_case_service_writes_an_audit_row_with_its_actor(cast, service):
    case, victim, _ = tatc_case(cast)
    psw, worker = cast["partner-support-worker"], cast["perpetrator-worker"]
    made = {
        "details": lambda: identifying_details_set(person=victim.person, by=psw, phone="07700 900999"),
        "member": lambda: member_add(case=case, person=person_create(recorded_by=org(MSP), by=psw), role="family",
                                     by=psw),
        "assignment": lambda: assignment_create(case=case, worker=staff("nav", Role.PERPETRATOR_WORKER, HARBOUR),
                                                role=WorkerRole.NAVIGATOR, started_on=date(2023, 1, 9),
                                                by=cast["provider-manager"]),
        "contact": lambda: contact_create(case=case, side="perpetrator", kind="one_to_one", on=date(2023, 1, 20),
                                          attendance="attended", worker=worker, by=worker, notes="Private words"),
        "need": lambda: need_create(case=case, kind=NeedKind.objects.first(), identified_on=date(2023, 1, 20),
                                    by=worker),
        "goal": lambda: goal_create(case=case, description="Private goal", set_on=date(2023, 1, 20), by=worker),
        "plan": lambda: safety_plan_create(member=victim, agreed_on=date(2023, 1, 20), plan="Private plan", by=psw),
        "dash": lambda: risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12),
                                               answers=answers(3), by=psw),
        "status": lambda: move(case, CaseStatus.ASSESSMENT, date(2023, 1, 16), worker),
    }[service]()
    actor = psw if service in ("details", "member", "plan", "dash") else \
        cast["provider-manager"] if service == "assignment" else worker
    entry = LogEntry.objects.get_for_object(made).latest("timestamp")
    assert entry.actor == actor
    assert "Private" not in str(entry.changes) and "07700" not in str(entry.changes)


def test_the_audit_log_names_changed_identifying_fields_but_never_keeps_their_values(cast):
    case, victim, _ = tatc_case(cast)
    details = IdentifyingDetails.objects.get(person=victim.person)
    entries = LogEntry.objects.get_for_object(details)
    text = " ".join(str(e.changes) + e.object_repr for e in entries)
    assert VICTIM_NAME not in text and VICTIM_ADDRESS not in text
    assert "full_name" in text and victim.person.reference in text
