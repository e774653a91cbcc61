"""The decision page reads like the published record, with its money and reconciled totals."""

from datetime import date
from decimal import Decimal
from html import unescape

from django.urls import reverse

from dapi.decisions import services
from dapi.decisions.models import Decision, TotalComponent
from dapi.funding.models import Agreement, Programme


def get(client, decision):
    response = client.get(reverse("decisions:decision_detail", args=[decision.pk]))
    return response, unescape(response.content.decode())


def test_gmca_decision_reconciles_its_329450_total_for_csps(cast, client_for):
    decision = Decision.objects.get(title="PCC - Domestic Abuse Perpetrator Interventions")
    response, html = get(client_for(cast["commissioner"]), decision)
    assert response.status_code == 200
    assert "£329,450.00" in html
    assert "Reconciles" in html
    assert "Does not reconcile" not in html
    assert "£60,290.00" in html and "2023/24" in html
    assert "26 Mar 2024" in html and "9 May 2024" in html
    assert "Recommendations Approved" in html


def test_cleveland_record_shows_checklist_approvals_and_both_totals(cast, client_for):
    decision = Decision.objects.get(reference="2022-0007")
    _, html = get(client_for(cast["commissioner"]), decision)
    assert html.count("Reconciles") == 2
    assert "£229,135.00" in html
    for topic in ("Financial", "Legal", "Equality & Diversity", "Human Rights", "Sustainability", "Risk"):
        assert topic in html
    assert "Monitoring Officer" in html
    assert "5 Sep 2022" in html


def test_hampshire_record_shows_numbered_recommendations_and_an_unstated_key_decision(cast, client_for):
    decision = Decision.objects.get(reference="PCCML/000407/2018")
    _, html = get(client_for(cast["commissioner"]), decision)
    assert "<strong>2.2</strong>" in html
    assert "Key decision" in html and "Not stated" in html


def test_a_decision_whose_money_does_not_add_up_shows_the_mismatch_and_difference(cast, client_for):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    decision = services.decision_create(
        by=cast["commissioner"], title="Overstated grants", organisation=programme.lead_commissioner,
        decision_maker="Police and Crime Commissioner for Cleveland", decision_date=date(2022, 9, 6),
        agreements=list(Agreement.objects.filter(title__contains="grant, perpetrator programme 2022/23")),
        stated_totals=[{"label": "Total grants", "amount": Decimal("230000.00"), "component": TotalComponent.AGREEMENTS}])
    _, html = get(client_for(cast["commissioner"]), decision)
    assert "dapi-reconcile--mismatch" in html
    assert "Does not reconcile: difference £865.00" in html
    assert "£229,135.00" in html  # computed from the lines


def test_the_mismatch_also_shows_on_the_programme_page(cast, client_for):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    services.decision_create(
        by=cast["commissioner"], title="Overstated grants", organisation=programme.lead_commissioner,
        decision_maker="PCC", programmes=[programme],
        stated_totals=[{"label": "Total grants", "amount": Decimal("1.00"), "component": TotalComponent.AGREEMENTS}])
    response = client_for(cast["commissioner"]).get(reverse("funding:programme_detail", args=[programme.slug]))
    html = unescape(response.content.decode())
    assert "Does not reconcile: difference £1.00" in html


def test_panel_minutes_list_the_meeting_and_its_resolutions(cast, client_for):
    minutes = Decision.objects.get(document_type="panel_minutes")
    _, html = get(client_for(cast["commissioner"]), minutes)
    assert "Meetings recorded here" in html
    assert "short-written statement" in html


def test_provider_manager_sees_the_decision_but_links_only_its_own_agreement(cast, client_for):
    decision = Decision.objects.get(reference="2022-0007")
    response, html = get(client_for(cast["provider-manager"]), decision)
    assert response.status_code == 200
    harbour = Agreement.objects.get(title__startswith="Harbour Support Services grant")
    sisters = Agreement.objects.get(title__startswith="My Sister's Place grant")
    assert reverse("funding:agreement_detail", args=[harbour.pk]) in html
    assert reverse("funding:agreement_detail", args=[sisters.pk]) not in html
    assert "Change this record" not in html


def test_outsider_and_police_analyst_get_404_on_decisions(seeded, cast, outsider, client_for):
    decision = Decision.objects.get(reference="2022-0007")
    assert get(client_for(outsider), decision)[0].status_code == 404
    assert get(client_for(cast["police-analyst"]), decision)[0].status_code == 404


def test_decision_list_is_newest_first_and_filters_by_organisation(cast, client_for):
    client = client_for(cast["commissioner"])
    html = unescape(client.get(reverse("decisions:decision_list")).content.decode())
    assert html.index("PCC - Domestic Abuse Perpetrator Interventions") < html.index("Home Office Funded Perpetrator")
    gmca = Decision.objects.get(title="PCC - Domestic Abuse Perpetrator Interventions").organisation
    filtered = unescape(client.get(reverse("decisions:decision_list") + f"?organisation={gmca.pk}").content.decode())
    assert "PCC - Domestic Abuse Perpetrator Interventions" in filtered
    assert "Home Office Funded Perpetrator" not in filtered
