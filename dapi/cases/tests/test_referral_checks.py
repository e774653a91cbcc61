"""Referrals: the API checks what the form checks (one service path), a provider never sets a police
identifier, and referrals go only to a provider delivering the programme (issue 16, items 1, 8 and 10)."""

import pytest
from django.urls import reverse

from dapi.cases.models import Referral

from .builders import HARBOUR, org
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
