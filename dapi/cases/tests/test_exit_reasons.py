"""Exit reasons from a coded list (issue 17, item 6): migration 0008's reading of the old free-text
reasons, the status change that needs a coded reason (and words for "other") on the page, in the
service and in the API, which still takes an old free-text reason as "other"."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from dapi.cases import exits
from dapi.cases.models import Case, CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.demo.volume import END_REASONS

from .builders import tatc_case

migration = importlib.import_module("dapi.cases.migrations.0008_case_exit_reason")


@pytest.mark.parametrize("text, status, code", [
    (END_REASONS[CaseStatus.COMPLETED], "completed", "completed"),
    (END_REASONS[CaseStatus.DISENGAGED], "disengaged", "lost_contact"),
    (END_REASONS[CaseStatus.CLOSED], "closed", "moved_away"),
    ("Stopped attending (demo).", "disengaged", "lost_contact"),
    ("Stopped attending (synthetic).", "closed", "lost_contact"),
    ("Moved away", "closed", "moved_away"),
    ("Remanded in custody after a new offence", "disengaged", "in_custody"),
    ("Sentenced to 18 months", "closed", "in_custody"),
    ("Refused to engage with the coordinator", "disengaged", "refused"),
    ("Withdrew consent", "disengaged", "refused"),
    ("Risk escalated: referred to MARAC and MATAC", "closed", "risk_escalated"),
    ("Lost contact; phone disconnected", "disengaged", "lost_contact"),
    ("", "completed", "completed"),
])
def test_the_migration_reads_known_free_text_reasons_as_their_code_and_keeps_the_words(text, status, code):
    assert migration.exit_reason_of_text(text, status) == (code, text)


@pytest.mark.parametrize("text, status", [("Duplicate", "closed"), ("Synthetic: caution withdrawn by police", "closed"),
                                          ("Completed the programme (demo).", "closed")])
def test_anything_else_becomes_other_with_the_old_text_as_its_words(text, status):
    # A caution the police withdrew is not his refusal; a case closed (not completed) never becomes
    # "completed" from its words.
    assert migration.exit_reason_of_text(text, status) == (exits.OTHER, text)


def test_an_ending_with_no_words_at_all_is_other_saying_none_was_recorded():
    assert migration.exit_reason_of_text("  ", "disengaged") == ("other", "No reason was recorded.")


def test_the_migration_gives_every_ended_case_a_code_and_leaves_open_cases_alone(cast):
    closed, _, _ = tatc_case(cast)
    open_, _, _ = tatc_case(cast)
    Case.objects.filter(pk=closed.pk).update(status=CaseStatus.CLOSED, ended_on=date(2023, 2, 1),
                                             end_reason="Moved out of the area (demo).", exit_reason="")
    migration.forwards(apps, None)
    closed.refresh_from_db()
    open_.refresh_from_db()
    assert (closed.exit_reason, closed.end_reason) == ("moved_away", "Moved out of the area (demo).")
    assert open_.exit_reason == ""


def end(case, by, to, **given):
    return case_change_status(case=case, to=to, on=date(2023, 2, 1), by=by, version=case.version, **given)


def assessed_case(cast):
    case, _, _ = tatc_case(cast)
    return end(case, cast["perpetrator-worker"], CaseStatus.ASSESSMENT)


def test_ending_a_case_without_a_coded_reason_is_refused_and_nothing_changes(cast):
    case = assessed_case(cast)
    for given in ({}, {"reason": "He stopped coming"}):
        with pytest.raises(ValidationError) as error:
            end(case, cast["perpetrator-worker"], CaseStatus.DISENGAGED, **given)
        assert error.value.message_dict == {"exit_reason": ["Choose why the case is ending."]}
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ASSESSMENT


def test_other_without_words_an_unknown_code_or_one_that_does_not_fit_the_status_is_refused(cast):
    case = assessed_case(cast)
    worker = cast["perpetrator-worker"]
    with pytest.raises(ValidationError, match='when the reason is "other"'):
        end(case, worker, CaseStatus.CLOSED, exit_reason="other", reason="  ")
    with pytest.raises(ValidationError, match="'bored' is not an exit reason"):
        end(case, worker, CaseStatus.CLOSED, exit_reason="bored")
    with pytest.raises(ValidationError, match="only a completed case does"):
        end(case, worker, CaseStatus.DISENGAGED, exit_reason="completed")
    assert Case.objects.get(pk=case.pk).exit_reason == ""


def test_a_coded_ending_is_saved_with_its_words_and_a_completed_case_is_completed(cast):
    worker = cast["perpetrator-worker"]
    case = end(assessed_case(cast), worker, CaseStatus.CLOSED, exit_reason="other", reason=" Transferred to Drive ")
    assert (case.exit_reason, case.end_reason, case.ended_on) == ("other", "Transferred to Drive", date(2023, 2, 1))
    active = end(assessed_case(cast), worker, CaseStatus.ACTIVE)
    active = end(active, worker, CaseStatus.COMPLETED)
    assert Case.objects.get(pk=active.pk).exit_reason == "completed"


def test_the_status_page_offers_the_coded_list_and_refuses_other_without_words(cast, client_for):
    case = assessed_case(cast)
    client = client_for(cast["perpetrator-worker"])
    url = reverse("cases:case_status", args=[case.pk])
    page = client.get(url).content.decode()
    refused = client.post(url, {"to": "closed", "on": "2023-02-02", "exit_reason": "other", "reason": "",
                                "version": case.version}).content.decode()
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ASSESSMENT
    saved = client.post(url, {"to": "disengaged", "on": "2023-02-02", "exit_reason": "in_custody", "reason": "",
                              "version": case.version})
    assert "Disengaged: in custody" in page and "Risk escalated" in page
    assert "Say why the case is ending when the reason is &quot;other&quot;." in refused
    assert saved.status_code == 302
    assert Case.objects.get(pk=case.pk).exit_reason == "in_custody"
    detail = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Disengaged: in custody" in detail


def test_the_api_ends_a_case_with_a_code_and_takes_an_old_free_text_reason_as_other(cast, client_for):
    client = client_for(cast["provider-manager"])
    coded, old, bad = assessed_case(cast), assessed_case(cast), assessed_case(cast)

    def post(case, **body):
        return client.post(f"/api/cases/{case.pk}/status", {"to": "closed", "on": "2023-02-03",
                                                             "version": case.version, **body},
                           content_type="application/json")

    made = post(coded, exit_reason="risk_escalated")
    legacy = post(old, reason="Moved to Scotland")
    unknown = post(bad, exit_reason="bored")
    missing = post(bad)
    assert made.status_code == 201 and made.json()["exit_reason"] == "risk_escalated"
    assert legacy.status_code == 201
    assert (legacy.json()["exit_reason"], legacy.json()["end_reason"]) == ("other", "Moved to Scotland")
    assert unknown.status_code == 422 and "exit_reason" in unknown.content.decode()
    assert missing.status_code == 422 and "Choose why the case is ending." in missing.content.decode()
    assert Case.objects.get(pk=bad.pk).status == CaseStatus.ASSESSMENT
    stale = post(coded, exit_reason="other", reason="again")
    assert stale.status_code in (409, 422)
    victim_side = client_for(cast["partner-support-worker"]).post(
        f"/api/cases/{bad.pk}/status", {"to": "closed", "on": "2023-02-03", "version": bad.version,
                                        "exit_reason": "refused"}, content_type="application/json")
    assert victim_side.status_code == 404
