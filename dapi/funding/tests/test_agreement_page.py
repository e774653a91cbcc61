"""The agreement page: every field, the schedule per financial year, and its reconciliation."""

from datetime import date
from decimal import Decimal
from html import unescape

from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.funding import services
from dapi.funding.models import Agreement, Basis, Programme


def get(client, agreement):
    response = client.get(reverse("funding:agreement_detail", args=[agreement.pk]))
    return response, unescape(response.content.decode())


def test_hampshire_contract_shows_its_terms_and_schedule_per_year(cast, client_for):
    contract = Agreement.objects.get(title__startswith="Domestic Abuse Perpetrators Service")
    response, html = get(client_for(cast["commissioner"]), contract)
    assert response.status_code == 200
    assert "31 Mar 2026: option to extend for a further 2 years" in html
    assert "6 months" in html
    assert "Provider not named in the decision" in html
    assert "Not stated" in html  # provider and value
    for year in ("2019/20", "2020/21", "2021/22", "2022/23", "2023/24"):
        assert year in html
    assert "up to £70,000.00 a year" in html
    assert "£210,000.00" in html  # the three partners in one year
    assert "£1,050,000.00" in html  # over the five-year term
    assert "No total is stated to check against" in html
    assert "PCCML/000407/2018" in html


def test_interim_coordinator_grant_reconciles_with_its_schedule(cast, client_for):
    grant = Agreement.objects.get(title__startswith="Interim Perpetrators")
    _, html = get(client_for(cast["commissioner"]), grant)
    assert "Reconciles" in html
    assert "dapi-reconcile--mismatch" not in html


def test_a_schedule_short_of_the_value_shows_the_mismatch_and_the_difference(cast, client_for):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    opcc = programme.lead_commissioner
    agreement = services.agreement_create(
        by=cast["commissioner"], programme=programme, kind="grant", title="Short schedule", commissioner=opcc,
        value=Decimal("1000.00"), start=date(2024, 4, 1), end=date(2025, 3, 31), status="approved",
        contributions=[{"partner": opcc, "amount": Decimal("900.00"), "basis": Basis.TOTAL}])
    _, html = get(client_for(cast["commissioner"]), agreement)
    assert "dapi-reconcile--mismatch" in html
    assert "Does not reconcile: difference £100.00" in html
    assert "less than the stated £1,000.00" in html


def test_agreement_without_a_start_date_says_the_schedule_cannot_be_expanded(cast, client_for):
    programme = Programme.objects.get(slug="jenkins-centre")
    opcc = programme.lead_commissioner
    agreement = services.agreement_create(
        by=cast["commissioner"], programme=programme, kind="contract", title="No start", commissioner=opcc,
        end=date(2023, 3, 31), contributions=[{"partner": opcc, "amount": Decimal("500.00"), "basis": Basis.TOTAL}])
    _, html = get(client_for(cast["commissioner"]), agreement)
    assert "the start date is not stated" in html


def test_provider_manager_sees_its_own_agreement_and_not_another_providers(cast, client_for):
    client = client_for(cast["provider-manager"])
    own = Agreement.objects.get(title__startswith="Harbour Support Services grant")
    other = Agreement.objects.get(title__startswith="My Sister's Place grant")
    response, html = get(client, own)
    assert response.status_code == 200
    assert "Change this agreement" not in html
    assert get(client, other)[0].status_code == 404


def test_agreement_page_links_the_decision_that_decided_it(cast, client_for):
    grant = Agreement.objects.get(title__startswith="Harbour Support Services grant")
    _, html = get(client_for(cast["commissioner"]), grant)
    assert "2022-0007: Home Office Funded Perpetrator Programme" in html
    assert Organisation.objects.get(name="Harbour Support Services").name in html
