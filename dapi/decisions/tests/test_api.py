"""The JSON API over decision records and panel resolutions: the same permissions as the pages."""

import json

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.accounts.services import api_token_create
from dapi.decisions.models import Decision, Meeting, Resolution


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def post(client, url, body, **kwargs):
    return client.post(url, json.dumps(body), content_type="application/json", **kwargs)


def patch(client, url, body, **kwargs):
    return client.patch(url, json.dumps(body), content_type="application/json", **kwargs)


def cleveland_2022_0007():
    return Decision.objects.get(reference="2022-0007")


def jenkins_meeting():
    return Meeting.objects.get(programmes__slug="jenkins-centre")


def resolution(number):
    return Resolution.objects.get(meeting=jenkins_meeting(), number=number)


def test_decision_2022_0007_states_totals_of_229135_that_reconcile(cast, client_for):
    response = client_for(cast["commissioner"]).get(f"/api/decisions/{cleveland_2022_0007().pk}")
    assert response.status_code == 200
    decision = response.json()
    totals = decision["stated_totals"]
    assert [(t["component"], t["stated"], t["computed"], t["difference"], t["reconciles"]) for t in totals] == [
        ("agreements", "229135.00", "229135.00", "0.00", True),
        ("sources", "229135.00", "229135.00", "0.00", True),
    ]
    assert sorted(line["amount"] for line in totals[0]["lines"]) == ["121197.00", "8000.00", "99938.00"]
    assert sorted(line["amount"] for line in totals[1]["lines"]) == ["157423.33", "71711.67"]


def test_decision_detail_carries_its_record_and_the_ids_of_the_money_it_links(cast, client_for):
    decision = cleveland_2022_0007()
    body = client_for(cast["commissioner"]).get(f"/api/decisions/{decision.pk}").json()
    assert (body["reference"], body["status"], body["decision_date"]) == ("2022-0007", "approved", "2022-09-05")
    assert [i["topic"] for i in body["implications"]] == [
        "Financial", "Legal", "Equality & Diversity", "Human Rights", "Sustainability", "Risk"]
    assert all(i["considered"] is True for i in body["implications"])
    assert [(a["role"], a["approved_on"]) for a in body["approvals"]] == [
        ("Monitoring Officer", "2022-09-05"), ("Police and Crime Commissioner", "2022-09-05")]
    assert sorted(body["links"]["agreements"]) == sorted(decision.agreements.values_list("pk", flat=True))
    assert body["links"]["awards"] == list(decision.awards.values_list("pk", flat=True))
    assert [p["slug"] for p in body["programmes"]] == ["cleveland-complex-needs"]


def test_the_hampshire_decision_lists_its_recommendations_in_order(cast, client_for):
    decision = Decision.objects.get(reference="PCCML/000407/2018")
    body = client_for(cast["commissioner"]).get(f"/api/decisions/{decision.pk}").json()
    assert [r["number"] for r in body["recommendations"]] == [
        "2.1", "2.1.1", "2.1.2", "2.2", "2.2.1", "2.2.2", "2.3", "2.3.1"]
    assert body["stated_totals"] == []


def test_commissioner_lists_the_five_seed_decisions(cast, client_for):
    decisions = items(client_for(cast["commissioner"]).get("/api/decisions"))
    assert len(decisions) == 5
    assert "2022-0007" in {d["reference"] for d in decisions}


def test_provider_manager_sees_only_the_decisions_of_programmes_it_delivers(cast, client_for):
    client = client_for(cast["provider-manager"])
    decisions = items(client.get("/api/decisions"))
    cleveland = "Office of the Police and Crime Commissioner for Cleveland"
    assert {d["organisation"]["name"] for d in decisions} == {cleveland}
    hampshire = Decision.objects.get(reference="PCCML/000407/2018")
    assert client.get(f"/api/decisions/{hampshire.pk}").status_code == 404


@pytest.mark.parametrize("who", ["police-analyst", "panel-member", "outsider"])
def test_people_outside_commissioning_see_no_decisions(who, cast, outsider, client_for):
    client = client_for(outsider if who == "outsider" else cast[who])
    assert items(client.get("/api/decisions")) == []
    response = client.get(f"/api/decisions/{cleveland_2022_0007().pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such decision"}


@pytest.mark.parametrize("url", ["/api/decisions", "/api/decisions/1", "/api/resolutions"])
def test_anonymous_gets_401(url, seeded, client):
    assert client.get(url).status_code == 401


