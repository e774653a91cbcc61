"""Retention, subject access and erasure (issue 7 item 7) over real case records."""

import io
import json
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from dapi.cases.models import Case, CaseStatus, Erasure, IdentifyingDetails, Person, Referral, SafetyPlan
from dapi.cases.protection import due_for_deletion, enforce_retention, erase_person, subject_access_export
from dapi.cases.services.cases import case_change_status
from dapi.cases.services.referrals import referral_decline, referral_of_new_person_create
from dapi.cases.services.work import contact_create, safety_plan_create
from dapi.funding.models import Programme

from .builders import HARBOUR, PERPETRATOR_NAME, VICTIM_ADDRESS, VICTIM_NAME, org, tatc_case


def close(case, on, by):
    case_change_status(case=case, to=CaseStatus.CLOSED, on=on, by=by, version=case.version,
                       exit_reason="moved_away")


def declined_referral(cast, on):
    referral = referral_of_new_person_create(
        by=cast["police-analyst"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        provider=org(HARBOUR), source="police", referring_organisation=org("Cleveland Police"), received_on=on,
        reason="Repeat call-outs", lawful_basis="public_task")
    return referral_decline(referral=referral, by=cast["provider-manager"], on=on, reason="Inside MATAC top 20",
                            version=referral.version)


def test_a_closed_case_is_due_six_years_after_it_ended_and_not_a_day_before(cast):
    case, _, _ = tatc_case(cast)
    close(case, date(2023, 5, 1), cast["perpetrator-worker"])
    assert due_for_deletion(date(2029, 5, 1)) == []
    due = due_for_deletion(date(2029, 5, 2))
    assert [(d.kind, d.reference) for d in due] == [("case", case.reference)]


def test_an_open_case_is_never_due(cast):
    tatc_case(cast)
    assert due_for_deletion(date(2060, 1, 1)) == []


def test_a_declined_referral_is_due_after_two_years(cast):
    referral = declined_referral(cast, date(2023, 3, 1))
    assert [d.pk for d in due_for_deletion(date(2025, 3, 2))] == [referral.pk]
    assert due_for_deletion(date(2025, 3, 1)) == []


def test_enforcement_deletes_the_case_its_records_and_the_people_left_with_none(cast):
    case, victim, _ = tatc_case(cast)
    close(case, date(2023, 5, 1), cast["perpetrator-worker"])
    safety_plan_create(member=victim, agreed_on=date(2023, 2, 1), plan="Synthetic plan", by=cast["partner-support-worker"])
    kept, _, _ = tatc_case(cast)
    counts = enforce_retention(today=date(2030, 1, 1), by=cast["administrator"])
    assert counts == {"case": 1, "declined referral": 0, "person": 3}
    assert list(Case.objects.all()) == [kept]
    assert not SafetyPlan.objects.exists()
    deletions = LogEntry.objects.filter(action=LogEntry.Action.DELETE, actor=cast["administrator"])
    assert deletions.filter(object_repr=case.reference).exists()
    assert VICTIM_NAME not in " ".join(str(e.changes) for e in deletions)


def test_the_retention_command_dry_run_deletes_nothing(cast):
    case, _, _ = tatc_case(cast)
    close(case, date(2023, 5, 1), cast["perpetrator-worker"])
    out = io.StringIO()
    call_command("retention", "--dry-run", "--today", "2030-01-01", stdout=out)
    assert case.reference in out.getvalue() and "nothing deleted" in out.getvalue()
    assert Case.objects.filter(pk=case.pk).exists()
    with pytest.raises(CommandError, match="--by"):
        call_command("retention", "--today", "2030-01-01", stdout=io.StringIO())
    call_command("retention", "--today", "2030-01-01", "--by", "administrator", stdout=io.StringIO())
    assert not Case.objects.filter(pk=case.pk).exists()


def test_his_subject_access_export_holds_his_records_and_nothing_of_hers(cast):
    case, victim, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    contact_create(case=case, side="perpetrator", kind="one_to_one", on=date(2023, 2, 1), attendance="attended",
                   worker=worker, by=worker, notes="Synthetic session note")
    export = subject_access_export(case.perpetrator, by=cast["administrator"])
    text = json.dumps(export)
    assert export["identifying_details"]["full_name"] == PERPETRATOR_NAME
    assert "Synthetic session note" in text and case.reference in text
    assert VICTIM_NAME not in text and VICTIM_ADDRESS not in text and victim.person.reference not in text
    assert LogEntry.objects.get_for_object(case.perpetrator).filter(
        action=LogEntry.Action.ACCESS, actor=cast["administrator"]).exists()


def test_her_subject_access_export_holds_her_records_and_nothing_of_his(cast):
    case, victim, _ = tatc_case(cast)
    safety_plan_create(member=victim, agreed_on=date(2023, 2, 1), plan="Synthetic plan", by=cast["partner-support-worker"])
    out = io.StringIO()
    call_command("subject_access", victim.person.reference, "--by", "administrator", stdout=out)
    export = json.loads(out.getvalue())
    assert export["identifying_details"]["full_name"] == VICTIM_NAME
    assert export["linked_to_cases"][0]["safety_plans"][0]["plan"] == "Synthetic plan"
    assert PERPETRATOR_NAME not in out.getvalue() and case.perpetrator.reference not in out.getvalue()


def test_erasing_a_victim_removes_her_and_leaves_an_audit_record_with_no_personal_data(cast):
    case, victim, _ = tatc_case(cast)
    reference = victim.person.reference
    safety_plan_create(member=victim, agreed_on=date(2023, 2, 1), plan="Synthetic plan", by=cast["partner-support-worker"])
    erasure = erase_person(person=victim.person, reason="subject_request", by=cast["administrator"])
    assert not Person.objects.filter(reference=reference).exists()
    assert not IdentifyingDetails.objects.filter(full_name=VICTIM_NAME).exists()
    assert Case.objects.filter(pk=case.pk).exists()  # his case goes on
    assert erasure.role == "victim" and erasure.rows["safety plan"] == 1
    everything = " ".join(f"{e.object_repr} {e.changes} {e.changes_text}" for e in LogEntry.objects.all())
    assert reference not in everything and VICTIM_NAME not in everything
    entry = LogEntry.objects.get_for_object(erasure).get()
    assert entry.actor == cast["administrator"] and reference not in str(entry.changes)


def test_erasing_him_is_refused_while_his_case_is_open_or_holds_her_records(cast):
    case, _, _ = tatc_case(cast)
    with pytest.raises(Exception, match="open case"):
        erase_person(person=case.perpetrator, reason="subject_request", by=cast["administrator"])
    close(case, date(2023, 5, 1), cast["perpetrator-worker"])
    with pytest.raises(Exception, match="their records would go with it"):
        erase_person(person=case.perpetrator, reason="subject_request", by=cast["administrator"])
    for member in case.members.all():
        erase_person(person=member.person, reason="subject_request", by=cast["administrator"])
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase", case.perpetrator.reference, "--reason", "subject_request", "--by", "administrator")
    call_command("erase", case.perpetrator.reference, "--reason", "subject_request", "--by", "administrator",
                 "--yes", stdout=out)
    assert not Case.objects.exists() and not Referral.objects.exists()
    assert Erasure.objects.order_by("pk").last().role == "perpetrator"
