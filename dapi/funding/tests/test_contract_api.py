"""Contract events, conditions and co-funding through the JSON API: the same services and refusals as
the pages (issue 18, items 5 and 12)."""

import json
from datetime import date

import pytest

from dapi.accounts.models import Membership, Organisation, Role
from dapi.funding.models import Agreement, CoFunderCut, Extension

TODAY = date(2024, 3, 15)


@pytest.fixture(autouse=True)
def demonstration_date(monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", TODAY.isoformat())


@pytest.fixture
def hampshire(seeded) -> Agreement:
    return Agreement.objects.get(title="Domestic Abuse Perpetrators Service (Hampshire and Southampton)")


@pytest.fixture
def county(cast, client_for, hampshire):
    """A client signed in as the demo commissioner, made a commissioner of Hampshire County Council too."""
    Membership.objects.create(user=cast["commissioner"], role=Role.COMMISSIONER,
                              organisation=Organisation.objects.get(name="Hampshire County Council"))
    return client_for(cast["commissioner"])


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def errors(response) -> dict[str, list[str]]:
    assert response.status_code == 422, response.content
    return response.json()["errors"]


def decision_id(hampshire) -> int:
    return hampshire.programme.decisions.get(reference="PCCML/000407/2018").pk


def test_an_agreements_events_and_rules_are_read_by_whoever_sees_it(cast, client_for, hampshire):
    body = client_for(cast["commissioner"]).get(f"/api/agreements/{hampshire.pk}/events").json()
    assert body["last_notice_day"] == "2023-09-30" and body["can_change"] is False
    assert sorted(m["follows"]["name"] for m in body["mirrored_reductions"]) == [
        "Hampshire County Council", "Southampton City Council"]
    assert body["funding_conditions"][0]["funding"] == "Safer Communities Funding"
    assert body["funding_conditions"][0]["status"] == "unknown" and body["funding_risks"] == []
    assert client_for(cast["provider-manager"]).get(f"/api/agreements/{hampshire.pk}/events").status_code == 404


def test_the_county_extends_the_contract_and_a_bad_extension_is_refused(cast, client_for, county, hampshire):
    url = f"/api/agreements/{hampshire.pk}/extension"
    body = {"exercised_on": "2024-03-01", "new_end": "2026-09-30", "decision_id": decision_id(hampshire)}
    assert "31 Mar 2026 at the latest" in errors(post(county, url, body))["new_end"][0]
    assert "must be after the current end" in str(errors(post(county, url, {**body, "new_end": "2024-03-31"})))
    assert "cannot be in the future" in str(errors(post(county, url, {**body, "new_end": "2026-03-31",
                                                                      "exercised_on": "2024-04-01"})))
    assert not Extension.objects.exists()
    done = post(county, url, {**body, "new_end": "2026-03-31"})
    assert done.status_code == 201, done.content
    assert done.json()["end"] == "2026-03-31" and done.json()["last_notice_day"] == "2025-09-30"
    assert done.json()["history"][0]["kind"] == "Extension exercised"
    runway = client_for(cast["commissioner"]).get("/api/programmes/hampshire-perpetrator/runway").json()
    assert runway["runway_end"] == "2026-03-31"


def test_a_variation_without_a_decision_is_refused(county, hampshire):
    response = post(county, f"/api/agreements/{hampshire.pk}/variations",
                    {"varied_on": "2024-01-10", "description": "End brought forward", "new_end": "2024-01-31"})
    assert errors(response)["decision"] == ["Choose the decision record that approved the variation."]
    hampshire.refresh_from_db()
    assert hampshire.end == date(2024, 3, 31)


def test_the_events_api_refuses_whoever_may_not_change_the_ledger(cast, client_for, hampshire):
    body = {"exercised_on": "2024-03-01", "new_end": "2026-03-31", "decision_id": decision_id(hampshire)}
    for username in ("commissioner", "provider-manager", "panel-member"):
        assert post(client_for(cast[username]), f"/api/agreements/{hampshire.pk}/extension", body).status_code == 404


def test_a_county_cut_is_a_proposal_until_applied_with_its_decision(county, hampshire):
    url = f"/api/agreements/{hampshire.pk}/cuts"
    cut = {"partner": "Hampshire County Council", "from_year": "2023/24", "recorded_on": "2024-02-01"}
    assert errors(post(county, url, {**cut, "percentage": "150"}))["percentage"] == [
        "Enter a percentage more than 0 and at most 100."]
    assert "2023-24" in str(errors(post(county, url, {**cut, "from_year": "2023-24", "percentage": "10"})))
    response = post(county, url, {**cut, "percentage": "10"})
    assert response.status_code == 201, response.content
    (proposal,) = response.json()["proposed_cuts"]
    assert [(c["partner"]["name"], c["before"], c["after"], c["mirrored"]) for c in proposal["changes"]] == [
        ("Hampshire County Council", "100000.00", "90000.00", False),
        ("Office of the Police and Crime Commissioner for Hampshire", "70000.00", "63000.00", True)]
    assert hampshire.contributions.count() == 3
    apply = f"/api/cuts/{CoFunderCut.objects.get().pk}/apply"
    assert "Choose the decision record that approved the cut." in str(errors(post(county, apply,
                                                                                  {"applied_on": "2024-03-01"})))
    done = post(county, apply, {"applied_on": "2024-03-01", "decision_id": decision_id(hampshire)})
    assert done.status_code == 201 and done.json()["proposed_cuts"] == []
    assert hampshire.contributions.count() == 5


def test_a_condition_met_in_the_future_is_refused(cast, client_for, seeded):
    harbour = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    client = client_for(cast["finance-officer"])
    added = post(client, f"/api/agreements/{harbour.pk}/conditions", {"text": "Board minutes", "due_on": "2023-01-31"})
    assert added.status_code == 201 and added.json()["conditions"][0]["overdue"] is True
    condition = added.json()["conditions"][0]["id"]
    refused = post(client, f"/api/conditions/{condition}/met", {"met_on": "2024-03-20", "evidence": "Minutes"})
    assert "cannot be in the future" in str(errors(refused))
    met = post(client, f"/api/conditions/{condition}/met", {"met_on": "2023-01-15", "evidence": "Minutes"})
    assert met.status_code == 201 and met.json()["conditions"][0]["met_on"] == "2023-01-15"
