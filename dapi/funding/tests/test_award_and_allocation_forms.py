"""Adding and changing awards and allocations."""

from decimal import Decimal
from html import unescape

from auditlog.models import LogEntry
from django.urls import reverse

from dapi.funding.models import Allocation, Award

GM = "greater-manchester-csp"
CLEVELAND = "cleveland-complex-needs"


def award_data(**overrides):
    data = {"title": "Home Office year three", "funder": "Home Office",
            "recipient": "Office of the Police and Crime Commissioner for Cleveland", "amount": "120000.00",
            "awarded_on": "2024-03-01", "start": "2024-04-01", "end": "2025-03-31", "match_required": "",
            "match_required_text": "", "conditions": ""}
    data.update(overrides)
    return data


def allocation_data(**overrides):
    data = {"recipient": "Bolton Community Safety Partnership", "area": "", "financial_year": "2024/25",
            "amount": "30000", "award": "", "purpose": "Perpetrator interventions", "conditions": ""}
    data.update(overrides)
    return data


def test_commissioner_adds_an_award_and_the_audit_log_names_them(cast, client_for):
    client = client_for(cast["commissioner"])
    response = client.post(reverse("funding:award_create", args=[CLEVELAND]), award_data())
    award = Award.objects.get(title="Home Office year three")
    assert response.status_code == 302
    assert response["Location"].endswith("#awards")
    assert award.amount == Decimal("120000.00")
    entry = LogEntry.objects.get_for_object(award).get(action=LogEntry.Action.CREATE)
    assert entry.actor == cast["commissioner"]
    assert "Award “Home Office year three” added." in unescape(client.get(response["Location"]).content.decode())


def test_an_award_with_a_negative_amount_is_refused_and_nothing_is_saved(cast, client_for):
    before = Award.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("funding:award_create", args=[CLEVELAND]),
                                                     award_data(amount="-1"))
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert 'id="id_amount-error"' in html
    assert "Enter an amount of £0.00 or more." in html
    assert Award.objects.count() == before


def test_an_award_ending_before_it_starts_is_refused_on_the_end_date(cast, client_for):
    before = Award.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("funding:award_create", args=[CLEVELAND]),
                                                     award_data(end="2024-01-01"))
    html = unescape(response.content.decode())
    assert 'id="id_end-error"' in html
    assert "The end date must be on or after the start date." in html
    assert Award.objects.count() == before


def test_an_award_amount_may_be_left_not_stated(cast, client_for):
    client_for(cast["commissioner"]).post(reverse("funding:award_create", args=[CLEVELAND]), award_data(amount=""))
    assert Award.objects.get(title="Home Office year three").amount is None


def test_commissioner_changes_an_award(cast, client_for):
    award = Award.objects.get(title__startswith="Home Office perpetrator programme, year two")
    client = client_for(cast["commissioner"])
    page = unescape(client.get(reverse("funding:award_edit", args=[award.pk])).content.decode())
    assert 'value="157423.33"' in page
    data = award_data(title=award.title, amount="157423.33", awarded_on="2022-07-01", start="2022-07-01",
                      end="2023-10-31", conditions="Checked against the grant letter.")
    assert client.post(reverse("funding:award_edit", args=[award.pk]), data).status_code == 302
    award.refresh_from_db()
    assert award.conditions == "Checked against the grant letter."


def test_commissioner_adds_an_allocation_for_a_financial_year(cast, client_for):
    response = client_for(cast["commissioner"]).post(reverse("funding:allocation_create", args=[GM]), allocation_data())
    assert response.status_code == 302
    allocation = Allocation.objects.get(financial_year=2024)
    assert allocation.recipient.name == "Bolton Community Safety Partnership"
    assert allocation.amount == 30000
    assert LogEntry.objects.get_for_object(allocation).get().actor == cast["commissioner"]


def test_an_allocation_with_a_negative_amount_is_refused_and_nothing_is_saved(cast, client_for):
    before = Allocation.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("funding:allocation_create", args=[GM]),
                                                     allocation_data(amount="-30000"))
    html = unescape(response.content.decode())
    assert 'id="id_amount-error"' in html
    assert "Enter an amount of £0.00 or more." in html
    assert Allocation.objects.count() == before


def test_an_allocation_year_must_be_a_financial_year(cast, client_for):
    before = Allocation.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("funding:allocation_create", args=[GM]),
                                                     allocation_data(financial_year="2024"))
    assert "Enter a financial year like 2023/24." in unescape(response.content.decode())
    assert Allocation.objects.count() == before


def test_commissioner_changes_an_allocation(cast, client_for):
    allocation = Allocation.objects.get(recipient__name="Manchester Community Safety Partnership")
    client = client_for(cast["commissioner"])
    page = unescape(client.get(reverse("funding:allocation_edit", args=[allocation.pk])).content.decode())
    assert 'value="2023/24"' in page
    response = client.post(reverse("funding:allocation_edit", args=[allocation.pk]),
                           allocation_data(recipient="Manchester Community Safety Partnership", financial_year="2023/24",
                                           amount="60290.00", purpose="DA perpetrator intervention City Manchester"))
    assert response.status_code == 302
    allocation.refresh_from_db()
    assert allocation.amount == 60290


def test_provider_manager_gets_404_on_award_and_allocation_forms(cast, client_for):
    client = client_for(cast["provider-manager"])
    award = Award.objects.first()
    assert client.get(reverse("funding:award_create", args=[CLEVELAND])).status_code == 404
    assert client.get(reverse("funding:award_edit", args=[award.pk])).status_code == 404
    assert client.get(reverse("funding:allocation_create", args=[GM])).status_code == 404
