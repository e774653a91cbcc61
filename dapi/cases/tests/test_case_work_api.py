"""Case work through the API (issue 20, item 4): sessions and contacts, needs, goals, DASH
assessments, safety plans, forum listings and actions, each written by the same service as its page.
For every write: the allowed writer gets 201 and the audit row names them; across the barrier the
answer is 404, in the same words as for a case that does not exist, and nothing is written; a date
about something that has happened cannot be after today (422 naming the field). A change that
carries a version (a forum action, a case's status) answers 409 when the version is stale."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry

from dapi.cases.models import (Case, Contact, ForumAction, ForumListing, ForumType, Goal, Need, RiskAssessment,
                               SafetyPlan)
from dapi.cases.forums.services import forum_action_create, forum_listing_create

from .builders import HARBOUR, MSP, org, tatc_case

on_1_march_2023 = time_machine.travel("2023-03-01 09:00 +00:00", tick=False)
DASH_ANSWERS = {str(n): "yes" if n <= 14 else "no" for n in range(1, 25)}
HIS_SIDE, HER_SIDE = "perpetrator-worker", "partner-support-worker"


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


# Each write: (its URL on the case, the model it makes, who may write, who is across the barrier,
# a valid body, the field holding a date that cannot be in the future).
WRITES = {
    "his session": ("/api/cases/{case}/contacts", Contact, HIS_SIDE, HER_SIDE,
                    {"side": "perpetrator", "kind": "one_to_one", "on": "2023-02-20", "attendance": "attended",
                     "duration_minutes": 60}, "on"),
    "a contact with her": ("/api/cases/{case}/contacts", Contact, HER_SIDE, HIS_SIDE,
                           {"side": "victim", "kind": "phone", "on": "2023-02-21", "attendance": "attended",
                            "member_id": "{victim}", "notes": "Synthetic note: talked through the plan."}, "on"),
    "a need": ("/api/cases/{case}/needs", Need, HIS_SIDE, HER_SIDE,
               {"kind": "housing", "identified_on": "2023-02-01"}, "identified_on"),
    "a goal": ("/api/cases/{case}/goals", Goal, HIS_SIDE, HER_SIDE,
               {"description": "Attend every group session", "set_on": "2023-02-01", "target_on": "2023-06-30"},
               "set_on"),
    "a DASH": ("/api/cases/{case}/people/{victim}/dash-assessments", RiskAssessment, HER_SIDE, HIS_SIDE,
               {"assessed_on": "2023-02-15", "answers": DASH_ANSWERS}, "assessed_on"),
    "a safety plan": ("/api/cases/{case}/people/{victim}/safety-plans", SafetyPlan, HER_SIDE, HIS_SIDE,
                      {"agreed_on": "2023-02-16", "review_on": "2023-05-16", "plan": "Synthetic plan: refuge."},
                      "agreed_on"),
}


def _fill(value, case, victim):
    if isinstance(value, str):
        return value.format(case=case.pk, victim=victim.pk)
    if isinstance(value, dict):
        return {k: int(_fill(v, case, victim)) if k == "member_id" else _fill(v, case, victim)
                for k, v in value.items()}
    return value


@pytest.fixture
def work(cast):
    case, victim, child = tatc_case(cast)
    return {"case": case, "victim": victim, "child": child}


@on_1_march_2023
@pytest.mark.parametrize("write", list(WRITES))
def test_the_allowed_writer_records_it_and_the_audit_row_names_them(write, cast, client_for, work):
    url, model, writer, _, body, _ = WRITES[write]
    response = _post(client_for(cast[writer]), _fill(url, work["case"], work["victim"]),
                     _fill(body, work["case"], work["victim"]))
    assert response.status_code == 201, response.content
    made = model.objects.get(pk=response.json()["id"])
    entry = LogEntry.objects.get_for_object(made).get(action=LogEntry.Action.CREATE)
    assert entry.actor == cast[writer]
    # Notes and plans are kept on their record, never copied into the log.
    assert "Synthetic note" not in str(entry.changes) and "Synthetic plan" not in str(entry.changes)


@on_1_march_2023
@pytest.mark.parametrize("write", list(WRITES))
def test_across_the_barrier_it_answers_404_as_for_no_case_and_writes_nothing(write, cast, client_for, work):
    url, model, writer, barred, body, _ = WRITES[write]
    case, victim = work["case"], work["victim"]
    before = model.objects.count()
    client = client_for(cast[barred])
    hidden = _post(client, _fill(url, case, victim), _fill(body, case, victim))
    # Her record answers as a person not on the case does; anything else as a case that does not exist.
    missing_url = (url.format(case=case.pk, victim=999999) if "{victim}" in url
                   else url.format(case=999999, victim=victim.pk))
    missing = _post(client, missing_url, _fill(body, case, victim))
    assert hidden.status_code == 404 and hidden.json() == missing.json()
    assert model.objects.count() == before
    # Someone off the case altogether gets the same answer.
    assert _post(client_for(cast["commissioner"]), _fill(url, case, victim), _fill(body, case, victim)).status_code == 404
    assert _post(client_for(cast[writer]), _fill(url, case, victim), _fill(body, case, victim)).status_code == 201


@on_1_march_2023
@pytest.mark.parametrize("write", list(WRITES))
def test_a_date_after_today_is_refused_naming_the_field(write, cast, client_for, work):
    url, model, writer, _, body, field = WRITES[write]
    case, victim = work["case"], work["victim"]
    before = model.objects.count()
    response = _post(client_for(cast[writer]), _fill(url, case, victim), {**_fill(body, case, victim),
                                                                          field: "2023-03-02"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert "cannot be in the future" in response.json()["errors"][field][0]
    assert "02 Mar 2023 is after today (01 Mar 2023)" in response.json()["detail"]
    assert model.objects.count() == before


@on_1_march_2023
def test_a_bad_need_kind_or_victim_is_refused_naming_the_field_and_what_would_do(cast, client_for, work):
    case, victim = work["case"], work["victim"]
    need = _post(client_for(cast[HIS_SIDE]), f"/api/cases/{case.pk}/needs", {"kind": "gambling",
                                                                              "identified_on": "2023-02-01"})
    assert need.status_code == 422 and list(need.json()["errors"]) == ["kind"]
    assert "housing" in need.json()["errors"]["kind"][0]
    contact = _post(client_for(cast[HER_SIDE]), f"/api/cases/{case.pk}/contacts",
                    {"side": "victim", "kind": "phone", "on": "2023-02-21", "attendance": "attended",
                     "member_id": work["child"].pk})
    assert contact.status_code == 422 and list(contact.json()["errors"]) == ["member_id"]
    assert str(victim.pk) in contact.json()["errors"]["member_id"][0]
    unnamed = _post(client_for(cast[HER_SIDE]), f"/api/cases/{case.pk}/contacts",
                    {"side": "victim", "kind": "phone", "on": "2023-02-21", "attendance": "attended"})
    assert unnamed.status_code == 422 and list(unnamed.json()["errors"]) == ["member_id"]
    assert not Need.objects.filter(case=case).exists() and not Contact.objects.filter(case=case).exists()


@on_1_march_2023
def test_each_side_reads_back_only_its_own_sessions_and_the_read_is_audited(cast, client_for, work):
    case, victim = work["case"], work["victim"]
    for writer, name in ((HIS_SIDE, "his session"), (HER_SIDE, "a contact with her")):
        url, _, _, _, body, _ = WRITES[name]
        assert _post(client_for(cast[writer]), _fill(url, case, victim), _fill(body, case, victim)).status_code == 201
    his = client_for(cast[HIS_SIDE]).get(f"/api/cases/{case.pk}/contacts")
    assert [c["side"] for c in his.json()["results"]] == ["perpetrator"]
    hers = client_for(cast[HER_SIDE]).get(f"/api/cases/{case.pk}/contacts")
    assert [c["side"] for c in hers.json()["results"]] == ["victim"] and hers.json()["results"][0]["member_id"] == victim.pk
    assert "Synthetic note" not in his.content.decode()
    reads = LogEntry.objects.get_for_object(case).filter(action=LogEntry.Action.ACCESS)
    assert {e.actor for e in reads} >= {cast[HIS_SIDE], cast[HER_SIDE]}
    assert client_for(cast["commissioner"]).get(f"/api/cases/{case.pk}/contacts").status_code == 404


@on_1_march_2023
def test_his_worker_reads_her_dash_grade_but_only_her_side_reads_her_safety_plans(cast, client_for, work):
    case, victim = work["case"], work["victim"]
    url, _, _, _, body, _ = WRITES["a DASH"]
    made = _post(client_for(cast[HER_SIDE]), _fill(url, case, victim), body)
    assert made.status_code == 201 and (made.json()["score"], made.json()["grade"]) == (14, "high")
    assert made.json()["marac_referral"] is True
    grades = client_for(cast[HIS_SIDE]).get(f"/api/cases/{case.pk}/dash-assessments")
    assert grades.status_code == 200
    assert [(g["member_id"], g["grade"], g["score"]) for g in grades.json()["results"]] == [(victim.pk, "high", 14)]
    assert "answers" not in grades.json()["results"][0]
    plan_url, _, _, _, plan, _ = WRITES["a safety plan"]
    assert _post(client_for(cast[HER_SIDE]), _fill(plan_url, case, victim), plan).status_code == 201
    hidden = client_for(cast[HIS_SIDE]).get(_fill(plan_url, case, victim))
    assert hidden.status_code == 404 and "refuge" not in hidden.content.decode()
    seen = client_for(cast[HER_SIDE]).get(_fill(plan_url, case, victim))
    assert seen.status_code == 200 and seen.json()["results"][0]["plan"] == "Synthetic plan: refuge."
    assert LogEntry.objects.get_for_object(victim.person).filter(action=LogEntry.Action.ACCESS,
                                                                  actor=cast[HER_SIDE]).exists()


# -- forum listings and actions ---------------------------------------------------------------------

@pytest.fixture
def listing(cast, work):
    return forum_listing_create(case=work["case"], forum=ForumType.objects.get(code="MATAC"),
                                meeting_on=date(2023, 2, 9), by=cast[HIS_SIDE])


@on_1_march_2023
def test_his_worker_lists_the_case_at_matac_and_the_listing_is_audited(cast, client_for, work):
    case = work["case"]
    response = _post(client_for(cast[HIS_SIDE]), f"/api/cases/{case.pk}/forum-listings",
                     {"forum": "MATAC", "meeting_on": "2023-03-09", "area": "Middlesbrough"})
    assert response.status_code == 201, response.content
    made = ForumListing.objects.get(pk=response.json()["id"])
    assert (made.forum.code, made.meeting_on, made.area.name) == ("MATAC", date(2023, 3, 9), "Middlesbrough")
    assert LogEntry.objects.get_for_object(made).get(action=LogEntry.Action.CREATE).actor == cast[HIS_SIDE]
    listed = client_for(cast[HIS_SIDE]).get(f"/api/cases/{case.pk}/forum-listings").json()["results"]
    assert [entry["forum"] for entry in listed] == ["MATAC"]


@on_1_march_2023
def test_only_the_victim_side_lists_her_at_marac_and_no_one_off_the_case_lists_at_all(cast, client_for, work):
    case, victim = work["case"], work["victim"]
    body = {"forum": "MARAC", "meeting_on": "2023-03-09", "member_id": victim.pk}
    his = _post(client_for(cast[HIS_SIDE]), f"/api/cases/{case.pk}/forum-listings", body)
    assert his.status_code == 422 and list(his.json()["errors"]) == ["forum"]
    assert "MATAC" in his.json()["errors"]["forum"][0]
    assert _post(client_for(cast["commissioner"]), f"/api/cases/{case.pk}/forum-listings", body).status_code == 404
    assert not ForumListing.objects.filter(case=case).exists()
    hers = _post(client_for(cast[HER_SIDE]), f"/api/cases/{case.pk}/forum-listings", body)
    assert hers.status_code == 201 and hers.json()["member_id"] == victim.pk


@on_1_march_2023
def test_an_action_on_her_side_is_added_only_by_her_side(cast, client_for, listing):
    body = {"side": "victim", "description": "Synthetic: refuge space offered", "owner": MSP, "due_on": "2023-03-20"}
    url = f"/api/forum-listings/{listing.pk}/actions"
    his = _post(client_for(cast[HIS_SIDE]), url, body)
    missing = _post(client_for(cast[HIS_SIDE]), "/api/forum-listings/999999/actions", body)
    assert his.status_code == 404 and his.json() == missing.json()
    assert not ForumAction.objects.filter(listing=listing).exists()
    hers = _post(client_for(cast[HER_SIDE]), url, body)
    assert hers.status_code == 201, hers.content
    made = ForumAction.objects.get(pk=hers.json()["id"])
    assert (made.side, made.owner.name, hers.json()["version"]) == ("victim", MSP, 1)
    assert LogEntry.objects.get_for_object(made).get(action=LogEntry.Action.CREATE).actor == cast[HER_SIDE]


@on_1_march_2023
def test_an_action_due_before_its_meeting_is_refused_naming_due_on(cast, client_for, listing):
    response = _post(client_for(cast[HIS_SIDE]), f"/api/forum-listings/{listing.pk}/actions",
                     {"side": "perpetrator", "description": "Check bail conditions", "owner": HARBOUR,
                      "due_on": "2023-02-01"})
    assert response.status_code == 422 and list(response.json()["errors"]) == ["due_on"]


def _action(cast, listing, side="perpetrator"):
    writer = cast[HIS_SIDE] if side == "perpetrator" else cast[HER_SIDE]
    return forum_action_create(listing=listing, side=side, description="Synthetic: check bail conditions",
                               owner=org(HARBOUR), due_on=date(2023, 2, 20), by=writer)


@on_1_march_2023
def test_completing_an_action_with_the_version_read_moves_it_on_and_is_audited(cast, client_for, listing):
    action = _action(cast, listing)
    response = _post(client_for(cast[HIS_SIDE]), f"/api/forum-actions/{action.pk}/status",
                     {"status": "done", "completed_on": "2023-02-27", "version": 1})
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["completed_on"], response.json()["version"]) == \
        ("done", "2023-02-27", 2)
    action.refresh_from_db()
    assert (action.status, action.version) == ("done", 2)
    entry = LogEntry.objects.get_for_object(action).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == cast[HIS_SIDE] and "status" in entry.changes_dict


@on_1_march_2023
def test_a_stale_version_answers_409_in_json_and_changes_nothing(cast, client_for, listing):
    action = _action(cast, listing)
    client = client_for(cast[HIS_SIDE])
    first = _post(client, f"/api/forum-actions/{action.pk}/status", {"status": "cancelled", "version": 1})
    assert first.status_code == 201
    stale = _post(client, f"/api/forum-actions/{action.pk}/status",
                  {"status": "done", "completed_on": "2023-02-27", "version": 1})
    assert stale.status_code == 409 and stale["Content-Type"].startswith("application/json")
    assert "Someone else changed this action" in stale.json()["detail"]
    action.refresh_from_db()
    assert (action.status, action.version) == ("cancelled", 2)


@on_1_march_2023
def test_an_action_done_after_today_is_refused_naming_completed_on(cast, client_for, listing):
    action = _action(cast, listing)
    response = _post(client_for(cast[HIS_SIDE]), f"/api/forum-actions/{action.pk}/status",
                     {"status": "done", "completed_on": "2023-03-02", "version": 1})
    assert response.status_code == 422 and list(response.json()["errors"]) == ["completed_on"]
    action.refresh_from_db()
    assert (action.status, action.version) == ("open", 1)


@on_1_march_2023
def test_her_sides_action_cannot_be_changed_from_his_side(cast, client_for, listing):
    action = _action(cast, listing, side="victim")
    body = {"status": "done", "completed_on": "2023-02-27", "version": 1}
    his = _post(client_for(cast[HIS_SIDE]), f"/api/forum-actions/{action.pk}/status", body)
    missing = _post(client_for(cast[HIS_SIDE]), "/api/forum-actions/999999/status", body)
    assert his.status_code == 404 and his.json() == missing.json()
    assert _post(client_for(cast[HER_SIDE]), f"/api/forum-actions/{action.pk}/status", body).status_code == 201


@on_1_march_2023
def test_a_stale_case_version_answers_409_and_leaves_the_status(cast, client_for, work):
    case = work["case"]
    client = client_for(cast[HIS_SIDE])
    body = {"to": "assessment", "on": "2023-02-01", "version": case.version}
    assert _post(client, f"/api/cases/{case.pk}/status", body).status_code == 201
    stale = _post(client, f"/api/cases/{case.pk}/status", {**body, "to": "active"})
    assert stale.status_code == 409 and stale.json()["detail"]
    assert Case.objects.get(pk=case.pk).status == "assessment"
