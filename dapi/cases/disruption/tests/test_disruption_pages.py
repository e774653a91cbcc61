"""The disruption section of the case page, the page that records an action and the API, role by
role across the barrier: a Clare's Law disclosure never reaches his side, in any of them."""

from datetime import date

from django.urls import reverse

from dapi.cases.models import DisruptionAction
from dapi.cases.tests.builders import org

from .test_disruption import POLICE, actions, on_1_june_2023  # noqa: F401 (a fixture)


def test_the_urls_are_where_the_case_page_links(db):
    assert reverse("disruption:action_add", args=[7]) == "/disruption/cases/7/add/"


def test_her_side_sees_every_action_and_the_counts_on_the_case_page(cast, client_for, actions):
    response = client_for(cast["partner-support-worker"]).get(reverse("cases:case_detail", args=[actions["case"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Clare&#x27;s Law disclosure: right to ask" in body and "Domestic Violence Protection Order (DVPO)" in body
    assert "5 Apr 2023" in body and "Record a disruption or protective action" in body


def test_his_side_sees_the_actions_against_him_but_never_her_disclosure(cast, client_for, actions):
    client = client_for(cast["perpetrator-worker"])
    response = client.get(reverse("cases:case_detail", args=[actions["case"].pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Domestic Violence Protection Order (DVPO)" in body and "Arrest" in body
    assert "Clare" not in body and "5 Apr 2023" not in body
    form = client.get(reverse("disruption:action_add", args=[actions["case"].pk])).content.decode()
    assert "dvds_ask" not in form and "dvds_know" not in form and 'value="arrest"' in form
    api = client.get(f"/api/cases/{actions['case'].pk}/disruption-actions")
    assert api.status_code == 200
    assert [a["kind"] for a in api.json()["results"]] == ["dvpo", "arrest"]


def test_his_worker_posting_a_disclosure_is_told_it_is_not_a_choice_and_nothing_is_written(cast, client_for, actions):
    client = client_for(cast["perpetrator-worker"])
    with on_1_june_2023:
        response = client.post(reverse("disruption:action_add", args=[actions["case"].pk]),
                               {"kind": "dvds_know", "taken_on": "2023-05-01", "agency": org(POLICE).pk})
        api = client.post(f"/api/cases/{actions['case'].pk}/disruption-actions",
                          {"kind": "dvds_know", "taken_on": "2023-05-01", "agency": POLICE},
                          content_type="application/json")
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert api.status_code == 404
    assert DisruptionAction.objects.count() == 3


def test_the_page_records_an_action_and_refuses_a_future_date_naming_the_field(cast, client_for, actions):
    client = client_for(cast["perpetrator-worker"])
    url = reverse("disruption:action_add", args=[actions["case"].pk])
    with on_1_june_2023:
        future = client.post(url, {"kind": "breach", "taken_on": "2023-06-02", "agency": org(POLICE).pk})
        assert future.status_code == 200
        assert "The date the action was taken cannot be in the future" in future.content.decode()
        assert DisruptionAction.objects.count() == 3
        saved = client.post(url, {"kind": "breach", "taken_on": "2023-05-30", "agency": org(POLICE).pk})
    assert saved.status_code == 302 and saved["Location"].endswith(f"/cases/{actions['case'].pk}/#disruption")
    assert DisruptionAction.objects.filter(case=actions["case"], kind="breach", taken_on=date(2023, 5, 30)).exists()


def test_the_api_records_an_action_and_refuses_bad_input(cast, client_for, actions):
    client = client_for(cast["partner-support-worker"])
    url = f"/api/cases/{actions['case'].pk}/disruption-actions"
    with on_1_june_2023:
        made = client.post(url, {"kind": "dvds_know", "taken_on": "2023-05-01", "agency": POLICE},
                           content_type="application/json")
        unknown = client.post(url, {"kind": "curfew", "taken_on": "2023-05-01", "agency": POLICE},
                              content_type="application/json")
        future = client.post(url, {"kind": "arrest", "taken_on": "2023-07-01", "agency": POLICE},
                             content_type="application/json")
    assert made.status_code == 201
    assert made.json()["kind"] == "dvds_know" and made.json()["victim_side_only"] is True
    assert made.json()["agency"]["name"] == POLICE
    assert unknown.status_code == 422 and "kind" in unknown.content.decode()
    assert future.status_code == 422 and "taken_on" in future.content.decode()
    assert DisruptionAction.objects.count() == 4


def test_someone_who_sees_no_side_of_the_case_gets_404_everywhere(cast, client_for, actions):
    client = client_for(cast["commissioner"])
    case = actions["case"]
    assert client.get(reverse("disruption:action_add", args=[case.pk])).status_code == 404
    assert client.get(f"/api/cases/{case.pk}/disruption-actions").status_code == 404
    assert client_for(cast["partner-support-worker"]).get(
        f"/api/cases/{case.pk}/disruption-actions").status_code == 200
