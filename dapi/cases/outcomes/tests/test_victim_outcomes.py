"""Victim-reported outcomes: a programme's questionnaire, her answers at each stage, victim side only."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.funding.models import Programme

from ...models import MemberRole
from ...tests.builders import tatc_case, victim_service_manager
from ..example import EXAMPLE_ITEMS, example_questionnaire
from ..models import Questionnaire, Stage, VictimOutcome
from dapi.lib.dates import add_months
from ..services import questionnaire_set, victim_outcome_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_1_june_2024():
    with time_machine.travel("2024-06-01 09:00 +00:00", tick=False):
        yield

# Items 1, 2 and 7 improve upwards, 3 to 6 downwards (EXAMPLE_ITEMS).
CALM = {1: 5, 2: 5, 3: 1, 4: 1, 5: 1, 6: 1, 7: 5}
AFRAID = {1: 1, 2: 2, 3: 4, 4: 3, 5: 5, 6: 5, 7: 1}


@pytest.fixture
def world(cast):
    case, victim, child = tatc_case(cast)
    example_questionnaire(case.programme)
    return {"case": case, "victim": victim, "child": child, "psw": cast["partner-support-worker"]}


def record(world, stage, on, answers, by=None):
    return victim_outcome_record(member=world["victim"], by=by or world["psw"], stage=stage, recorded_on=on,
                                 answers=answers)


def test_her_partner_support_worker_records_her_answers_and_the_total_counts_higher_as_better(world):
    calm = record(world, Stage.INTAKE, date(2024, 1, 10), CALM)
    assert calm.score == 7 * 5
    assert calm.answers == {str(k): v for k, v in CALM.items()}
    afraid = record(world, Stage.MIDPOINT, date(2024, 3, 1), AFRAID)
    # 1 + 2 + (6-4) + (6-3) + (6-5) + (6-5) + 1
    assert afraid.score == 11
    assert afraid.recorded_by == world["psw"]


def test_recording_her_answers_writes_an_audit_row_without_the_answers(world):
    outcome = record(world, Stage.INTAKE, date(2024, 1, 10), CALM)
    entry = LogEntry.objects.get_for_object(outcome).get(action=LogEntry.Action.CREATE)
    assert entry.actor == world["psw"]
    assert "[redacted]" in str(entry.changes["answers"])


@pytest.mark.parametrize("answers, field", [
    ({**CALM, 3: 6}, "item_3"),  # above the scale
    ({**CALM, 1: 0}, "item_1"),  # below it
    ({**CALM, 2: "4"}, "item_2"),  # not a whole number
    ({**CALM, 5: True}, "item_5"),
    ({k: v for k, v in CALM.items() if k != 4}, "item_4"),  # unanswered
    ({**CALM, 99: 3}, "item_99"),  # not on the questionnaire
])
def test_an_answer_out_of_scale_or_missing_is_refused_naming_the_item_and_nothing_is_written(world, answers, field):
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.INTAKE, date(2024, 1, 10), answers)
    assert field in refused.value.message_dict
    assert not VictimOutcome.objects.exists()


def test_answers_dated_after_today_are_refused_naming_the_field(world):
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.INTAKE, date(2024, 6, 2), CALM)
    assert "recorded_on" in refused.value.message_dict
    assert "cannot be in the future" in refused.value.message_dict["recorded_on"][0]


def test_stages_come_in_order_and_once(world):
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.EXIT, date(2024, 1, 10), CALM)
    assert "intake answers first" in refused.value.message_dict["stage"][0]
    record(world, Stage.INTAKE, date(2024, 1, 10), AFRAID)
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.INTAKE, date(2024, 1, 11), AFRAID)
    assert "already recorded" in refused.value.message_dict["stage"][0]
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.EXIT, date(2024, 1, 9), CALM)
    assert "recorded_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.FOLLOW_UP, date(2024, 5, 1), CALM)
    assert "exit answers before the follow-up" in refused.value.message_dict["stage"][0]
    record(world, Stage.EXIT, date(2024, 4, 1), CALM)
    with pytest.raises(ValidationError) as refused:
        record(world, Stage.FOLLOW_UP, date(2024, 3, 31), CALM)
    assert "recorded_on" in refused.value.message_dict
    assert record(world, Stage.FOLLOW_UP, date(2024, 5, 1), CALM).stage == Stage.FOLLOW_UP


@pytest.mark.parametrize("role", ["perpetrator-worker", "provider-manager", "commissioner", "police-analyst",
                                  "panel-member", "evaluator", "administrator"])
def test_nobody_off_her_side_records_her_answers(world, cast, role):
    with pytest.raises(Http404):
        record(world, Stage.INTAKE, date(2024, 1, 10), CALM, by=cast[role])
    assert not VictimOutcome.objects.exists()


def test_the_victim_services_manager_records_her_answers_too(world):
    assert record(world, Stage.INTAKE, date(2024, 1, 10), CALM, by=victim_service_manager()).pk


def test_a_child_answers_no_questionnaire(world):
    with pytest.raises(Http404):
        victim_outcome_record(member=world["child"], by=world["psw"], stage=Stage.INTAKE,
                              recorded_on=date(2024, 1, 10), answers=CALM)


def test_a_programme_without_a_questionnaire_refuses_answers(cast):
    _, victim, _ = tatc_case(cast)
    with pytest.raises(ValidationError, match="no victim-reported outcomes questionnaire"):
        victim_outcome_record(member=victim, by=cast["partner-support-worker"], stage=Stage.INTAKE,
                              recorded_on=date(2024, 1, 10), answers=CALM)


# -- the questionnaire, the programme's configuration --------------------------------------------------

@pytest.mark.parametrize("role, allowed", [("commissioner", True), ("finance-officer", True),
                                           ("provider-manager", False), ("partner-support-worker", False),
                                           ("perpetrator-worker", False), ("panel-member", False),
                                           ("evaluator", False), ("administrator", False)])
def test_the_programmes_commissioners_write_its_questionnaire(cast, role, allowed):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    if allowed:
        questionnaire = questionnaire_set(programme=programme, by=cast[role], title="Our questions",
                                          items=[("How safe do you feel at home?", True)])
        assert [i.wording for i in questionnaire.items.all()] == ["How safe do you feel at home?"]
        assert LogEntry.objects.get_for_object(questionnaire).filter(actor=cast[role]).exists()
    else:
        with pytest.raises(Http404):
            questionnaire_set(programme=programme, by=cast[role], title="Our questions",
                              items=[("How safe do you feel at home?", True)])
        assert not Questionnaire.objects.exists()


def test_a_questionnaire_needs_items_and_a_scale_that_goes_up(cast):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    with pytest.raises(ValidationError) as refused:
        questionnaire_set(programme=programme, by=cast["commissioner"], title="Empty", items=[])
    assert "items" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        questionnaire_set(programme=programme, by=cast["commissioner"], title="Upside down", scale_min=5,
                          scale_max=1, items=[("How safe do you feel at home?", True)])
    assert "scale_max" in refused.value.message_dict


def test_once_answered_the_items_and_scale_are_fixed_but_the_title_may_change(world, cast):
    record(world, Stage.INTAKE, date(2024, 1, 10), CALM)
    programme = world["case"].programme
    with pytest.raises(ValidationError) as refused:
        questionnaire_set(programme=programme, by=cast["commissioner"], title="New", items=EXAMPLE_ITEMS[:3],
                          scale_min=1, scale_max=5)
    assert "can no longer change" in refused.value.message_dict["items"][0]
    with pytest.raises(ValidationError):
        questionnaire_set(programme=programme, by=cast["commissioner"], title="New", items=EXAMPLE_ITEMS,
                          scale_min=0, scale_max=10)
    renamed = questionnaire_set(programme=programme, by=cast["commissioner"], title="Renamed", items=EXAMPLE_ITEMS,
                                scale_min=1, scale_max=5, follow_up_months=12)
    assert (renamed.title, renamed.follow_up_months, renamed.items.count()) == ("Renamed", 12, 7)


def test_the_follow_up_is_due_six_months_after_exit_by_default():
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 15), 6) == date(2024, 7, 15)


# -- pages ------------------------------------------------------------------------------------------

def test_her_page_shows_her_totals_and_when_the_follow_up_is_due(world, client_for):
    record(world, Stage.INTAKE, date(2024, 1, 10), AFRAID)
    record(world, Stage.EXIT, date(2024, 4, 1), CALM)
    page = client_for(world["psw"]).get(reverse("cases:victim_detail", args=[world["case"].pk, world["victim"].pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Intake, 10 Jan 2024: total 11" in text
    assert "Exit, 1 Apr 2024: total 35" in text
    assert "Follow-up due 1 Oct 2024" in text


def test_the_form_records_her_answers(world, client_for):
    url = reverse("cases:victim_outcome_add", args=[world["case"].pk, world["victim"].pk])
    client = client_for(world["psw"])
    page = client.get(url)
    assert page.status_code == 200 and "How safe do you feel at home?" in page.content.decode()
    data = {"stage": "intake", "recorded_on": "2024-01-10", **{f"item_{k}": v for k, v in CALM.items()}}
    assert client.post(url, data).status_code == 302
    assert VictimOutcome.objects.get().score == 35


def test_the_form_refuses_an_answer_out_of_scale_and_writes_nothing(world, client_for):
    url = reverse("cases:victim_outcome_add", args=[world["case"].pk, world["victim"].pk])
    data = {"stage": "intake", "recorded_on": "2024-01-10", **{f"item_{k}": v for k, v in CALM.items()}, "item_3": 9}
    page = client_for(world["psw"]).post(url, data)
    assert page.status_code == 200
    assert "Answer item 3 with a number from 1 to 5" in page.content.decode()
    assert not VictimOutcome.objects.exists()


@pytest.mark.parametrize("role", ["perpetrator-worker", "provider-manager", "commissioner"])
def test_the_form_and_her_answers_are_hidden_across_the_barrier(world, cast, client_for, role):
    record(world, Stage.INTAKE, date(2024, 1, 10), CALM)
    client = client_for(cast[role])
    for name in ("cases:victim_outcome_add", "cases:victim_detail"):
        assert client.get(reverse(name, args=[world["case"].pk, world["victim"].pk])).status_code == 404
    assert client_for(world["psw"]).get(
        reverse("cases:victim_outcome_add", args=[world["case"].pk, world["victim"].pk])).status_code == 200


def test_the_form_is_not_found_for_a_child(world, client_for):
    url = reverse("cases:victim_outcome_add", args=[world["case"].pk, world["child"].pk])
    assert world["child"].role == MemberRole.CHILD
    assert client_for(world["psw"]).get(url).status_code == 404


def test_her_answers_are_in_her_subject_access_export_and_go_with_her_erasure(world, cast):
    from auditlog.models import LogEntry as Entry

    from ...protection import erase_person, subject_access_export

    outcome = record(world, Stage.INTAKE, date(2024, 1, 10), CALM)
    reference = world["victim"].person.reference
    export = subject_access_export(world["victim"].person, by=world["psw"])
    assert export["linked_to_cases"][0]["victim_outcomes"][0]["score"] == 35
    erase_person(person=world["victim"].person, reason="retention", by=cast["administrator"])
    assert not VictimOutcome.objects.filter(pk=outcome.pk).exists()
    assert not Entry.objects.filter(object_repr__contains=reference).exists()
