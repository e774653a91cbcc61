"""Dates that cannot be true are refused (issue 16 item 9): sessions and contacts, DASH assessments,
referral decisions and case status changes dated after today, and a DASH incident after its
assessment, each with a message naming the field, in the services and so on the pages too."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from dapi.cases.models import Case, CaseStatus, Contact, Referral, ReferralStatus, RiskAssessment, StatusChange
from dapi.cases.services.cases import case_change_status, case_create
from dapi.cases.services.referrals import referral_accept, referral_decline
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.services.work import contact_create
from dapi.demo.cases import load_demo_cases, load_rules
from dapi.funding.models import Programme

from .builders import HARBOUR, MSP, org, tatc_case
from .test_referrals import refer

TODAY = date(2023, 3, 1)
TOMORROW = date(2023, 3, 2)
on_1_march_2023 = time_machine.travel("2023-03-01 09:00 +00:00", tick=False)
ANSWERS = {str(n): "yes" if n <= 11 else "no" for n in range(1, 25)}


def refused(call) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as e:
        call()
    return e.value.message_dict


@on_1_march_2023
def test_a_session_dated_after_today_is_refused_naming_its_date(cast):
    case, _, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    errors = refused(lambda: contact_create(case=case, side="perpetrator", kind="one_to_one", on=TOMORROW,
                                            attendance="attended", worker=worker, by=worker))
    assert errors == {"on": ["The date of the session or contact cannot be in the future: 02 Mar 2023 is after "
                             "today (01 Mar 2023)."]}
    assert not Contact.objects.filter(case=case).exists()
    contact_create(case=case, side="perpetrator", kind="one_to_one", on=TODAY, attendance="attended",
                   worker=worker, by=worker)
    assert Contact.objects.filter(case=case, on=TODAY).exists()


@on_1_march_2023
def test_a_contact_with_her_dated_after_today_is_refused(cast):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    errors = refused(lambda: contact_create(case=case, side="victim", member=victim, kind="phone",
                                            on=date(2030, 1, 1), attendance="attended", worker=psw, by=psw))
    assert list(errors) == ["on"] and "cannot be in the future" in errors["on"][0]
    assert not Contact.objects.filter(case=case).exists()


@on_1_march_2023
@pytest.mark.parametrize("dates, field, words", [
    ({"assessed_on": date(2030, 1, 1)}, "assessed_on", "The date assessed cannot be in the future"),
    ({"assessed_on": TODAY, "incident_on": TOMORROW}, "incident_on", "The date of the incident cannot be in the future"),
    ({"assessed_on": date(2023, 2, 1), "incident_on": date(2023, 2, 10)}, "incident_on",
     "The date of the incident (10 Feb 2023) must be on or before the date assessed (01 Feb 2023)."),
])
def test_a_dash_that_cannot_be_true_is_refused_and_never_becomes_her_latest_grade(cast, dates, field, words):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    errors = refused(lambda: risk_assessment_create(case=case, member=victim, answers=ANSWERS, by=psw, **dates))
    assert list(errors) == [field] and words in errors[field][0]
    assert not RiskAssessment.objects.filter(member=victim).exists()


@on_1_march_2023
def test_a_dash_of_today_about_an_incident_that_day_is_accepted(cast):
    case, victim, _ = tatc_case(cast)
    risk_assessment_create(case=case, member=victim, answers=ANSWERS, by=cast["partner-support-worker"],
                           assessed_on=TODAY, incident_on=TODAY)
    assert RiskAssessment.objects.filter(member=victim, assessed_on=TODAY).exists()


@on_1_march_2023
@pytest.mark.parametrize("decide", [referral_accept, referral_decline])
def test_a_referral_decided_after_today_is_refused(cast, decide):
    load_rules()
    referral = refer(cast, received_on=date(2023, 2, 20))
    errors = refused(lambda: decide(referral=referral, by=cast["provider-manager"], on=TOMORROW, reason="Fits",
                                    version=referral.version))
    assert list(errors) == ["on"] and errors["on"][0].startswith("The date of the decision cannot be in the future")
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.RECEIVED
    assert not Case.objects.filter(referral=referral).exists()


@on_1_march_2023
def test_a_case_status_change_dated_after_today_is_refused(cast):
    case, _, _ = tatc_case(cast)
    errors = refused(lambda: case_change_status(case=case, to=CaseStatus.ASSESSMENT, on=TOMORROW,
                                                by=cast["perpetrator-worker"], version=case.version))
    assert list(errors) == ["on"] and errors["on"][0].startswith("The date of the change cannot be in the future")
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED and case.assessment_on is None
    assert list(StatusChange.objects.filter(case=case).values_list("to_status", flat=True)) == ["referred"]


@on_1_march_2023
def test_a_case_referred_after_today_is_refused(cast):
    errors = refused(lambda: case_create(
        programme=Programme.objects.get(slug="cleveland-complex-needs"), provider=org(HARBOUR),
        victim_service=org(MSP), perpetrator=tatc_case(cast)[0].perpetrator, referred_on=TOMORROW,
        by=cast["provider-manager"]))
    assert list(errors) == ["referred_on"]
    assert Case.objects.count() == 1


# -- the pages show the refusal on the field ---------------------------------------------------------

def errors_on_page(response) -> dict:
    assert response.status_code == 200
    return response.context["form"].errors


@on_1_march_2023
def test_the_pages_show_each_refusal_on_its_field(cast, client_for):
    case, victim, _ = tatc_case(cast)
    worker = client_for(cast["perpetrator-worker"])
    errors = errors_on_page(worker.post(reverse("cases:contact_add", args=[case.pk, "perpetrator"]), {
        "kind": "one_to_one", "on": "2023-03-02", "attendance": "attended"}))
    assert "cannot be in the future" in errors["on"][0]
    errors = errors_on_page(worker.post(reverse("cases:case_status", args=[case.pk]), {
        "to": "assessment", "on": "2030-01-01", "version": case.version}))
    assert "cannot be in the future" in errors["on"][0]
    dash = {f"item_{n}": "no" for n in range(1, 25)}
    psw = client_for(cast["partner-support-worker"])
    response = psw.post(reverse("cases:dash_add", args=[case.pk, victim.pk]),
                        {**dash, "assessed_on": "2023-02-01", "incident_on": "2023-02-10"})
    assert "must be on or before the date assessed" in errors_on_page(response)["incident_on"][0]
    assert "must be on or before the date assessed" in response.content.decode()
    assert not Contact.objects.exists() and not RiskAssessment.objects.exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED


@on_1_march_2023
def test_the_referral_page_shows_a_decision_after_today_on_its_date(cast, client_for):
    load_rules()
    referral = refer(cast, received_on=date(2023, 2, 20))
    response = client_for(cast["provider-manager"]).post(reverse("cases:referral_detail", args=[referral.pk]), {
        "decision": "decline", "on": "2023-03-02", "reason": "Not now", "version": referral.version})
    assert "The date of the decision cannot be in the future" in errors_on_page(response)["on"][0]
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.RECEIVED


# -- the demo ------------------------------------------------------------------------------------------

def test_the_demo_pinned_to_a_past_day_records_nothing_after_it(cast, monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", "2023-03-01")
    loaded = load_demo_cases()
    assert loaded["cases"] > 0
    assert not Referral.objects.filter(received_on__gt=TODAY).exists()
    assert not Referral.objects.filter(decided_on__gt=TODAY).exists()
    assert not StatusChange.objects.filter(on__gt=TODAY).exists()
    assert not Contact.objects.filter(on__gt=TODAY).exists()
    assert not RiskAssessment.objects.filter(assessed_on__gt=TODAY).exists()
    assert StatusChange.objects.filter(on__lte=TODAY, to_status=CaseStatus.ACTIVE).exists()
