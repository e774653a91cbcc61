"""The case pages work end to end through the test client: refer, screen, accept, work the case."""

from datetime import date

import pytest
from django.urls import reverse

from dapi.accounts.models import Area, Organisation
from dapi.demo.cases import load_rules
from dapi.cases.models import Case, CaseStatus, NeedKind, Referral, RiskAssessment
from dapi.cases.services.cases import assignment_create
from dapi.funding.models import Programme

from .builders import MSP, org, tatc_case


@pytest.fixture
def rules(seeded):
    load_rules()


def referral_form(**overrides):
    data = {
        "programme": Programme.objects.get(slug="cleveland-complex-needs").pk,
        "provider": Organisation.objects.get(name="Harbour Support Services").pk,
        "source": "police", "referring_organisation": Organisation.objects.get(name="Cleveland Police").pk,
        "received_on": "2023-03-01", "reason": "Repeat call-outs", "lawful_basis": "public_task",
        "dash_score": "15", "marac_criteria_met": "true", "matac_checked": "on", "needs_checked": "on",
        "complex_needs": [NeedKind.objects.get(code="housing").pk], "area": Area.objects.get(name="Hartlepool").pk,
        "age": "34"}
    data.update(overrides)
    return data


def test_an_analyst_refers_and_sees_the_screening_explained(cast, client_for, rules):
    client = client_for(cast["police-analyst"])
    response = client.post(reverse("cases:referral_create"), referral_form())
    referral = Referral.objects.get()
    assert response.status_code == 302 and response.url == reverse("cases:referral_detail", args=[referral.pk])
    page = client.get(response.url).content.decode()
    assert "Not eligible: DASH 15 meets the MARAC threshold (14 or more); MARAC criteria are met" in page
    assert "Record decision" not in page  # the analyst refers; the provider screens


def test_a_bad_referral_form_names_the_field_and_creates_nothing(cast, client_for, rules):
    response = client_for(cast["police-analyst"]).post(reverse("cases:referral_create"),
                                                       referral_form(dash_score="31", received_on="31/02/2023"))
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Ensure this value is less than or equal to 24." in body
    assert not Referral.objects.exists()


def test_the_provider_manager_accepts_a_referral_and_a_case_opens(cast, client_for, rules):
    client_for(cast["police-analyst"]).post(reverse("cases:referral_create"),
                                            referral_form(dash_score="9", marac_criteria_met="false"))
    referral = Referral.objects.get()
    client = client_for(cast["provider-manager"])
    page = client.get(reverse("cases:referral_detail", args=[referral.pk])).content.decode()
    assert "Eligible: DASH 9 is below the MARAC threshold" in page
    response = client.post(reverse("cases:referral_detail", args=[referral.pk]), {
        "decision": "accept", "on": "2023-03-03", "reason": "Meets the criteria", "victim_service": org(MSP).pk,
        "version": referral.version})
    case = Case.objects.get()
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    assert (case.status, case.victim_service) == (CaseStatus.REFERRED, org(MSP))


def test_a_stale_decision_form_gets_a_conflict_message(cast, client_for, rules):
    client_for(cast["police-analyst"]).post(reverse("cases:referral_create"), referral_form())
    referral = Referral.objects.get()
    client = client_for(cast["provider-manager"])
    form = {"decision": "decline", "on": "2023-03-03", "reason": "Above MARAC threshold", "version": referral.version}
    Referral.objects.filter(pk=referral.pk).update(version=referral.version + 1)
    body = client.post(reverse("cases:referral_detail", args=[referral.pk]), form).content.decode()
    assert "changed by someone else" in body
    assert Referral.objects.get().status == "received"


def test_the_worker_moves_the_case_on_and_records_work(cast, client_for):
    case, _, _ = tatc_case(cast)
    client = client_for(cast["perpetrator-worker"])
    response = client.post(reverse("cases:case_status", args=[case.pk]),
                           {"to": "assessment", "on": "2023-01-16", "reason": "", "version": case.version})
    assert response.status_code == 302
    client.post(reverse("cases:need_add", args=[case.pk]),
                {"kind": NeedKind.objects.get(code="alcohol").pk, "status": "identified", "identified_on": "2023-01-16"})
    client.post(reverse("cases:goal_add", args=[case.pk]), {"description": "Complete the programme",
                                                           "status": "open", "set_on": "2023-01-16"})
    client.post(reverse("cases:contact_add", args=[case.pk, "perpetrator"]),
                {"kind": "assessment", "on": "2023-01-16", "duration_minutes": "90", "attendance": "attended"})
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Alcohol" in page and "Complete the programme" in page and "Assessment: Attended" in page
    assert Case.objects.get().status == "assessment"


