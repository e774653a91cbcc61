"""Referrals: the API checks what the form checks (one service path), a provider never sets a police
identifier, referrals go only to a provider delivering the programme, and one person is one record
(issue 16, items 1, 8 and 10)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from dapi.cases.models import Case, Person, Referral
from dapi.cases.services.people import identifying_details_set

from .builders import HARBOUR, PERPETRATOR_NAME, org, tatc_case
from .test_case_pages import referral_form, referral_json, rules  # noqa: F401 (fixture)

MINE = {"referring_organisation": HARBOUR}


def post_json(client, data):
    return client.post("/api/referrals", data, content_type="application/json")


def test_a_provider_cannot_set_a_police_identifier_through_the_api(cast, client_for, rules):
    client = client_for(cast["provider-manager"])
    response = post_json(client, referral_json(police_perpetrator_id="GMP-0042", **MINE))
    assert response.status_code == 422 and "police_perpetrator_id" in response.json()["errors"]
    assert not Referral.objects.exists()
    assert post_json(client, referral_json(**MINE)).status_code == 201  # the same referral without it is taken
    assert Referral.objects.get().police_perpetrator_id == ""


def test_a_police_analyst_cannot_type_a_police_identifier_into_the_api_either(cast, client_for, rules):
    response = post_json(client_for(cast["police-analyst"]), referral_json(police_perpetrator_id="P1"))
    assert response.status_code == 422 and not Referral.objects.exists()


@pytest.mark.parametrize("provider", ["Barefoot Social Research", "Cleveland Police", "The Hampton Trust"])
def test_the_api_refuses_a_provider_that_does_not_deliver_the_programme_as_the_form_does(
        cast, client_for, rules, provider):
    """Barefoot is an evaluator, Cleveland Police a force; the Hampton Trust is a provider, in Hampshire
    and Greater Manchester, not Cleveland."""
    client = client_for(cast["police-analyst"])
    response = post_json(client, referral_json(provider=provider))
    assert response.status_code == 422
    assert response.json()["errors"]["provider"] == [
        f"{provider} does not deliver Cleveland complex needs perpetrator programme (Team around the Couple): "
        "choose a provider that delivers the programme."]
    page = client.post(reverse("cases:referral_create"), referral_form(provider=org(provider).pk))
    assert page.status_code == 200 and "govuk-error-summary" in page.content.decode()
    assert not Referral.objects.exists()
    assert post_json(client, referral_json()).status_code == 201  # Harbour delivers it


def test_likely_duplicates_are_named_to_whoever_may_read_both_records(cast, client_for, rules):
    case, _, _ = tatc_case(cast)
    manager, analyst = cast["provider-manager"], cast["police-analyst"]
    # Harbour refers him again, as a new person it records; Cleveland Police refers him too.
    assert client_for(manager).post(reverse("cases:referral_create"), referral_form(
        referring_organisation=org(HARBOUR).pk)).status_code == 302
    harbours = Referral.objects.latest("pk").person
    assert client_for(analyst).post(reverse("cases:referral_create"), referral_form()).status_code == 302
    polices = Referral.objects.latest("pk").person
    for person, by in ((harbours, manager), (polices, analyst)):
        identifying_details_set(person=person, by=by, full_name=PERPETRATOR_NAME, date_of_birth=date(1988, 4, 2))
    edit = reverse("cases:details_edit", args=[case.pk, case.perpetrator_id])
    page = client_for(manager).post(edit, {"full_name": f"  {PERPETRATOR_NAME.upper()} ",
                                           "date_of_birth": "1988-04-02"}, follow=True)
    text = page.content.decode()
    # the force's record is not Harbour's to read, so it is not named
    assert page.status_code == 200 and re.findall(r"Possibly the same person as ([^:]*):", text) == [
        harbours.reference]
    assert polices.pk != harbours.pk
    other_day = client_for(manager).post(edit, {"full_name": PERPETRATOR_NAME, "date_of_birth": "1988-04-03"},
                                         follow=True)
    assert other_day.status_code == 200 and "Possibly the same person" not in other_day.content.decode()


def test_no_duplicate_is_named_across_the_barrier(cast, client_for, rules):
    """Her name and date of birth given to the man: the victim side's record of her is never
    named to the perpetrator side."""
    case, victim, _ = tatc_case(cast)
    page = client_for(cast["provider-manager"]).post(
        reverse("cases:details_edit", args=[case.pk, case.perpetrator_id]),
        {"full_name": "Synthetic Victim Quillon", "date_of_birth": "1990-06-01"}, follow=True)
    assert page.status_code == 200 and "Details of" in page.content.decode()
    assert "Possibly the same person" not in page.content.decode()
    assert Person.objects.filter(identifying_details__full_name="Synthetic Victim Quillon").count() == 2
    assert Case.objects.count() == 1 and victim.person_id != case.perpetrator_id
