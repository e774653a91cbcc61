"""Match contributions, cash or in kind (issue 18, item 2), and whether an award's match condition
is met year by year."""

import json
from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.funding import services
from dapi.funding.match import match_condition
from dapi.funding.models import Award, Basis, MatchContribution, MatchKind, Programme
from dapi.lib.money import FinancialYear


@pytest.fixture
def cleveland(seeded):
    return Programme.objects.get(slug="cleveland-complex-needs")


@pytest.fixture
def award(cleveland):
    """A two-year award needing £10,000 of match a year."""
    return services.award_create(
        by=None, programme=cleveland, funder=Organisation.objects.get(name="Home Office"),
        recipient=cleveland.lead_commissioner, title="Test award", amount=Decimal("50000.00"),
        awarded_on=date(2024, 3, 1), start=date(2024, 4, 1), end=date(2026, 3, 31),
        match_required=Decimal("10000.00"), match_basis=Basis.PER_ANNUM)


def contribute(programme, by=None, **changes):
    fields = {"partner": Organisation.objects.get(name="Hartlepool Borough Council"), "amount": Decimal("10000.00"),
              "basis": Basis.TOTAL, "start": date(2024, 4, 1), "end": date(2025, 3, 31)}
    return services.match_contribution_create(by=by, programme=programme, **(fields | changes))


def test_the_award_shows_its_match_condition_met_or_not_year_by_year(cleveland, award):
    contribute(cleveland, award=award)
    contribute(cleveland, award=award, amount=Decimal("4000.00"), kind=MatchKind.IN_KIND,
               valuation_basis="Two days a week of an analyst's time at salary cost",
               start=date(2025, 4, 1), end=date(2026, 3, 31))
    contribute(cleveland, amount=Decimal("99999.00"), start=date(2025, 4, 1), end=date(2026, 3, 31))  # no award named
    condition = match_condition(award, list(MatchContribution.objects.filter(programme=cleveland)))
    rows = [(y.year, y.required, y.provided, y.met, y.shortfall) for y in condition.years]
    assert rows == [(FinancialYear(2024), Decimal("10000.00"), Decimal("10000.00"), True, Decimal("0.00")),
                    (FinancialYear(2025), Decimal("10000.00"), Decimal("4000.00"), False, Decimal("6000.00"))]
    assert condition.met is False


def test_an_award_stating_no_match_amount_has_no_condition(cleveland):
    year_two = Award.objects.get(title__contains="year two")
    assert year_two.match_required is None and match_condition(year_two, []) is None


def test_a_contribution_in_kind_needs_its_valuation_basis(cleveland):
    with pytest.raises(ValidationError) as caught:
        contribute(cleveland, kind=MatchKind.IN_KIND, valuation_basis=" ")
    assert caught.value.message_dict["valuation_basis"] == [
        "Say how the contribution in kind was valued, for example staff time at salary cost."]
    assert not MatchContribution.objects.filter(partner__name="Hartlepool Borough Council").exists()


def test_an_award_of_another_programme_is_refused(cleveland):
    other = Award.objects.exclude(programme=cleveland).first()
    with pytest.raises(ValidationError) as caught:
        contribute(cleveland, award=other)
    assert caught.value.message_dict["award"] == [f"Choose an award of {cleveland.name}."]


def test_a_negative_amount_or_backwards_term_is_refused(cleveland):
    with pytest.raises(ValidationError) as caught:
        contribute(cleveland, amount=Decimal("-1.00"), start=date(2025, 1, 1), end=date(2024, 1, 1))
    assert set(caught.value.message_dict) >= {"amount"}


def test_the_service_writes_an_audit_row_and_refuses_the_provider(cleveland, cast):
    match = contribute(cleveland, by=cast["finance-officer"])
    assert LogEntry.objects.get_for_object(match).get().actor == cast["finance-officer"]
    with pytest.raises(Http404):
        contribute(cleveland, by=cast["provider-manager"])


def test_the_programme_page_shows_the_condition_and_the_kind(cleveland, award, cast, client_for):
    contribute(cleveland, award=award, amount=Decimal("4000.00"), kind=MatchKind.IN_KIND,
               valuation_basis="Analyst time at salary cost")
    html = client_for(cast["commissioner"]).get("/programmes/cleveland-complex-needs/").content.decode()
    assert "Test award: match condition not met" in html
    assert "In kind: Analyst time at salary cost" in html and "short by £6,000.00" in html


def test_a_match_contribution_is_added_on_the_page_and_bad_input_named(cleveland, award, cast, client_for):
    client = client_for(cast["finance-officer"])
    url = reverse("funding:match_contribution_create", args=["cleveland-complex-needs"])
    bad = client.post(url, {"partner": "Hartlepool Borough Council", "kind": "in_kind", "amount": "500",
                            "basis": "total", "start": "2024-04-01", "end": "2025-03-31"})
    assert bad.status_code == 200 and "Say how the contribution in kind was valued" in bad.content.decode()
    good = client.post(url, {"partner": "Hartlepool Borough Council", "kind": "cash", "amount": "10,000",
                             "basis": "per_annum", "start": "2024-04-01", "end": "2026-03-31", "award": award.pk})
    assert good.status_code == 302
    condition = match_condition(award, list(award.match_contributions.all()))
    assert condition.met is True


def test_the_api_records_a_contribution_and_the_award_reports_the_years(cleveland, award, cast, client_for):
    client = client_for(cast["commissioner"])
    response = client.post("/api/match-contributions", json.dumps({
        "programme": "cleveland-complex-needs", "partner": "Hartlepool Borough Council", "award_id": award.pk,
        "amount": "10000.00", "kind": "cash", "start": "2024-04-01", "end": "2025-03-31"}),
        content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "cash" and response.json()["award_id"] == award.pk
    years = client.get(f"/api/awards/{award.pk}").json()["match_by_year"]
    assert [(y["financial_year"], y["met"], y["shortfall"]) for y in years] == [
        ("2024/25", True, "0.00"), ("2025/26", False, "10000.00")]
    bad = client.post("/api/match-contributions", json.dumps({
        "programme": "cleveland-complex-needs", "partner": "Hartlepool Borough Council", "amount": "1.00",
        "kind": "in_kind", "start": "2024-04-01", "end": "2025-03-31"}), content_type="application/json")
    assert bad.status_code == 422 and "valuation_basis" in bad.json()["errors"]