def test_closing_without_a_reason_is_refused_on_the_form(cast, client_for):
    case, _, _ = tatc_case(cast)
    body = client_for(cast["perpetrator-worker"]).post(
        reverse("cases:case_status", args=[case.pk]),
        {"to": "closed", "on": "2023-01-16", "reason": "", "version": case.version}).content.decode()
    assert "Choose why the case is ending." in body


def test_the_partner_support_worker_records_a_dash_and_sees_the_marac_decision(cast, client_for):
    case, victim, _ = tatc_case(cast)
    client = client_for(cast["partner-support-worker"])
    form = {f"item_{n}": "yes" if n <= 14 else "no" for n in range(1, 25)}
    form.update({"assessed_on": "2023-01-12", "incident_on": "2023-01-08", "judgement_grade": "",
                 "judgement_reason": ""})
    response = client.post(reverse("cases:dash_add", args=[case.pk, victim.pk]), form)
    assessment = RiskAssessment.objects.get()
    assert response.url == reverse("cases:dash_detail", args=[case.pk, assessment.pk])
    page = client.get(response.url).content.decode()
    assert '14 "yes" of 24' in page and "High risk" in page and "visible high risk" in page


def test_a_dash_lowered_by_judgement_is_refused_on_the_form(cast, client_for):
    case, victim, _ = tatc_case(cast)
    form = {f"item_{n}": "yes" if n <= 14 else "no" for n in range(1, 25)}
    form.update({"assessed_on": "2023-01-12", "judgement_grade": "medium", "judgement_reason": "Calmer"})
    body = client_for(cast["partner-support-worker"]).post(
        reverse("cases:dash_add", args=[case.pk, victim.pk]), form).content.decode()
    assert "never lower it" in body and not RiskAssessment.objects.exists()


def test_a_missing_dash_item_is_named(cast, client_for):
    case, victim, _ = tatc_case(cast)
    form = {f"item_{n}": "no" for n in range(1, 24)}
    form["assessed_on"] = "2023-01-12"
    body = client_for(cast["partner-support-worker"]).post(
        reverse("cases:dash_add", args=[case.pk, victim.pk]), form).content.decode()
    assert "24. Criminal history" in body
    assert '<a href="#id_item_24_0">Item 24, criminal history: choose yes, no or not known.</a>' in body
    assert "This field is required." not in body


def test_a_manager_adds_a_worker_only_from_the_right_organisation(cast, client_for):
    case, _, _ = tatc_case(cast, assign=False)
    client = client_for(cast["provider-manager"])
    page = client.get(reverse("cases:assignment_add", args=[case.pk, "perpetrator"])).content.decode()
    assert "Complex needs coordinator" in page and "Partner support worker" not in page
    client.post(reverse("cases:assignment_add", args=[case.pk, "perpetrator"]),
                {"worker": cast["perpetrator-worker"].pk, "role": "navigator", "started_on": "2023-01-10"})
    assert case.assignments.get().role == "navigator"
    # Harbour's manager cannot staff My Sister's Place's side
    assert client.get(reverse("cases:assignment_add", args=[case.pk, "victim"])).status_code == 404


def test_the_caseload_lists_my_cases_with_filters(cast, client_for):
    case, _, _ = tatc_case(cast)
    client = client_for(cast["perpetrator-worker"])
    assert case.reference in client.get(reverse("cases:case_list")).content.decode()
    assert case.reference not in client.get(reverse("cases:case_list"), {"status": "active"}).content.decode()


def test_linking_a_child_gives_a_pseudonym_and_no_details(cast, client_for):
    case, _, _ = tatc_case(cast)
    client = client_for(cast["perpetrator-worker"])
    client.post(reverse("cases:member_add", args=[case.pk]), {"role": "child", "relationship": "daughter"})
    member = case.members.order_by("-pk").first()
    assert member.role == "child" and member.person.reference.startswith("P-")
    assert not hasattr(member.person, "identifying_details") or member.person.identifying_details is None


def test_the_case_page_shows_dates_as_day_month_year(cast, client_for):
    case, _, _ = tatc_case(cast, referred_on=date(2023, 1, 9))
    assert "9 Jan 2023" in client_for(cast["perpetrator-worker"]).get(
        reverse("cases:case_detail", args=[case.pk])).content.decode()


def test_a_caseload_longer_than_a_page_comes_a_page_at_a_time(cast, client_for, seeded, monkeypatch):
    from dapi.cases.views import cases as case_views

    monkeypatch.setattr(case_views, "CASELOAD_PAGE_SIZE", 2)
    made = [tatc_case(cast)[0] for _ in range(3)]
    client = client_for(cast["provider-manager"])
    first = client.get(reverse("cases:case_list")).content.decode()
    second = client.get(reverse("cases:case_list"), {"page": 2}).content.decode()
    assert "3 cases: 1 to 2 shown" in first and 'rel="next"' in first
    assert "3 cases: 3 to 3 shown" in second and 'rel="prev"' in second
    assert sorted(c.reference for c in made if c.reference in first + second) == sorted(c.reference for c in made)
    filtered = client.get(reverse("cases:case_list"), {"status": "referred", "page": 2}).content.decode()
    assert "status=referred&amp;page=1" in filtered


