"""Referrals: recorded, screened against the programme's rules (data), accepted or declined."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from dapi.accounts.models import Area
from dapi.demo.cases import load_rules
from dapi.cases.models import Case, CaseStatus, EligibilityRule, NeedKind, Person, Referral, ReferralStatus
from dapi.lib.errors import ConflictError
from dapi.cases.services.referrals import (
    referral_accept, referral_decline, referral_of_new_person_create, referral_update_facts,
)
from dapi.funding.models import Programme

from .builders import HARBOUR, MSP, org


@pytest.fixture
def rules(seeded):
    load_rules()


def refer(cast, **overrides):
    fields = {
        "programme": Programme.objects.get(slug="cleveland-complex-needs"), "provider": org(HARBOUR),
        "source": "police", "referring_organisation": org("Cleveland Police"), "received_on": date(2023, 3, 1),
        "reason": "Repeat call-outs", "lawful_basis": "public_task", "dash_score": 9, "marac_criteria_met": False,
        "matac_checked": True, "matac_rank": None, "needs_checked": True,
        "complex_needs": list(NeedKind.objects.filter(code__in=["housing", "alcohol"])),
        "area": Area.objects.get(name="Hartlepool"), "age": 34}
    fields.update(overrides)
    return referral_of_new_person_create(by=cast["police-analyst"], **fields)


def test_the_demo_rules_for_cleveland_and_cara_are_data(rules):
    assert list(EligibilityRule.objects.filter(programme__slug="cleveland-complex-needs").values_list(
        "kind", flat=True)) == ["dash_below", "marac_not_met", "outside_matac_top", "complex_needs",
                                "in_programme_area"]
    assert EligibilityRule.objects.filter(programme__slug="greater-manchester-cara").count() == 6


def test_a_referral_is_screened_when_it_is_made(cast, rules):
    referral = refer(cast)
    assert referral.screening["outcome"] == "eligible"
    assert [r["outcome"] for r in referral.screening["results"]] == ["met"] * 5
    assert referral.person.reference.startswith("P-")


def test_a_dash_of_15_is_explained_as_meeting_the_marac_threshold(cast, rules):
    referral = refer(cast, dash_score=15, marac_criteria_met=True)
    assert referral.screening["outcome"] == "not_eligible"
    assert referral.screening["summary"] == (
        "not eligible: DASH 15 meets the MARAC threshold (14 or more); MARAC criteria are met")


def test_living_in_a_programme_area_counts_the_areas_inside_it(cast, rules):
    # Cleveland's programme areas are the four local authorities; Stockton is one of them.
    assert refer(cast, area=Area.objects.get(name="Stockton-on-Tees")).screening["outcome"] == "eligible"
    assert refer(cast, area=Area.objects.get(name="Leicester")).screening["outcome"] == "not_eligible"


def test_changing_the_rules_changes_the_next_screening_without_code(cast, rules):
    EligibilityRule.objects.filter(programme__slug="cleveland-complex-needs", kind="dash_below").update(
        parameters={"threshold": 8})
    assert refer(cast, dash_score=9).screening["summary"] == (
        "not eligible: DASH 9 meets the MARAC threshold (8 or more)")


def test_correcting_facts_screens_again_and_refuses_a_stale_version(cast, rules):
    referral = refer(cast, dash_score=None)
    assert referral.screening["outcome"] == "needs_information"
    version = referral.version
    referral_update_facts(referral=referral, by=cast["provider-manager"], version=version, dash_score=11)
    assert referral.screening["outcome"] == "eligible"
    stale = Referral.objects.get(pk=referral.pk)
    with pytest.raises(ConflictError):
        referral_update_facts(referral=stale, by=cast["provider-manager"], version=version, dash_score=12)


def test_accepting_opens_a_case_at_referred(cast, rules):
    referral = refer(cast)
    case = referral_accept(referral=referral, by=cast["provider-manager"], on=date(2023, 3, 3),
                           reason="Meets the criteria", version=referral.version, victim_service=org(MSP))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and referral.decided_by == cast["provider-manager"]
    assert (case.status, case.perpetrator, case.provider, case.victim_service, case.referred_on) == (
        CaseStatus.REFERRED, referral.person, org(HARBOUR), org(MSP), date(2023, 3, 1))
    assert case.reference.startswith("C-")
    assert list(case.status_changes.values_list("to_status", flat=True)) == ["referred"]


def test_declining_needs_a_reason_and_opens_no_case(cast, rules):
    referral = refer(cast)
    with pytest.raises(ValidationError):
        referral_decline(referral=referral, by=cast["provider-manager"], on=date(2023, 3, 3), reason=" ",
                         version=referral.version)
    referral = Referral.objects.get(pk=referral.pk)
    referral_decline(referral=referral, by=cast["provider-manager"], on=date(2023, 3, 3),
                     reason="Inside the MATAC top 20", version=referral.version)
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.DECLINED
    assert not Case.objects.exists()


def test_a_decided_referral_cannot_be_decided_again(cast, rules):
    referral = refer(cast)
    referral_decline(referral=referral, by=cast["provider-manager"], on=date(2023, 3, 3), reason="No",
                     version=referral.version)
    with pytest.raises(ValidationError):
        referral_accept(referral=referral, by=cast["provider-manager"], on=date(2023, 3, 4), reason="Yes",
                        version=referral.version)


def test_a_refused_referral_leaves_no_person_behind(cast, rules):
    people = Person.objects.count()
    with pytest.raises(ValidationError):
        refer(cast, dash_score=30)
    assert Person.objects.count() == people


def test_making_and_deciding_a_referral_is_audited_with_the_actor_and_no_reason_text(cast, rules):
    referral = refer(cast, reason="Synthetic reason that must not be kept in the log")
    entry = LogEntry.objects.get_for_object(referral).filter(action=LogEntry.Action.CREATE).get()
    assert entry.actor == cast["police-analyst"]
    assert "Synthetic reason" not in str(entry.changes)
    assert entry.changes["reason"][1] == "[redacted]"
