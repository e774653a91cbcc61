"""The programme page: position, runway, funding, agreements and decisions as of a date."""

from html import unescape

import pytest
from django.urls import reverse

from dapi.funding.models import Programme


def page(client, slug, today=None):
    url = reverse("funding:programme_detail", args=[slug]) + (f"?today={today}" if today else "")
    response = client.get(url)
    return response, unescape(response.content.decode())


def test_commissioner_sees_cleveland_total_and_three_providers(cast, client_for):
    response, html = page(client_for(cast["commissioner"]), "cleveland-complex-needs", "2023-02-01")
    assert response.status_code == 200
    assert "£229,135.00" in html
    for provider in ("Harbour Support Services", "My Sister's Place", "Barefoot Social Research"):
        assert provider in html
    assert "Reconciles" in html
    assert "Does not reconcile" not in html


def test_cleveland_page_reads_in_fewer_than_40_queries(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast["commissioner"])
    with django_assert_max_num_queries(39):
        response = client.get(reverse("funding:programme_detail", args=["cleveland-complex-needs"]) + "?today=2023-02-01")
    assert response.status_code == 200


def test_jenkins_centre_is_at_the_cliff_edge_58_days_before_its_contract_ends(cast, client_for):
    response, html = page(client_for(cast["commissioner"]), "jenkins-centre", "2023-02-01")
    assert "Cliff edge" in html
    assert "31 Mar 2023" in html
    assert "funding ends in 58 days" in html
    assert "17 Mar 2023" in html
    assert "Decision overdue" not in html


def test_jenkins_centre_flags_the_bid_decision_as_overdue_after_17_march_2023(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "jenkins-centre", "2023-03-20")
    assert "Decision overdue" in html


def test_jenkins_centre_shows_funding_ended_after_31_march_2023(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "jenkins-centre", "2023-06-01")
    assert "Funding ended on 31 Mar 2023" in html
    assert "Cliff edge:" not in html


def test_hampshire_perpetrator_service_shows_extension_and_no_cliff_edge_in_june_2023(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "hampshire-perpetrator", "2023-06-01")
    assert "extension available to 31 Mar 2026" in html
    assert "Cliff edge" not in html


def test_hampshire_perpetrator_service_is_at_the_cliff_edge_in_october_2023(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "hampshire-perpetrator", "2023-10-01")
    assert "Cliff edge: funding ends in 182 days, on 31 Mar 2024" in html


def test_funding_table_shows_each_source_per_financial_year_with_totals(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "hampshire-perpetrator", "2023-06-01")
    assert "Confirmed funding by financial year" in html
    for year in ("2019/20", "2023/24"):
        assert year in html
    assert "Southampton City Council" in html
    assert "£40,000.00" in html  # one full year of Southampton's per-annum line
    assert "£1,050,000.00" in html  # 210,000 a year for five years


def test_allocations_show_recipient_area_and_year(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "greater-manchester-csp", "2023-06-01")
    assert "Manchester Community Safety Partnership" in html
    assert "2023/24" in html
    assert "£60,290.00" in html
    assert "£329,450.00" in html


def test_timeline_image_and_its_table_are_on_the_page(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "jenkins-centre", "2023-02-01")
    assert reverse("funding:programme_timeline", args=["jenkins-centre"]) + "?today=2023-02-01" in html
    assert "What the timeline shows" in html


def test_lead_commissioner_gets_links_to_add_money(cast, client_for):
    _, html = page(client_for(cast["commissioner"]), "cleveland-complex-needs")
    for text in ("Add agreement", "Add award", "Add allocation"):
        assert text in html


def test_co_funder_sees_hampshire_but_cannot_add_to_its_ledger(cast, client_for):
    # Hampshire County Council leads it; the commissioner's OPCC only pays into it.
    response, html = page(client_for(cast["commissioner"]), "hampshire-perpetrator")
    assert response.status_code == 200
    assert "Add agreement" not in html


def test_provider_manager_sees_its_own_agreements_but_not_other_providers(cast, client_for):
    response, html = page(client_for(cast["provider-manager"]), "cleveland-complex-needs", "2023-02-01")
    assert response.status_code == 200
    assert "Harbour Support Services grant, perpetrator programme 2022/23" in html
    assert "My Sister's Place grant, perpetrator programme 2022/23" not in html.split('id="decisions"')[0]
    assert "Confirmed funding by financial year" not in html
    assert "Add agreement" not in html


def test_provider_manager_gets_404_on_the_hampshire_programme(cast, client_for):
    response, _ = page(client_for(cast["provider-manager"]), "hampshire-perpetrator")
    assert response.status_code == 404


@pytest.mark.parametrize("username", ["police-analyst", "panel-member", "evaluator", "perpetrator-worker"])
def test_users_without_a_funding_role_get_404_on_programme_pages(cast, client_for, username):
    client = client_for(cast[username])
    assert client.get(reverse("funding:programme_detail", args=["cleveland-complex-needs"])).status_code == 404
    assert client.get(reverse("funding:programme_timeline", args=["cleveland-complex-needs"])).status_code == 404


def test_outsider_gets_404_on_programme_pages(seeded, outsider, client_for):
    client = client_for(outsider)
    assert client.get(reverse("funding:programme_detail", args=["jenkins-centre"])).status_code == 404
    assert client.get(reverse("funding:programme_list")).status_code == 200


def test_anonymous_user_is_redirected_to_sign_in(seeded, client):
    url = reverse("funding:programme_detail", args=["cleveland-complex-needs"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_programme_list_shows_runway_and_cliff_edge_as_of_a_date(cast, client_for):
    response = client_for(cast["commissioner"]).get(reverse("funding:programme_list") + "?today=2023-02-01")
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert Programme.objects.get(slug="jenkins-centre").name in html
    assert "Cliff edge" in html
    assert "58" in html


def test_the_view_as_of_boxes_show_the_list_as_of_the_day_they_make_and_keep_it(cast, client_for):
    client = client_for(cast["commissioner"])
    boxes = client.get(reverse("funding:programme_list") + "?today_day=1&today_month=2&today_year=2023")
    link = client.get(reverse("funding:programme_list") + "?today=2023-02-01")
    html = unescape(boxes.content.decode())
    assert boxes.status_code == 200 and "as of 1 Feb 2023" in html
    assert 'name="today_day" type="text" inputmode="numeric" value="1"' in html and 'value="2023"' in html
    assert html.split("<main")[1] == unescape(link.content.decode()).split("<main")[1]
    bad = client.get(reverse("funding:programme_list") + "?today_day=30&today_month=2&today_year=2023")
    assert bad.status_code == 400


def test_programme_list_shows_only_visible_programmes_to_a_provider_manager(cast, client_for):
    response = client_for(cast["provider-manager"]).get(reverse("funding:programme_list"))
    html = unescape(response.content.decode())
    assert "Cleveland complex needs" in html
    assert "Hampshire" not in html


def test_a_bad_as_of_date_is_refused_with_400_saying_what_is_accepted(cast, client_for):
    response, _ = page(client_for(cast["commissioner"]), "jenkins-centre", "not-a-date")
    assert response.status_code == 400
    assert "?today= must be a date like 2023-02-01" in response.content.decode()