def numbers(page: str) -> str:
    return page[page.index("<h1"):page.index("</main>")]


def test_commissioners_case_numbers_are_kept_for_a_few_minutes(cast, client_for, seeded, settings):
    from django.core.cache import caches

    settings.DAPI_AGGREGATE_CACHE_SECONDS = 300
    settings.CACHES = {**settings.CACHES, "aggregates": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-case-numbers"}}
    caches["aggregates"].clear()
    client = client_for(cast["commissioner"])
    before = client.get(reverse("cases:case_list")).content.decode()
    tatc_case(cast)
    kept = client.get(reverse("cases:case_list")).content.decode()
    assert "counted again at most every 5 minutes" in kept
    # the new case is not counted until the kept counts expire
    assert numbers(kept) == numbers(before) and "Cases</dt>" in numbers(kept)
    assert sum(row["cases"] for row in client.get("/api/case-numbers").json()["results"]) == 1  # the API counts afresh
    caches["aggregates"].clear()


def referral_json(**overrides) -> dict:
    data = {"programme": "cleveland-complex-needs", "provider": "Harbour Support Services",
            "referring_organisation": "Cleveland Police", "source": "police", "received_on": "2023-03-01",
            "reason": "Repeat call-outs", "lawful_basis": "public_task"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "commissioner", "evaluator"])
def test_someone_who_may_not_refer_gets_404_from_the_page_and_the_api_and_nothing_is_written(
        cast, client_for, rules, username):
    client = client_for(cast[username])
    response = client.post("/api/referrals", referral_json(), content_type="application/json")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such programme or organisation (the referring organisation must be yours)"}
    assert client.post(reverse("cases:referral_create"), referral_form()).status_code == 404
    assert not Referral.objects.exists()
    created = client_for(cast["police-analyst"]).post("/api/referrals", referral_json(),
                                                      content_type="application/json")
    assert created.status_code == 201 and Referral.objects.count() == 1


def test_a_referrer_refers_only_for_their_own_organisation_in_the_api(cast, client_for, rules):
    client = client_for(cast["provider-manager"])
    response = client.post("/api/referrals", referral_json(), content_type="application/json")
    assert response.status_code == 404 and not Referral.objects.exists()
    mine = client.post("/api/referrals", referral_json(referring_organisation="Harbour Support Services"),
                       content_type="application/json")
    assert mine.status_code == 201 and mine.json()["referring_organisation"]["name"] == "Harbour Support Services"


def test_the_referral_link_on_a_case_is_shown_only_to_those_who_may_open_the_referral(cast, client_for, rules):
    client_for(cast["police-analyst"]).post(reverse("cases:referral_create"),
                                            referral_form(dash_score="9", marac_criteria_met="false"))
    referral = Referral.objects.get()
    client_for(cast["provider-manager"]).post(reverse("cases:referral_detail", args=[referral.pk]), {
        "decision": "accept", "on": "2023-03-05", "reason": "Fits", "version": referral.version,
        "victim_service": org(MSP).pk})
    case = Case.objects.get(referral=referral)
    assignment_create(case=case, worker=cast["perpetrator-worker"], role="coordinator", started_on=date(2023, 3, 5),
                      by=cast["provider-manager"])
    link = reverse("cases:referral_detail", args=[referral.pk])
    for username, shown in (("provider-manager", True), ("perpetrator-worker", False)):
        client = client_for(cast[username])
        page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
        assert (link in page) is shown, username
        assert client.get(link).status_code == (200 if shown else 404), username


def test_the_referrals_list_filters_by_status_and_programme_beside_its_results(cast, client_for, rules):
    import re

    def rows(query=""):
        return len(re.findall(r'href="/referrals/\d+/"', client.get(reverse("cases:referral_list") + query).content.decode()))

    client = client_for(cast["police-analyst"])
    client.post(reverse("cases:referral_create"), referral_form(reason="First"))
    client.post(reverse("cases:referral_create"), referral_form(reason="Second", dash_score="3",
                                                                marac_criteria_met="false"))
    statuses = set(Referral.objects.values_list("status", flat=True))
    html = client.get(reverse("cases:referral_list")).content.decode()
    assert 'class="moj-filter-layout"' in html and 'name="programme"' in html
    assert rows() == 2
    for status in statuses:
        assert rows(f"?status={status}") == Referral.objects.filter(status=status).count()
    assert rows("?programme=cleveland-complex-needs") == 2 and rows("?programme=jenkins-centre") == 0
