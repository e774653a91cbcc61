"""His assessment with a configurable tool (not DASH), reviews and exit; his risk management plan with
its reviews and the overdue flag; both perpetrator side only (issue 17, item 6)."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404

from dapi.cases.assessment import access, selectors
from dapi.cases.assessment.example import EXAMPLE_ITEMS
from dapi.cases.assessment.services import (
    example_tool, perpetrator_assessment_record, risk_plan_review, tool_for, tool_set,
)
from dapi.cases.models import AssessmentTool, PerpetratorAssessment, PlanReview, RiskPlan
from dapi.cases.tests.builders import tatc_case, victim_service_manager
from dapi.funding.models import Programme

on_1_june_2023 = time_machine.travel("2023-06-01 09:00 +00:00", tick=False)
ALL_ONES = {str(n): 1 for n in range(1, len(EXAMPLE_ITEMS) + 1)}
ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "msp-manager"]
HIS_SIDE = {"provider-manager", "perpetrator-worker"}


def user_for(cast, username):
    return victim_service_manager() if username == "msp-manager" else cast[username]


def refused(call) -> bool:
    try:
        call()
    except Http404:
        return True
    return False


def record(case, by, kind="intake", on=date(2023, 2, 1), answers=None, summary=""):
    return perpetrator_assessment_record(case=case, by=by, kind=kind, assessed_on=on,
                                         answers=ALL_ONES if answers is None else answers, summary=summary)


def agree(case, by, on=date(2023, 2, 1), next_on=date(2023, 3, 15), **more):
    return risk_plan_review(case=case, by=by, reviewed_on=on, next_review_on=next_on,
                            risks=more.get("risks", ["Controlling behaviour"]),
                            actions=more.get("actions", [{"who": "Coordinator", "what": "Weekly sessions"}]),
                            note=more.get("note", ""))


def test_a_programme_without_its_own_tool_uses_the_example_with_items_on_a_0_to_3_scale(cast):
    tool = tool_for(Programme.objects.get(slug="cleveland-complex-needs"))
    assert tool == example_tool() and tool.programme is None
    items = list(tool.items.all())
    assert [i.wording for i in items] == EXAMPLE_ITEMS
    assert items[0].points()[0] == (0, "0: no concern") and items[0].points()[-1] == (3, "3: serious concern")
    assert AssessmentTool.objects.count() == 1


def test_a_programme_writes_its_own_tool_with_a_scale_per_item_and_its_cases_use_it(cast):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    tool = tool_set(programme=programme, by=cast["commissioner"], title="Harbour assessment", items=[
        {"wording": "Attitudes supporting abuse", "scale_min": 0, "scale_max": 3,
         "scale_labels": ["none", "some", "clear", "serious"]},
        {"wording": "Motivation to change", "scale_min": 1, "scale_max": 5}])
    assert tool_for(programme) == tool
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        made = record(case, cast["perpetrator-worker"], answers={"1": 3, "2": 5})
    assert (made.tool, made.answers, made.total) == (tool, {"1": 3, "2": 5}, 8)
    with pytest.raises(ValidationError, match="items and scales can no longer change"):
        tool_set(programme=programme, by=cast["commissioner"], title="Changed", items=[
            {"wording": "Attitudes supporting abuse", "scale_min": 0, "scale_max": 4}])


def test_a_tool_with_a_bad_scale_is_refused_naming_the_item(cast):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    with pytest.raises(ValidationError, match="Item 1: the highest answer must be above the lowest"):
        tool_set(programme=programme, by=cast["commissioner"], title="T", items=[
            {"wording": "Jealousy and control", "scale_min": 3, "scale_max": 3}])
    with pytest.raises(ValidationError, match="one label for each of its 4 answers"):
        tool_set(programme=programme, by=cast["commissioner"], title="T", items=[
            {"wording": "Jealousy and control", "scale_min": 0, "scale_max": 3, "scale_labels": ["low", "high"]}])
    assert not AssessmentTool.objects.filter(programme=programme).exists()


def test_only_those_who_change_the_programme_write_its_tool(cast):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    for username in ("perpetrator-worker", "provider-manager", "partner-support-worker"):
        assert refused(lambda u=username: tool_set(programme=programme, by=cast[u], title="T",
                                                   items=[{"wording": "x"}]))
    assert not AssessmentTool.objects.filter(programme=programme).exists()


def test_intake_reviews_and_exit_are_recorded_with_their_totals_and_audited(cast):
    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        example_tool()  # written (and audited) the first time a programme without its own needs it
        before = LogEntry.objects.count()
        intake = record(case, worker, answers={**ALL_ONES, "1": 3}, summary="Minimises the incidents.")
        review = record(case, worker, kind="review", on=date(2023, 4, 1))
        exit_ = record(case, worker, kind="exit", on=date(2023, 5, 31), answers=dict.fromkeys(ALL_ONES, 0))
    assert [a.total for a in (intake, review, exit_)] == [len(ALL_ONES) + 2, len(ALL_ONES), 0]
    assert intake.assessor == worker
    entry = LogEntry.objects.get_for_object(intake).get()
    assert entry.actor == worker and entry.action == LogEntry.Action.CREATE
    assert "Minimises" not in str(entry.changes) and LogEntry.objects.count() == before + 3


@pytest.mark.parametrize("answers, field, words", [
    ({**ALL_ONES, "2": 4}, "item_2", "4 is not on its scale; answer with a whole number from 0 to 3"),
    ({**ALL_ONES, "3": -1}, "item_3", "-1 is not on its scale"),
    ({**ALL_ONES, "1": "2"}, "item_1", "'2' is not on its scale"),
    ({**ALL_ONES, "99": 1}, "item_99", "Item 99 is not on this tool"),
    ({k: v for k, v in ALL_ONES.items() if k != "5"}, "item_5", "Answer item 5, from 0 to 3"),
])
def test_an_answer_off_the_scale_an_unknown_item_or_a_missing_answer_is_refused(cast, answers, field, words):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        with pytest.raises(ValidationError) as error:
            record(case, cast["perpetrator-worker"], answers=answers)
    assert words in error.value.message_dict[field][0]
    assert not PerpetratorAssessment.objects.exists()


def test_an_assessment_dated_in_the_future_is_refused_naming_the_field(cast):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        record(case, cast["perpetrator-worker"])
        with pytest.raises(ValidationError) as error:
            record(case, cast["perpetrator-worker"], kind="review", on=date(2023, 6, 2))
    assert "02 Jun 2023 is after today (01 Jun 2023)" in error.value.message_dict["assessed_on"][0]
    assert PerpetratorAssessment.objects.count() == 1


def test_the_order_of_intake_reviews_and_exit_is_kept(cast):
    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        with pytest.raises(ValidationError, match="Record his intake assessment first"):
            record(case, worker, kind="review")
        with pytest.raises(ValidationError, match="before he was referred"):
            record(case, worker, on=date(2023, 1, 1))
        record(case, worker, on=date(2023, 2, 1))
        with pytest.raises(ValidationError, match="already recorded; record a review"):
            record(case, worker, on=date(2023, 3, 1))
        with pytest.raises(ValidationError, match="cannot be before his intake"):
            record(case, worker, kind="review", on=date(2023, 1, 20))
        record(case, worker, kind="exit", on=date(2023, 5, 1))
        with pytest.raises(ValidationError, match="exit assessment is already recorded"):
            record(case, worker, kind="exit", on=date(2023, 5, 2))
        with pytest.raises(ValidationError, match="Choose one of"):
            record(case, worker, kind="midpoint", on=date(2023, 5, 2))
    assert PerpetratorAssessment.objects.count() == 2


@pytest.mark.parametrize("username", ROLES)
def test_only_his_side_reads_and_records_his_assessment_and_plan(cast, username):
    user = user_for(cast, username)
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        record(case, cast["perpetrator-worker"])
        agree(case, cast["perpetrator-worker"])
        his = username in HIS_SIDE
        assert refused(lambda: access.case_to_assess(user, case.pk)) is not his
        assert refused(lambda: access.assessment_list_for(user, case)) is not his
        assert refused(lambda: access.risk_plan_for(user, case)) is not his
        assert (selectors.case_assessment_context(user, case) is not None) is his
        assert refused(lambda: record(case, user, kind="review", on=date(2023, 3, 1))) is not his
        assert refused(lambda: agree(case, user, on=date(2023, 3, 1), next_on=date(2023, 4, 1))) is not his
    assert PerpetratorAssessment.objects.count() == (2 if his else 1)
    assert PlanReview.objects.count() == (2 if his else 1)


def test_the_plan_is_agreed_then_reviewed_and_its_history_kept(cast):
    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        agree(case, worker, risks=["Controlling behaviour", "Alcohol"])
        plan = agree(case, worker, on=date(2023, 3, 15), next_on=date(2023, 5, 1), risks=["Alcohol"],
                     actions=[{"who": "Navigator", "what": "Alcohol service referral"}], note="Control reduced.")
    plan.refresh_from_db()
    assert (plan.agreed_on, plan.reviewed_on, plan.next_review_on) == (date(2023, 2, 1), date(2023, 3, 15),
                                                                       date(2023, 5, 1))
    assert plan.risks == ["Alcohol"] and plan.actions == [{"who": "Navigator", "what": "Alcohol service referral"}]
    history = list(plan.reviews.order_by("reviewed_on"))
    assert [r.risks for r in history] == [["Controlling behaviour", "Alcohol"], ["Alcohol"]]
    assert history[1].reviewer == worker and history[1].note == "Control reduced."
    entry = LogEntry.objects.get_for_object(plan).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == worker and "Alcohol service" not in str(entry.changes)


@pytest.mark.parametrize("more, field", [
    ({"risks": []}, "risks"),
    ({"risks": ["  "]}, "risks"),
    ({"actions": [{"who": "Coordinator", "what": ""}]}, "actions"),
    ({"actions": [{"who": "Coordinator"}]}, "actions"),
    ({"actions": []}, "actions"),
    ({"next_on": date(2023, 2, 1)}, "next_review_on"),
    ({"on": date(2023, 6, 2)}, "reviewed_on"),
    ({"on": date(2023, 1, 1)}, "reviewed_on"),
])
def test_a_plan_without_risks_or_actions_or_with_bad_dates_is_refused(cast, more, field):
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        with pytest.raises(ValidationError) as error:
            agree(case, cast["perpetrator-worker"], **more)
    assert field in error.value.message_dict
    assert not RiskPlan.objects.exists() and not PlanReview.objects.exists()


def test_a_plan_is_overdue_when_its_next_review_is_before_today_and_the_case_is_open(cast):
    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        plan = agree(case, worker, next_on=date(2023, 6, 1))
        assert selectors.case_assessment_context(worker, case)["overdue"] is False  # due today: not yet overdue
    with time_machine.travel("2023-06-02 09:00 +00:00", tick=False):
        assert selectors.case_assessment_context(worker, case)["overdue"] is True
        assert selectors.overdue_plans(worker) == {"ids": {case.pk}, "count": 1}
        assert selectors.overdue_plans(cast["partner-support-worker"]) == {"ids": set(), "count": 0}
        case.ended_on = date(2023, 6, 2)
        assert selectors.plan_overdue(case, plan) is False  # an ended case's plan is no longer reviewed


def test_his_subject_access_copy_holds_his_assessments_plan_and_exit_reason_and_hers_none_of_them(cast):
    from dapi.cases.protection import subject_access_export
    from dapi.cases.services.cases import case_change_status

    worker = cast["perpetrator-worker"]
    with on_1_june_2023:
        case, victim, _ = tatc_case(cast)
        record(case, worker, summary="Synthetic summary of his intake.")
        agree(case, worker, risks=["Synthetic risk of his"])
        case_change_status(case=case, to="closed", on=date(2023, 3, 1), by=worker, version=case.version,
                           exit_reason="in_custody")
    his = subject_access_export(case.perpetrator, by=cast["administrator"])["cases_as_perpetrator"][0]
    assert his["assessments"][0]["summary"] == "Synthetic summary of his intake."
    assert his["risk_plan_reviews"][0]["risks"] == ["Synthetic risk of his"]
    assert his["exit_reason"] == "Disengaged: in custody"
    hers = str(subject_access_export(victim.person, by=cast["administrator"]))
    assert "Synthetic summary" not in hers and "Synthetic risk" not in hers


def test_the_audit_log_holds_his_assessment_and_plan_with_his_provider_on_its_own_side(cast):
    from dapi.cases.holdings import HOLDINGS
    from dapi.cases.tests.builders import org

    with on_1_june_2023:
        case, _, _ = tatc_case(cast)
        made = record(case, cast["perpetrator-worker"])
        plan = agree(case, cast["perpetrator-worker"])
    review = plan.reviews.get()
    for model, row in ((PerpetratorAssessment, made), (RiskPlan, plan), (PlanReview, review)):
        def held(name, model=model):
            own, any_side = HOLDINGS[model]({org(name).pk})
            return set(model.objects.filter(own)), set(model.objects.filter(any_side))

        assert held("Harbour Support Services") == ({row}, {row})
        assert held("My Sister's Place") == (set(), {row})
        assert held("Cleveland Police") == (set(), set())
