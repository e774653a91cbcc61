"""The JSON API over the funding ledger: the same permissions as the pages, errors in the schema."""

import json

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dapi.accounts.services import api_token_create
from dapi.conftest import pass_second_factor
from dapi.funding.models import Agreement, Allocation, Award, Programme

SEED_PROGRAMMES = {"cleveland-complex-needs", "jenkins-centre", "greater-manchester-csp", "greater-manchester-cara",
                   "hampshire-perpetrator", "hampshire-victim"}


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def harbour_agreement():
    return Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")


def new_agreement(**changes):
    body = {"programme": "jenkins-centre", "kind": "contract", "title": "Jenkins Centre bridging contract",
            "provider": "Jenkins Centre", "value": "60000.00", "start": "2023-04-01", "end": "2023-09-30",
            "status": "approved"}
    return {**body, **changes}


def post(client, url, body, **kwargs):
    return client.post(url, json.dumps(body), content_type="application/json", **kwargs)


def patch(client, url, body, **kwargs):
    return client.patch(url, json.dumps(body), content_type="application/json", **kwargs)


# -- the OpenAPI document -----------------------------------------------------------------------


def test_the_openapi_document_is_served_as_json_and_lists_every_path(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    # Other apps add their own paths; these are funding's and decisions'.
    assert set(schema["paths"]) >= {
        "/api/programmes", "/api/programmes/{slug}", "/api/programmes/{slug}/runway", "/api/runway",
        "/api/awards", "/api/awards/{award_id}", "/api/agreements", "/api/agreements/{agreement_id}",
        "/api/allocations", "/api/allocations/{allocation_id}", "/api/decisions", "/api/decisions/{decision_id}",
        "/api/resolutions", "/api/resolutions/{resolution_id}",
    }
    assert set(schema["components"]["securitySchemes"]) == {"ApiTokenAuth", "SignedInSession"}


def test_the_openapi_document_declares_the_error_responses_of_every_operation(client):
    schema = client.get("/api/openapi.json").json()
    operations = [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 20
    for path, method, op in operations:
        codes = set(op["responses"])
        assert {"401", "422"} <= codes, (path, method)
        if "{" in path or method != "get":
            assert "404" in codes, (path, method)
        if method in {"post", "patch"}:
            assert {"400", "403", "404", "422"} <= codes, (path, method)
            error = op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            assert error == "#/components/schemas/ValidationErrorOut"
        if method == "patch":
            assert "409" in codes, (path, method)
        if method == "post":
            assert "201" in codes, (path, method)
    assert schema["components"]["schemas"]["ErrorOut"]["required"] == ["detail"]


def test_money_is_documented_as_a_decimal_string(client):
    schema = client.get("/api/openapi.json").json()
    value = schema["components"]["schemas"]["AgreementOut"]["properties"]["value"]
    assert {"type": "string", "format": "decimal"}.items() <= value["anyOf"][0].items()


# -- who sees what ------------------------------------------------------------------------------


def test_commissioner_lists_the_six_seed_programmes(cast, client_for):
    programmes = items(client_for(cast["commissioner"]).get("/api/programmes"))
    assert {p["slug"] for p in programmes} == SEED_PROGRAMMES


def test_programme_list_carries_the_runway_summary_as_of_a_date(cast, client_for):
    programmes = items(client_for(cast["commissioner"]).get("/api/programmes?today=2023-02-01"))
    jenkins = next(p for p in programmes if p["slug"] == "jenkins-centre")
    assert (jenkins["runway_end"], jenkins["days_left"], jenkins["cliff_edge"]) == ("2023-03-31", 58, True)


def test_programme_list_is_paginated_by_limit_and_offset(cast, client_for):
    client = client_for(cast["commissioner"])
    body = client.get("/api/programmes?limit=2&offset=4&today=2023-02-01").json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == 6
    assert len(body["results"]) == 2
    assert body["next"] is None
    assert body["previous"] == "http://testserver/api/programmes?limit=2&offset=2&today=2023-02-01"
    middle = client.get(body["previous"]).json()
    assert middle["next"] == "http://testserver/api/programmes?limit=2&offset=4&today=2023-02-01"
    assert middle["previous"] == "http://testserver/api/programmes?limit=2&offset=0&today=2023-02-01"
    first = client.get("/api/programmes?limit=2").json()
    assert first["previous"] is None
    seen = [p["slug"] for page in (first, middle, body) for p in page["results"]]
    assert len(set(seen)) == 6


def test_programme_detail_says_whether_you_may_change_it(cast, client_for):
    client = client_for(cast["commissioner"])
    assert client.get("/api/programmes/jenkins-centre").json()["can_change"] is True
    # Hampshire County Council leads the Hampshire contracts; the OPCC only pays into them.
    hampshire = client.get("/api/programmes/hampshire-perpetrator").json()
    assert hampshire["can_change"] is False
    assert hampshire["lead_commissioner"]["name"] == "Hampshire County Council"


def test_provider_manager_sees_only_harbour_agreements(cast, client_for):
    agreements = items(client_for(cast["provider-manager"]).get("/api/agreements"))
    assert agreements
    assert {a["provider"]["name"] for a in agreements} == {"Harbour Support Services"}


def test_provider_manager_gets_404_for_the_hampshire_programme_and_other_providers_agreements(cast, client_for):
    client = client_for(cast["provider-manager"])
    response = client.get("/api/programmes/hampshire-perpetrator")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such programme"}
    msp = Agreement.objects.get(reference="2022-0007", provider__name="My Sister's Place")
    assert client.get(f"/api/agreements/{msp.pk}").status_code == 404
    assert client.get(f"/api/agreements/{harbour_agreement().pk}").status_code == 200


@pytest.mark.parametrize("who", ["police-analyst", "panel-member", "outsider"])
def test_people_outside_commissioning_see_no_funding_records(who, cast, outsider, client_for):
    client = client_for(outsider if who == "outsider" else cast[who])
    for url in ("/api/programmes", "/api/runway", "/api/awards", "/api/agreements", "/api/allocations"):
        assert items(client.get(url)) == [], url
    award, allocation = Award.objects.first(), Allocation.objects.first()
    for url in ("/api/programmes/jenkins-centre", "/api/programmes/jenkins-centre/runway",
                f"/api/awards/{award.pk}", f"/api/agreements/{harbour_agreement().pk}",
                f"/api/allocations/{allocation.pk}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert set(response.json()) == {"detail"}


@pytest.mark.parametrize("url", ["/api/programmes", "/api/programmes/jenkins-centre", "/api/runway", "/api/awards",
                                 "/api/agreements", "/api/allocations"])
def test_anonymous_gets_401(url, seeded, client):
    response = client.get(url)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_anonymous_write_gets_401_not_a_csrf_failure(seeded):
    response = post(Client(enforce_csrf_checks=True), "/api/agreements", new_agreement())
    assert response.status_code == 401


def test_a_session_write_without_the_csrf_token_is_refused(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["commissioner"])
    pass_second_factor(client, cast["commissioner"])
    response = post(client, "/api/agreements", new_agreement())
    assert response.status_code == 403
    assert not Agreement.objects.filter(title="Jenkins Centre bridging contract").exists()


# -- runway -------------------------------------------------------------------------------------


def test_jenkins_centre_runway_as_of_1_feb_2023_is_a_58_day_cliff_edge_with_the_bid_pending(cast, client_for):
    response = client_for(cast["commissioner"]).get("/api/programmes/jenkins-centre/runway?today=2023-02-01")
    assert response.status_code == 200
    runway = response.json()
    assert (runway["runway_end"], runway["days_left"], runway["cliff_edge"]) == ("2023-03-31", 58, True)
    [bid] = runway["pending_bids"]
    assert bid["decision_expected_on"] == "2023-03-17"
    assert bid["funder"] == "Home Office"
    assert [o["key"] for o in runway["options"]] == ["bid", "local", "close"]


def test_runway_of_all_programmes_in_june_2023_shows_hampshire_perpetrator_service_safe_with_an_extension(
        cast, client_for):
    runways = items(client_for(cast["commissioner"]).get("/api/runway?today=2023-06-01"))
    assert {r["slug"] for r in runways} == SEED_PROGRAMMES
    hampshire = next(r for r in runways if r["slug"] == "hampshire-perpetrator")
    assert hampshire["cliff_edge"] is False
    assert hampshire["runway_end"] == "2024-03-31"
    assert [e["extension_until"] for e in hampshire["extension_options"]] == ["2026-03-31"]
    assert hampshire["annual_cost"] == "210000.00"


def test_runway_funding_table_expands_the_hampshire_per_annum_contributions_by_financial_year(cast, client_for):
    funding = client_for(cast["commissioner"]).get("/api/programmes/hampshire-perpetrator/runway").json()["funding"]
    years = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    assert funding["years"] == years
    pcc = next(r for r in funding["rows"] if r["source"] == "Office of the Police and Crime Commissioner for Hampshire")
    assert pcc["kind"] == "Agreement contribution"
    assert pcc["confirmed"] == dict.fromkeys(years, "70000.00")
    assert pcc["total_confirmed"] == "350000.00"
    assert funding["confirmed_by_year"]["2023/24"] == "210000.00"


def test_an_invalid_today_answers_422_naming_the_parameter(cast, client_for):
    response = client_for(cast["commissioner"]).get("/api/runway?today=31-03-2023")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["today"]


@pytest.mark.parametrize("url", ["/api/programmes?today=2023-02-01", "/api/runway?today=2023-02-01"])
def test_runway_lists_do_not_query_once_per_programme(url, cast, client_for):
    client = client_for(cast["commissioner"])

    def queries(limit):
        with CaptureQueriesContext(connection) as captured:
            assert len(items(client.get(f"{url}&limit={limit}"))) == limit
        return len(captured)

    # A query per programme would add at least five for the five more; a prefetch that an
    # empty first page skipped adds one at most.
    assert queries(6) - queries(1) < 5
    assert queries(6) <= 20


@pytest.mark.parametrize("url", ["/api/awards", "/api/agreements", "/api/allocations"])
def test_money_lists_take_a_fixed_number_of_queries(url, cast, client_for, django_assert_max_num_queries):
    client = client_for(cast["commissioner"])
    # At most nine: the session, the user, the second factor's device (commissioners pass one), the
    # memberships and the session's touch, and the list's own fixed queries.
    with django_assert_max_num_queries(9):
        assert len(items(client.get(url))) > 1


# -- reads of money -----------------------------------------------------------------------------


def test_money_is_a_decimal_string_with_two_places_and_dates_are_iso(cast, client_for):
    agreement = client_for(cast["commissioner"]).get(f"/api/agreements/{harbour_agreement().pk}").json()
    assert agreement["value"] == "121197.00"
    assert (agreement["start"], agreement["end"]) == ("2022-07-01", "2023-10-31")


def test_agreement_detail_carries_its_schedule_and_reconciliation(cast, client_for):
    hampshire = Agreement.objects.get(programme__slug="hampshire-perpetrator")
    agreement = client_for(cast["commissioner"]).get(f"/api/agreements/{hampshire.pk}").json()
    assert [(c["partner"]["name"], c["amount"], c["basis"], c["is_cap"]) for c in agreement["contributions"]] == [
        ("Hampshire County Council", "100000.00", "per_annum", True),
        ("Office of the Police and Crime Commissioner for Hampshire", "70000.00", "per_annum", True),
        ("Southampton City Council", "40000.00", "per_annum", True),
    ]
    assert agreement["reconciliation"]["computed"] == "1050000.00"
    assert agreement["reconciliation"]["reconciles"] is None  # no value stated to check against
    assert agreement["value"] is None


def test_award_detail_reconciles_nothing_when_no_match_amount_is_stated(cast, client_for):
    award = Award.objects.get(amount="157423.33")
    body = client_for(cast["commissioner"]).get(f"/api/awards/{award.pk}").json()
    assert body["amount"] == "157423.33"
    assert [m["amount"] for m in body["match_contributions"]] == ["71711.67"]
    assert body["match_reconciliation"] is None


def test_allocations_name_their_financial_year(cast, client_for):
    allocations = items(client_for(cast["commissioner"]).get("/api/allocations?programme=greater-manchester-csp"))
    manchester = next(a for a in allocations if a["recipient"]["name"] == "Manchester Community Safety Partnership")
    assert (manchester["financial_year"], manchester["amount"]) == ("2023/24", "60290.00")
    assert len(allocations) == 9


# -- writes -------------------------------------------------------------------------------------


def test_commissioner_records_an_agreement_and_gets_it_back(cast, client_for):
    body = new_agreement(contributions=[{"partner": "Office of the Police and Crime Commissioner for Leicester, "
                                                    "Leicestershire and Rutland", "amount": "60000.00",
                                         "basis": "total"}])
    response = post(client_for(cast["commissioner"]), "/api/agreements", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["provider"]["name"] == "Jenkins Centre"
    assert created["commissioner"]["name"].startswith("Office of the Police and Crime Commissioner for Leicester")
    assert created["version"] == 1
    assert created["reconciliation"]["reconciles"] is True
    assert Agreement.objects.filter(pk=created["id"], programme__slug="jenkins-centre").exists()


@pytest.mark.parametrize(("changes", "field"), [
    ({"value": "-1.00"}, "value"),
    ({"end": "2023-03-01"}, "end"),
    ({"provider": "Jenkins Centre Ltd"}, "provider"),
    ({"provider": 999999}, "provider"),
    ({"value": "twelve"}, "value"),
    ({"contributions": [{"partner": "Home Office", "amount": "-5"}]}, "contributions.0.amount"),
    ({"contributions": [{"partner": "Nobody", "amount": "5"}]}, "contributions.0.partner"),
])
def test_a_bad_agreement_answers_422_naming_the_field_and_saves_nothing(changes, field, cast, client_for):
    before = Agreement.objects.count()
    response = post(client_for(cast["commissioner"]), "/api/agreements", new_agreement(**changes))
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in body["errors"], body
    assert all(isinstance(m, str) and m for m in body["errors"][field])
    assert field in body["detail"]
    assert Agreement.objects.count() == before


def test_a_body_that_is_not_json_answers_400(cast, client_for):
    response = client_for(cast["commissioner"]).post("/api/agreements", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


def test_an_agreement_schedule_over_its_value_answers_422_naming_contributions(cast, client_for):
    body = new_agreement(contributions=[{"partner": "Home Office", "amount": "60000.01", "basis": "total"}])
    response = post(client_for(cast["commissioner"]), "/api/agreements", body)
    assert response.status_code == 422
    assert "more than the agreement's value" in response.json()["errors"]["contributions"][0]


def test_writing_to_a_programme_you_see_but_do_not_lead_answers_404_as_the_page_does(cast, client_for):
    client = client_for(cast["commissioner"])
    assert client.get("/api/programmes/hampshire-perpetrator").status_code == 200  # seen, led by Hampshire CC
    response = post(client, "/api/agreements", new_agreement(programme="hampshire-perpetrator"))
    assert (response.status_code, response.json()) == (404, {"detail": "No such programme"})
    assert client.get("/programmes/hampshire-perpetrator/agreements/new/").status_code == 404
    assert not Agreement.objects.filter(title="Jenkins Centre bridging contract").exists()
    assert post(client, "/api/agreements", new_agreement()).status_code == 201  # a programme it leads


def test_provider_manager_may_not_write_to_a_programme_it_delivers_and_gets_404(cast, client_for):
    client = client_for(cast["provider-manager"])
    response = post(client, "/api/agreements", new_agreement(programme="cleveland-complex-needs"))
    assert response.status_code == 404
    agreement = harbour_agreement()
    assert client.get(f"/api/agreements/{agreement.pk}").status_code == 200
    response = patch(client, f"/api/agreements/{agreement.pk}", {"version": agreement.version, "title": "Mine now"})
    assert (response.status_code, response.json()) == (404, {"detail": "No such agreement"})
    assert client.get(f"/agreements/{agreement.pk}/edit/").status_code == 404
    assert Agreement.objects.get(pk=agreement.pk).title == agreement.title


@pytest.mark.parametrize(("url", "body"), [
    ("/api/awards", {"programme": "hampshire-perpetrator", "funder": "Home Office", "title": "Not ours",
                     "awarded_on": "2023-03-17", "start": "2023-04-01", "end": "2024-03-31"}),
    ("/api/allocations", {"programme": "hampshire-perpetrator", "recipient": "Home Office",
                          "financial_year": "2023/24", "amount": "10.00"}),
])
def test_awards_and_allocations_for_a_programme_you_see_but_do_not_lead_answer_404(url, body, cast, client_for):
    before = (Award.objects.count(), Allocation.objects.count())
    response = post(client_for(cast["finance-officer"]), url, body)
    assert (response.status_code, response.json()) == (404, {"detail": "No such programme"})
    assert (Award.objects.count(), Allocation.objects.count()) == before


def test_writing_to_a_programme_you_cannot_see_answers_404(cast, outsider, client_for):
    assert post(client_for(cast["provider-manager"]), "/api/agreements", new_agreement()).status_code == 404
    assert post(client_for(outsider), "/api/agreements", new_agreement()).status_code == 404
    assert not Agreement.objects.filter(title="Jenkins Centre bridging contract").exists()


def test_patching_an_agreement_with_its_version_changes_it_and_moves_the_version_on(cast, client_for):
    agreement = harbour_agreement()
    response = patch(client_for(cast["commissioner"]), f"/api/agreements/{agreement.pk}",
                     {"version": agreement.version, "reference": "2022-0007/H"})
    assert response.status_code == 200, response.content
    assert (response.json()["reference"], response.json()["version"]) == ("2022-0007/H", agreement.version + 1)
    assert response.json()["value"] == "121197.00"  # fields not sent stay as they were


def test_patching_an_agreement_with_a_stale_version_answers_409_and_changes_nothing(cast, client_for):
    agreement = harbour_agreement()
    client = client_for(cast["commissioner"])
    assert patch(client, f"/api/agreements/{agreement.pk}", {"version": 1, "title": "First edit"}).status_code == 200
    response = patch(client, f"/api/agreements/{agreement.pk}", {"version": 1, "title": "Second edit"})
    assert response.status_code == 409
    assert "changed by someone else" in response.json()["detail"]
    assert Agreement.objects.get(pk=agreement.pk).title == "First edit"


def test_patching_an_agreement_with_a_bad_value_answers_422(cast, client_for):
    agreement = harbour_agreement()
    response = patch(client_for(cast["commissioner"]), f"/api/agreements/{agreement.pk}",
                     {"version": agreement.version, "end": "2022-01-01"})
    assert response.status_code == 422
    assert "end" in response.json()["errors"]
    assert Agreement.objects.get(pk=agreement.pk).version == agreement.version


def test_a_token_write_is_audited_as_the_tokens_user(cast, client):
    _, token = api_token_create(user=cast["finance-officer"], name="spreadsheet", by=None)
    response = post(client, "/api/agreements", new_agreement(), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.content
    entry = LogEntry.objects.get_for_object(Agreement.objects.get(pk=response.json()["id"])).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast["finance-officer"]


def test_a_session_write_is_audited_as_the_signed_in_user(cast, client_for):
    response = post(client_for(cast["commissioner"]), "/api/agreements", new_agreement())
    entry = LogEntry.objects.get_for_object(Agreement.objects.get(pk=response.json()["id"])).get()
    assert entry.actor == cast["commissioner"]


def test_commissioner_records_an_award_for_a_programme_it_leads(cast, client_for):
    body = {"programme": "jenkins-centre", "funder": "Home Office", "title": "Home Office 2023-25 award",
            "amount": "250000", "awarded_on": "2023-03-17", "start": "2023-04-01", "end": "2025-03-31"}
    response = post(client_for(cast["commissioner"]), "/api/awards", body)
    assert response.status_code == 201, response.content
    award = response.json()
    assert award["amount"] == "250000.00"
    assert award["recipient"]["name"].startswith("Office of the Police and Crime Commissioner for Leicester")
    runway = client_for(cast["commissioner"]).get("/api/programmes/jenkins-centre/runway?today=2023-02-01").json()
    assert (runway["runway_end"], runway["cliff_edge"]) == ("2025-03-31", False)


def test_an_award_with_an_unknown_funder_answers_422_and_saves_nothing(cast, client_for):
    before = Award.objects.count()
    body = {"programme": "jenkins-centre", "funder": "The Home Office", "title": "x", "awarded_on": "2023-03-17",
            "start": "2023-04-01", "end": "2025-03-31"}
    response = post(client_for(cast["commissioner"]), "/api/awards", body)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["funder"]
    assert Award.objects.count() == before


def test_commissioner_records_an_allocation_by_financial_year_and_area_name(cast, client_for):
    programme = Programme.objects.get(slug="greater-manchester-csp")
    body = {"programme": programme.pk, "recipient": "Bolton Community Safety Partnership", "area": "Bolton CSP",
            "financial_year": "2024/25", "amount": "33645", "purpose": "DA perpetrator intervention Bolton"}
    response = post(client_for(cast["commissioner"]), "/api/allocations", body)
    assert response.status_code == 201, response.content
    allocation = response.json()
    assert (allocation["financial_year"], allocation["amount"], allocation["area"]["name"]) == (
        "2024/25", "33645.00", "Bolton CSP")


@pytest.mark.parametrize(("changes", "field"), [
    ({"financial_year": "2024"}, "financial_year"),
    ({"area": "Boltonshire"}, "area"),
    ({"recipient": "Bolton"}, "recipient"),
    ({"amount": "-10"}, "amount"),
    ({"award_id": 999999}, "award_id"),
])
def test_a_bad_allocation_answers_422_naming_the_field(changes, field, cast, client_for):
    before = Allocation.objects.count()
    body = {"programme": "greater-manchester-csp", "recipient": "Bolton Community Safety Partnership",
            "financial_year": "2024/25", "amount": "33645", **changes}
    response = post(client_for(cast["commissioner"]), "/api/allocations", body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Allocation.objects.count() == before


def test_a_provider_manager_gets_the_runway_as_the_programme_page_shows_it_without_the_ledger(cast, client_for):
    """The page shows a provider manager the runway, but not the funding table nor other providers'
    agreements; the API answers the same."""
    manager = client_for(cast["provider-manager"])
    runway = manager.get("/api/programmes/cleveland-complex-needs/runway?today=2023-01-01").json()
    listed = next(r for r in items(manager.get("/api/runway?today=2023-01-01"))
                  if r["slug"] == "cleveland-complex-needs")
    commissioner = client_for(cast["commissioner"]).get(
        "/api/programmes/cleveland-complex-needs/runway?today=2023-01-01").json()
    assert runway["funding"] is None and commissioner["funding"]["rows"]
    everyone = {a["provider"] for a in commissioner["ending_agreements"]}
    assert len(everyone) > 1 and "Harbour Support Services" in everyone
    assert {a["provider"] for a in runway["ending_agreements"]} == {"Harbour Support Services"}
    assert listed["ending_agreements"] == runway["ending_agreements"]
