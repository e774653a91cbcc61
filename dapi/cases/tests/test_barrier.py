"""The information barrier (issue 3 item 8): victim-side records reach only the victim side of
the case; across it, a linked victim is a pseudonym, a risk grade and shared safety flags.
Checked on pages, the API, search, exports, error messages and the audit views."""

import re
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.accounts.models import Role
from dapi.cases.models import Contact, SafetyPlan
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.services.work import contact_create, safety_plan_create

from .builders import (
    CHILD_NAME, HARBOUR, MSP, PERPETRATOR_NAME, VICTIM_ADDRESS, VICTIM_EMAIL, VICTIM_NAME, VICTIM_PHONE, VICTIM_POSTCODE,
    staff, tatc_case, victim_service_manager,
)

PLAN = "Synthetic plan: code word BLUEBELL with the school"
NOTE = "Synthetic note: moved to the new flat above the bakery"
VICTIM_SECRETS = [VICTIM_NAME, VICTIM_ADDRESS, VICTIM_PHONE, VICTIM_EMAIL, VICTIM_POSTCODE, CHILD_NAME, PLAN, NOTE,
                  "BLUEBELL", "bakery", "Quillon"]


@pytest.fixture
def world(cast):
    case, victim, child = tatc_case(cast)
    psw = cast["partner-support-worker"]
    safety_plan_create(member=victim, agreed_on=date(2023, 1, 20), plan=PLAN, by=psw)
    contact_create(case=case, side="victim", member=victim, kind="phone", on=date(2023, 1, 21),
                   attendance="attended", worker=psw, by=psw, notes=NOTE)
    dash = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), by=psw,
                                  answers={str(n): "yes" if n <= 11 else "no" for n in range(1, 25)})
    return {"case": case, "victim": victim, "child": child, "dash": dash}


def victim_urls(world):
    case, victim, child, dash = world["case"], world["victim"], world["child"], world["dash"]
    return [
        reverse("cases:victim_detail", args=[case.pk, victim.pk]),
        reverse("cases:victim_detail", args=[case.pk, child.pk]),
        reverse("cases:member_support", args=[case.pk, victim.pk]),
        reverse("cases:safety_plan_add", args=[case.pk, victim.pk]),
        reverse("cases:dash_add", args=[case.pk, victim.pk]),
        reverse("cases:dash_detail", args=[case.pk, dash.pk]),
        reverse("cases:details_edit", args=[case.pk, victim.person_id]),
        reverse("cases:details_edit", args=[case.pk, child.person_id]),
        reverse("cases:contact_add", args=[case.pk, "victim"]),
        f"/api/cases/{case.pk}/people/{victim.pk}",
        f"/api/cases/{case.pk}/people/{child.pk}",
    ]


def assert_no_victim_secrets(body: str):
    for secret in VICTIM_SECRETS:
        assert secret not in body, f"{secret!r} leaked"


# -- the perpetrator side ---------------------------------------------------------------------------

def test_a_perpetrator_worker_sees_the_victim_as_pseudonym_grade_and_flags_only(cast, client_for, world):
    client = client_for(cast["perpetrator-worker"])
    body = client.get(reverse("cases:case_detail", args=[world["case"].pk])).content.decode()
    assert world["victim"].person.reference in body
    assert "Medium risk" in body and "11/24" in body
    assert "Children in the household" in body and "History of strangulation" in body
    assert_no_victim_secrets(body)
    assert reverse("cases:victim_detail", args=[world["case"].pk, world["victim"].pk]) not in body


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_victim_side_page_and_api_answers_404_to_the_perpetrator_side(cast, client_for, world, method):
    read_only = ("/victims/", "/dash/", "/api/")
    for user in (cast["perpetrator-worker"], cast["provider-manager"]):
        client = client_for(user)
        for url in victim_urls(world):
            response = getattr(client, method)(url, {"plan": "x", "agreed_on": "2023-02-01", "full_name": "x"})
            # A page that only reads refuses a POST (405) before looking anything up: that says nothing.
            expected = 405 if method == "post" and any(p in url for p in read_only) and not url.endswith(
                ("/support/", "/add/")) else 404
            assert response.status_code == expected, (user.username, url)
            assert_no_victim_secrets(response.content.decode())
    assert SafetyPlan.objects.count() == 1
    assert Contact.objects.filter(side="victim").count() == 1


