"""A DASH saved as a draft and finished later (issue 21 item 2): the draft keeps the answers so far,
is never scored, graded or counted as an assessment, belongs to the victim side only, and is gone
once the checklist is finished. The form names each missing item with what would be accepted."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.cases.models import DashDraft, RiskAssessment
from dapi.cases.services.risk import dash_draft_save

from .builders import tatc_case

on_12_january_2023 = time_machine.travel("2023-01-12 09:00 +00:00", tick=False)


@pytest.fixture
def world(cast):
    case, victim, _ = tatc_case(cast)
    return {"case": case, "victim": victim, "url": reverse("cases:dash_add", args=[case.pk, victim.pk])}


def partly(**extra) -> dict:
    form = {f"item_{n}": "yes" for n in range(1, 8)}
    form.update({"assessed_on_day": "12", "assessed_on_month": "1", "assessed_on_year": "2023", "action": "draft"})
    form.update(extra)
    return form


@on_12_january_2023
def test_a_draft_keeps_the_answers_so_far_and_is_not_an_assessment(cast, client_for, world):
    client = client_for(cast["partner-support-worker"])
    response = client.post(world["url"], partly())
    assert response.status_code == 302
    draft = DashDraft.objects.get()
    assert draft.answers == {str(n): "yes" for n in range(1, 8)} and draft.assessed_on == date(2023, 1, 12)
    assert not RiskAssessment.objects.exists()
    assert LogEntry.objects.get_for_object(draft).filter(action=LogEntry.Action.CREATE).exists()
    record = client.get(reverse("cases:victim_detail", args=[world["case"].pk, world["victim"].pk])).content.decode()
    assert "Continue the DASH draft" in record and "7 of 24 items answered" in record
    case_page = client.get(reverse("cases:case_detail", args=[world["case"].pk])).content.decode()
    assert "No DASH yet" in case_page  # a draft does not grade her


@on_12_january_2023
def test_the_form_comes_back_with_the_draft_and_finishing_it_scores_and_removes_the_draft(cast, client_for, world):
    client = client_for(cast["partner-support-worker"])
    client.post(world["url"], partly())
    page = client.get(world["url"]).content.decode()
    assert 'id="id_item_7_0" name="item_7" type="radio" value="yes" checked' in page
    assert '"Yes" so far: <span data-dash-yes>7</span> of 24' in page
    rest = {f"item_{n}": "no" for n in range(8, 25)}
    response = client.post(world["url"], partly(action="finish", **rest))
    assessment = RiskAssessment.objects.get()
    assert response.url == reverse("cases:dash_detail", args=[world["case"].pk, assessment.pk])
    assert assessment.score == 7 and not DashDraft.objects.exists()


@on_12_january_2023
def test_finishing_names_each_missing_item_with_what_would_be_accepted(cast, client_for, world):
    client = client_for(cast["partner-support-worker"])
    body = client.post(world["url"], partly(action="finish")).content.decode()
    assert '<a href="#id_item_8_0">Item 8, stalking and harassment: choose yes, no or not known.</a>' in body
    assert "Item 7, conflict over child contact" not in body  # answered
    assert body.count("choose yes, no or not known.</a>") == 17
    assert not RiskAssessment.objects.exists() and not DashDraft.objects.exists()


@on_12_january_2023
def test_only_her_side_saves_a_draft(cast, client_for, world):
    response = client_for(cast["perpetrator-worker"]).post(world["url"], partly())
    assert response.status_code == 404 and not DashDraft.objects.exists()
    with pytest.raises(Http404):
        dash_draft_save(case=world["case"], member=world["victim"], by=cast["perpetrator-worker"], answers={})
    assert dash_draft_save(case=world["case"], member=world["victim"], by=cast["partner-support-worker"],
                           answers={"1": "yes"}).answers == {"1": "yes"}


@on_12_january_2023
def test_a_draft_refuses_a_future_date_and_an_unknown_answer(cast, world):
    psw = cast["partner-support-worker"]
    with pytest.raises(ValidationError, match="cannot be in the future"):
        dash_draft_save(case=world["case"], member=world["victim"], by=psw, answers={}, assessed_on=date(2023, 1, 13))
    with pytest.raises(ValidationError, match="choose yes, no or not known"):
        dash_draft_save(case=world["case"], member=world["victim"], by=psw, answers={"3": "maybe"})
    assert not DashDraft.objects.exists()