# -- resolutions ---------------------------------------------------------------------------------


def test_open_resolutions_are_listed_soonest_due_first(cast, client_for):
    resolutions = items(client_for(cast["commissioner"]).get("/api/resolutions?today=2023-02-01"))
    assert [(r["number"], r["due_on"], r["overdue"]) for r in resolutions] == [
        ("2", "2023-03-17", False), ("3", "2023-06-30", False)]
    assert resolutions[0]["meeting"]["body"]["name"] == "Leicester, Leicestershire and Rutland Police and Crime Panel"


def test_overdue_filter_lists_only_open_resolutions_past_their_due_date(cast, client_for):
    resolutions = items(client_for(cast["commissioner"]).get("/api/resolutions?overdue=true&today=2023-04-01"))
    assert [(r["number"], r["overdue"]) for r in resolutions] == [("2", True)]


def test_panel_member_sees_its_own_panels_resolutions_but_changing_them_answers_404_as_on_the_pages(cast, client_for):
    client = client_for(cast["panel-member"])
    assert [r["number"] for r in items(client.get("/api/resolutions"))] == ["2", "3"]
    two = resolution("2")
    assert client.get(f"/api/resolutions/{two.pk}").status_code == 200
    response = patch(client, f"/api/resolutions/{two.pk}", {"version": two.version, "status": "done"})
    assert (response.status_code, response.json()) == (404, {"detail": "No such resolution"})
    before = Resolution.objects.count()
    response = post(client, "/api/resolutions", {"meeting": jenkins_meeting().pk, "text": "Report in September."})
    assert (response.status_code, response.json()) == (404, {"detail": "No such meeting"})
    assert Resolution.objects.get(pk=two.pk).status == "open" and Resolution.objects.count() == before
    assert client.get(reverse("decisions:resolution_edit", args=[two.pk])).status_code == 404


@pytest.mark.parametrize("who", ["police-analyst", "provider-manager", "outsider"])
def test_people_outside_the_meeting_see_no_resolutions_and_get_404(who, cast, outsider, client_for):
    client = client_for(outsider if who == "outsider" else cast[who])
    assert items(client.get("/api/resolutions")) == []
    two = resolution("2")
    assert client.get(f"/api/resolutions/{two.pk}").status_code == 404
    assert patch(client, f"/api/resolutions/{two.pk}", {"version": 1, "status": "done"}).status_code == 404
    assert post(client, "/api/resolutions", {"meeting": jenkins_meeting().pk, "text": "x"}).status_code == 404


def test_commissioner_records_a_resolution_with_an_audit_row_for_the_token_user(cast, client):
    _, token = api_token_create(user=cast["commissioner"], name="panel clerk", by=None)
    body = {"meeting": jenkins_meeting().pk, "number": "4", "text": "That a contingency plan come to the June panel.",
            "owner": "Office of the Police and Crime Commissioner", "due_on": "2023-06-30"}
    response = post(client, "/api/resolutions", body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["number"], created["status"], created["version"]) == ("4", "open", 1)
    entry = LogEntry.objects.get_for_object(Resolution.objects.get(pk=created["id"])).get()
    assert entry.actor == cast["commissioner"]


def test_a_resolution_with_an_unknown_status_answers_422_naming_it(cast, client_for):
    before = Resolution.objects.count()
    response = post(client_for(cast["commissioner"]), "/api/resolutions",
                    {"meeting": jenkins_meeting().pk, "text": "x", "status": "parked"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["status"]
    assert Resolution.objects.count() == before


def test_patching_a_resolution_marks_it_done_and_moves_the_version_on(cast, client_for):
    two = resolution("2")
    response = patch(client_for(cast["commissioner"]), f"/api/resolutions/{two.pk}",
                     {"version": two.version, "status": "done", "completed_on": "2023-03-20"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["completed_on"], body["version"]) == ("done", "2023-03-20", two.version + 1)
    assert body["text"] == two.text


def test_patching_a_resolution_with_a_stale_version_answers_409(cast, client_for):
    two = resolution("2")
    client = client_for(cast["commissioner"])
    assert patch(client, f"/api/resolutions/{two.pk}", {"version": two.version, "owner": "OPCC"}).status_code == 200
    response = patch(client, f"/api/resolutions/{two.pk}", {"version": two.version, "owner": "The PCC"})
    assert response.status_code == 409
    assert set(response.json()) == {"detail"}
    assert Resolution.objects.get(pk=two.pk).owner == "OPCC"