def test_a_hidden_victim_answers_exactly_like_one_that_does_not_exist(cast, client_for, world):
    client = client_for(cast["perpetrator-worker"])
    case = world["case"]
    hidden = client.get(f"/api/cases/{case.pk}/people/{world['victim'].pk}")
    missing = client.get(f"/api/cases/{case.pk}/people/999999")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())
    page_hidden = client.get(reverse("cases:victim_detail", args=[case.pk, world["victim"].pk]))
    page_missing = client.get(reverse("cases:victim_detail", args=[case.pk, 999999]))
    def without_token(response):  # the CSRF token and the CSP nonce are made afresh for every page
        return re.sub(rb'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', b"", response.content)

    assert (page_hidden.status_code, without_token(page_hidden)) == (page_missing.status_code,
                                                                     without_token(page_missing))


def test_the_case_api_gives_the_perpetrator_side_no_victim_details(cast, client_for, world):
    client = client_for(cast["perpetrator-worker"])
    response = client.get(f"/api/cases/{world['case'].pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["sides"] == ["perpetrator"]
    victim = next(p for p in data["linked_people"] if p["role"] == "victim")
    assert victim == {"member_id": world["victim"].pk, "reference": world["victim"].person.reference,
                      "role": "victim", "latest_grade": "medium", "latest_score": 11,
                      "safety_flags": ["children", "strangulation"]}
    assert_no_victim_secrets(response.content.decode())


def test_searching_a_victims_name_finds_nothing_for_the_perpetrator_side(cast, client_for, world):
    client = client_for(cast["perpetrator-worker"])
    for q in (VICTIM_NAME, "Quillon", CHILD_NAME):
        page = client.get(reverse("cases:person_search"), {"q": q}).content.decode()
        assert "No one found on your cases." in page
        assert_no_victim_secrets(page.replace(f'value="{q}"', ""))
        assert client.get("/api/people/search", {"q": q}).json()["results"] == []
    # his own name and her pseudonym are fine to find
    assert client.get("/api/people/search", {"q": "Brackwater"}).json()["results"][0]["reference"] == \
        world["case"].perpetrator.reference
    assert client.get("/api/people/search", {"q": world["victim"].person.reference}).json()["results"][0]["case_id"] == \
        world["case"].pk


def test_a_search_with_a_nul_character_is_refused_as_any_api_text_is_and_confirms_nothing(cast, client_for, world):
    # The API refuses a NUL in any text, before the search runs (dapi/lib/api.py); the refusal depends on
    # the text alone, so it says nothing about who is known. Without the NUL the search finds him.
    client = client_for(cast["perpetrator-worker"])
    for q in ("Brack\x00water", "Nobody\x00known"):
        response = client.get("/api/people/search", {"q": q})
        assert (response.status_code, response.json()["errors"]) == (
            422, {"q": ["Text may not contain a NUL character (U+0000)."]})
    response = client.get("/api/people/search", {"q": "Brackwater"})
    assert response.status_code == 200
    assert response.json()["results"][0]["reference"] == world["case"].perpetrator.reference


def test_the_caseload_export_holds_no_victim_details(cast, client_for, world):
    for user in ("perpetrator-worker", "partner-support-worker", "provider-manager"):
        response = client_for(cast[user]).get(reverse("cases:case_export"))
        body = response.content.decode()
        assert response.status_code == 200 and world["case"].reference in body
        assert_no_victim_secrets(body)
        assert PERPETRATOR_NAME not in body
        assert f"{world['victim'].person.reference}:medium" in body


def test_refused_changes_never_echo_victim_details(cast, client_for, world):
    client = client_for(cast["perpetrator-worker"])
    url = reverse("cases:contact_add", args=[world["case"].pk, "perpetrator"])
    response = client.post(url, {"kind": "one_to_one", "on": "not a date", "attendance": "attended"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert_no_victim_secrets(response.content.decode())


# -- the victim side --------------------------------------------------------------------------------

def test_her_partner_support_worker_sees_her_record(cast, client_for, world):
    client = client_for(cast["partner-support-worker"])
    body = client.get(reverse("cases:victim_detail", args=[world["case"].pk, world["victim"].pk])).content.decode()
    for secret in (VICTIM_NAME, VICTIM_ADDRESS, VICTIM_PHONE, VICTIM_EMAIL, PLAN, NOTE):
        assert secret in body
    assert client.get(f"/api/cases/{world['case'].pk}/people/{world['victim'].pk}").json()[
        "identifying_details"]["full_name"] == VICTIM_NAME
    assert client.get("/api/people/search", {"q": "Quillon"}).json()["results"][0]["case_id"] == world["case"].pk


def test_the_victim_services_manager_sees_her_record_but_not_his_details(cast, client_for, world):
    client = client_for(victim_service_manager())
    case = world["case"]
    assert client.get(reverse("cases:victim_detail", args=[case.pk, world["victim"].pk])).status_code == 200
    assert client.get(reverse("cases:details_edit", args=[case.pk, case.perpetrator_id])).status_code == 404


def test_the_partner_support_worker_does_not_see_his_identifying_details_or_session_notes(cast, client_for, world):
    case = world["case"]
    worker = cast["perpetrator-worker"]
    contact_create(case=case, side="perpetrator", kind="one_to_one", on=date(2023, 1, 25), attendance="attended",
                   worker=worker, by=worker, notes="Synthetic session note about his anger")
    client = client_for(cast["partner-support-worker"])
    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Synthetic session note" not in body and PERPETRATOR_NAME not in body
    assert client.get(reverse("cases:details_edit", args=[case.pk, case.perpetrator_id])).status_code == 404
    assert client.get(reverse("cases:need_add", args=[case.pk])).status_code == 404
    assert client.get("/api/people/search", {"q": "Brackwater"}).json()["results"] == []


# -- everyone else ----------------------------------------------------------------------------------

@pytest.mark.parametrize("username", ["commissioner", "finance-officer", "police-analyst", "panel-member", "evaluator",
                                      "administrator"])
def test_roles_off_the_case_get_404_everywhere_on_it(cast, client_for, world, username):
    client = client_for(cast[username])
    case = world["case"]
    for url in [reverse("cases:case_detail", args=[case.pk]), reverse("cases:case_status", args=[case.pk]),
                f"/api/cases/{case.pk}", *victim_urls(world)]:
        assert client.get(url).status_code == 404, url
    assert client.get("/api/cases").json()["results"] == []
    assert client.get("/api/people/search", {"q": case.perpetrator.reference}).json()["results"] == []
    export = client.get(reverse("cases:case_export")).content.decode()
    assert case.reference not in export


def test_an_outsider_and_an_unassigned_worker_get_404(cast, client_for, world, outsider):
    other = staff("other-harbour-worker", Role.PERPETRATOR_WORKER, HARBOUR)
    for user in (outsider, other):
        client = client_for(user)
        assert client.get(reverse("cases:case_detail", args=[world["case"].pk])).status_code == 404
        assert client.get(f"/api/cases/{world['case'].pk}").status_code == 404


def test_a_worker_taken_off_the_case_loses_access(cast, client_for, world):
    from dapi.cases.services.cases import assignment_end
    assignment = world["case"].assignments.get(worker=cast["perpetrator-worker"])
    assignment_end(assignment=assignment, on=date(2023, 3, 1), by=cast["provider-manager"])
    client = client_for(cast["perpetrator-worker"])
    assert client.get(reverse("cases:case_detail", args=[world["case"].pk])).status_code == 404


def test_commissioners_see_case_numbers_never_a_case(cast, client_for, world):
    client = client_for(cast["commissioner"])
    body = client.get(reverse("cases:case_list")).content.decode()
    assert "Cases by programme" in body
    assert world["case"].reference not in body and world["case"].perpetrator.reference not in body
    numbers = {row["programme"]["slug"]: row for row in client.get("/api/case-numbers").json()["results"]}
    cleveland = numbers["cleveland-complex-needs"]
    assert (cleveland["cases"], cleveland["victims"], cleveland["children"]) == (1, 1, 1)


# -- audit ------------------------------------------------------------------------------------------

def test_every_read_of_a_case_or_her_record_is_audited(cast, client_for, world):
    case = world["case"]
    client_for(cast["perpetrator-worker"]).get(reverse("cases:case_detail", args=[case.pk]))
    client_for(cast["partner-support-worker"]).get(reverse("cases:victim_detail", args=[case.pk, world["victim"].pk]))
    access = LogEntry.Action.ACCESS
    assert LogEntry.objects.get_for_object(case).filter(action=access, actor=cast["perpetrator-worker"]).exists()
    assert LogEntry.objects.get_for_object(world["victim"].person).filter(
        action=access, actor=cast["partner-support-worker"]).exists()


def test_the_audit_log_page_shows_no_victim_details_and_is_closed_to_workers(cast, client_for, world):
    assert client_for(cast["perpetrator-worker"]).get("/audit/").status_code == 404
    client_for(cast["partner-support-worker"]).get(
        reverse("cases:victim_detail", args=[world["case"].pk, world["victim"].pk]))
    # My Sister's Place's administrator reads the trail of its own staff, who hold her record.
    admin = staff("msp-administrator", Role.ADMINISTRATOR, MSP)
    body = client_for(admin).get("/audit/").content.decode()
    assert world["victim"].person.reference in body
    assert_no_victim_secrets(body)
    everything = " ".join(str(e.changes) + e.object_repr for e in LogEntry.objects.all())
    assert_no_victim_secrets(everything)
