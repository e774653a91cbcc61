"""His assessment and risk management plan on the case page, the caseload, the pages that record
them and the API, role by role across the barrier: the victim side gets 404 in every one of them."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from dapi.cases.models import PerpetratorAssessment, PlanReview

from .test_assessment import ALL_ONES, agree, on_1_june_2023, record
from dapi.cases.tests.builders import tatc_case

after_june = time_machine.travel("2023-07-01 09:00 +00:00", tick=False)


@pytest.fixture
def assessed(cast):
    """A case with his intake (answers all 1), a review (all 0) and a plan due for review on 15 Jun 2023."""
    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        record(case, worker, summary="Synthetic summary: minimises.")
        record(case, worker, kind="review", on=date(2023, 5, 1), answers=dict.fromkeys(ALL_ONES, 0))
        agree(case, worker, next_on=date(2023, 6, 15), risks=["Synthetic risk: jealousy"])
    return case


def test_the_urls_are_where_the_case_page_links(db):
    assert reverse("assessment:assessment_add", args=[7]) == "/assessment/cases/7/add/"
    assert reverse("assessment:plan_review", args=[7]) == "/assessment/cases/7/plan/"


def test_his_side_sees_the_assessments_and_plan_on_the_case_page_and_the_overdue_flag(cast, client_for, assessed):
    client = client_for(cast["perpetrator-worker"])
    with on_1_june_2023:
        body = client.get(reverse("cases:case_detail", args=[assessed.pk])).content.decode()
    assert "His assessments" in body and "Synthetic summary: minimises." in body and "Synthetic risk: jealousy" in body
    assert "Change of total from intake to the latest: -7." in body
    assert "Review overdue" not in body
    with after_june:  # signed in again: a session does not last a month
        client = client_for(cast["perpetrator-worker"])
        body = client.get(reverse("cases:case_detail", args=[assessed.pk])).content.decode()
        caseload = client.get(reverse("cases:case_list")).content.decode()
    assert "Review overdue: it was due on 15 Jun 2023." in body
    assert "1 risk management plan overdue for review." in caseload and "Plan review overdue" in caseload


def test_her_side_sees_the_case_but_none_of_his_assessment_or_plan(cast, client_for, assessed):
    with after_june:
        client = client_for(cast["partner-support-worker"])
        page = client.get(reverse("cases:case_detail", args=[assessed.pk]))
        caseload = client.get(reverse("cases:case_list")).content.decode()
        for url in (reverse("assessment:assessment_add", args=[assessed.pk]),
                    reverse("assessment:plan_review", args=[assessed.pk]),
                    f"/api/cases/{assessed.pk}/perpetrator-assessments", f"/api/cases/{assessed.pk}/risk-plan"):
            assert client.get(url).status_code == 404, url
    body = page.content.decode()
    assert page.status_code == 200 and assessed.reference in body
    assert "His assessments" not in body and "Synthetic risk" not in body and "minimises" not in body
    assert "overdue for review" not in caseload and "Plan review overdue" not in caseload
    with on_1_june_2023:
        client = client_for(cast["partner-support-worker"])
        posted = client.post(reverse("assessment:plan_review", args=[assessed.pk]), {
            "reviewed_on": "2023-05-30", "risks": "x", "actions": "a: b", "next_review_on": "2023-07-01"})
        api = client.post(f"/api/cases/{assessed.pk}/perpetrator-assessments",
                          {"kind": "review", "assessed_on": "2023-05-30", "answers": ALL_ONES},
                          content_type="application/json")
    assert posted.status_code == 404 and api.status_code == 404
    assert PerpetratorAssessment.objects.count() == 2 and PlanReview.objects.count() == 1
    with on_1_june_2023:
        assert client_for(cast["perpetrator-worker"]).get(
            f"/api/cases/{assessed.pk}/perpetrator-assessments").status_code == 200


def test_the_page_records_an_assessment_and_refuses_a_future_date_and_a_missing_answer(cast, client_for, assessed):
    client = client_for(cast["perpetrator-worker"])
    url = reverse("assessment:assessment_add", args=[assessed.pk])
    form = {"kind": "review", "assessed_on": "2023-05-31", **{f"item_{k}": "2" for k in ALL_ONES}}
    with on_1_june_2023:
        page = client.get(url).content.decode()
        future = client.post(url, {**form, "assessed_on": "2023-06-02"}).content.decode()
        missing = client.post(url, {k: v for k, v in form.items() if k != "item_3"}).content.decode()
        off_scale = client.post(url, {**form, "item_1": "7"}).content.decode()
        assert PerpetratorAssessment.objects.count() == 2
        saved = client.post(url, form)
    assert "3: serious concern" in page
    assert "The date of the assessment cannot be in the future" in future
    assert "Answer item 3, from 0 to 3." in missing
    assert "Answer item 1 with a number from 0 to 3." in off_scale
    assert saved.status_code == 302 and saved["Location"].endswith("#assessment")
    assert PerpetratorAssessment.objects.filter(kind="review").order_by("-pk").first().total == 2 * len(ALL_ONES)


def test_the_plan_page_reviews_the_plan_and_refuses_an_action_without_who(cast, client_for, assessed):
    client = client_for(cast["perpetrator-worker"])
    url = reverse("assessment:plan_review", args=[assessed.pk])
    form = {"reviewed_on": "2023-05-31", "risks": "Jealousy\n\nAlcohol", "next_review_on": "2023-07-12",
            "actions": "Coordinator: weekly sessions\nPolice: bail checks", "note": ""}
    with on_1_june_2023:
        page = client.get(url).content.decode()
        bad = client.post(url, {**form, "actions": "weekly sessions"}).content.decode()
        saved = client.post(url, form)
    assert "Review the risk management plan" in page and "Synthetic risk: jealousy" in page
    assert "Line 1 says no one or nothing" in bad
    assert saved.status_code == 302
    assessed.risk_plan.refresh_from_db()
    assert assessed.risk_plan.risks == ["Jealousy", "Alcohol"]
    assert assessed.risk_plan.actions[1] == {"who": "Police", "what": "bail checks"}


def test_the_api_records_and_reads_assessments_and_the_plan_and_refuses_bad_input(cast, client_for, assessed):
    client = client_for(cast["provider-manager"])
    base = f"/api/cases/{assessed.pk}"
    with on_1_june_2023:
        made = client.post(f"{base}/perpetrator-assessments", {"kind": "exit", "assessed_on": "2023-05-31",
                                                               "answers": ALL_ONES}, content_type="application/json")
        off = client.post(f"{base}/perpetrator-assessments", {"kind": "review", "assessed_on": "2023-05-31",
                                                              "answers": {**ALL_ONES, "1": 9}},
                          content_type="application/json")
        unknown = client.post(f"{base}/perpetrator-assessments", {"kind": "review", "assessed_on": "2023-05-31",
                                                                  "answers": {**ALL_ONES, "42": 1}},
                              content_type="application/json")
        future = client.post(f"{base}/risk-plan/reviews", {
            "reviewed_on": "2023-06-05", "risks": ["x"], "actions": [{"who": "a", "what": "b"}],
            "next_review_on": "2023-07-01"}, content_type="application/json")
        reviewed = client.post(f"{base}/risk-plan/reviews", {
            "reviewed_on": "2023-05-31", "risks": ["Alcohol"], "actions": [{"who": "Navigator", "what": "referral"}],
            "next_review_on": "2023-07-01"}, content_type="application/json")
        plan = client.get(f"{base}/risk-plan").json()
        listed = client.get(f"{base}/perpetrator-assessments").json()["results"]
    assert made.status_code == 201 and made.json()["total"] == len(ALL_ONES) and made.json()["kind"] == "exit"
    assert off.status_code == 422 and "item_1" in off.content.decode()
    assert unknown.status_code == 422 and "item_42" in unknown.content.decode()
    assert future.status_code == 422 and "reviewed_on" in future.content.decode()
    assert reviewed.status_code == 201
    assert plan["plan"]["risks"] == ["Alcohol"] and plan["plan"]["overdue"] is False
    assert [r["reviewed_on"] for r in plan["plan"]["reviews"]] == ["2023-05-31", "2023-02-01"]
    assert [a["kind"] for a in listed] == ["intake", "review", "exit"]
