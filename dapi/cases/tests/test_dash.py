"""DASH scoring, grading and MARAC referral criteria exactly as DOMAIN.md §5."""

from datetime import date

import pytest

from dapi.cases import dash
from dapi.cases.dash import DashError, MaracRules, assess


def answers(yes: int, not_known: int = 0) -> dict:
    values = ["yes"] * yes + ["not_known"] * not_known
    values += ["no"] * (24 - len(values))
    return {str(n): values[n - 1] for n in range(1, 25)}


def test_there_are_exactly_24_items_numbered_1_to_24():
    assert list(dash.DASH_ITEMS) == list(range(1, 25))


@pytest.mark.parametrize("yes, grade", [(0, "standard"), (9, "standard"), (10, "medium"), (13, "medium"),
                                        (14, "high"), (24, "high")])
def test_the_grade_follows_the_count_of_yes_answers(yes, grade):
    result = assess(answers(yes))
    assert (result.score, result.computed_grade, result.grade) == (yes, grade, grade)


def test_not_known_answers_do_not_count_towards_the_score():
    assert assess(answers(9, not_known=10)).score == 9


def test_fourteen_yes_answers_mean_a_marac_referral_and_thirteen_do_not():
    assert assess(answers(14)).marac_referral is True
    assert assess(answers(14)).marac_reasons == ["14 'yes' answers: visible high risk (14 or more)"]
    assert assess(answers(13)).marac_referral is False


def test_professional_judgement_may_raise_the_grade_with_a_reason_and_refers_to_marac():
    result = assess(answers(5), judgement_grade="high", judgement_reason="Escalating threats reported by school")
    assert (result.computed_grade, result.grade, result.marac_referral) == ("standard", "high", True)
    assert result.marac_reasons == ["professional judgement: high risk"]


def test_professional_judgement_raising_to_medium_does_not_refer_to_marac():
    result = assess(answers(5), judgement_grade="medium", judgement_reason="Worker concern")
    assert (result.grade, result.marac_referral) == ("medium", False)


def test_professional_judgement_can_never_lower_the_grade():
    with pytest.raises(DashError) as e:
        assess(answers(15), judgement_grade="medium", judgement_reason="Seems calmer")
    assert "never lower" in e.value.errors["judgement_grade"]


def test_professional_judgement_needs_a_reason():
    with pytest.raises(DashError) as e:
        assess(answers(5), judgement_grade="high")
    assert "reason" in e.value.errors["judgement_reason"]


def test_every_item_must_be_answered_with_yes_no_or_not_known():
    partial = answers(3)
    del partial["24"]
    partial["7"] = "maybe"
    partial["25"] = "yes"
    with pytest.raises(DashError) as e:
        assess(partial)
    assert e.value.errors["answers"] == "Answer every item; missing: 24."
    assert "7" in e.value.errors["values"]
    assert "not 25" in e.value.errors["items"]


def test_three_events_within_365_days_is_escalation():
    incident = date(2024, 3, 1)
    events = [date(2023, 3, 3), date(2023, 9, 1), incident]  # 2023-03-03 is day 365 counting back
    result = assess(answers(3), incident_on=incident, da_event_dates=events)
    assert result.marac_referral is True
    assert result.marac_reasons == ["escalation: 3 domestic abuse events in 365 days (3 or more)"]


def test_an_event_366_days_back_does_not_count_towards_escalation():
    incident = date(2024, 3, 1)
    events = [date(2023, 3, 2), date(2023, 9, 1), incident]
    assert assess(answers(3), incident_on=incident, da_event_dates=events).marac_referral is False


def test_escalation_threshold_is_configurable():
    incident = date(2024, 3, 1)
    events = [date(2023, 9, 1), incident]
    assert assess(answers(3), incident_on=incident, da_event_dates=events,
                  rules=MaracRules(events=2)).marac_referral is True


def test_a_new_incident_within_12_months_of_the_last_marac_referral_is_a_repeat():
    result = assess(answers(2), incident_on=date(2024, 2, 29), last_marac_referral_on=date(2023, 3, 1))
    assert result.marac_referral is True
    assert result.marac_reasons[0].startswith("repeat: a new incident within 365 days")


def test_an_incident_after_12_months_is_not_a_repeat():
    assert assess(answers(2), incident_on=date(2024, 3, 1),
                  last_marac_referral_on=date(2023, 3, 1)).marac_referral is False


def test_every_criterion_that_applies_is_listed():
    incident = date(2024, 3, 1)
    result = assess(answers(15), incident_on=incident, da_event_dates=[date(2024, 1, 1), date(2024, 2, 1), incident],
                    last_marac_referral_on=date(2023, 12, 1))
    assert len(result.marac_reasons) == 3


def test_three_police_incidents_within_365_days_escalate_and_say_so():
    incident = date(2024, 3, 1)
    police = [date(2023, 3, 3), date(2023, 9, 1), incident]  # the DASH's incident is one of them
    result = assess(answers(3), incident_on=incident, da_event_dates=[incident], police_incident_dates=police)
    assert result.marac_referral is True
    assert result.marac_reasons == ["escalation: 3 police incidents in 365 days (3 or more domestic abuse events)"]


def test_two_police_incidents_and_the_dash_incident_on_one_of_their_days_do_not_escalate():
    incident = date(2024, 3, 1)
    result = assess(answers(3), incident_on=incident, da_event_dates=[incident],
                    police_incident_dates=[date(2023, 9, 1), incident, incident])  # two on one day: one event
    assert result.marac_referral is False and result.marac_reasons == []


def test_police_incidents_with_earlier_dash_incidents_escalate_and_say_how_many_were_police():
    incident = date(2024, 3, 1)
    result = assess(answers(3), incident_on=incident, da_event_dates=[date(2023, 6, 1), incident],
                    police_incident_dates=[date(2023, 9, 1), date(2022, 1, 1), date(2024, 3, 2)])
    assert result.marac_reasons == ["escalation: 3 domestic abuse events in 365 days (3 or more), "
                                    "1 of them police incidents"]


def test_police_incidents_that_repeat_the_dash_dates_leave_the_reason_as_before():
    incident = date(2024, 3, 1)
    events = [date(2023, 3, 3), date(2023, 9, 1), incident]
    result = assess(answers(3), incident_on=incident, da_event_dates=events, police_incident_dates=[date(2023, 9, 1)])
    assert result.marac_reasons == ["escalation: 3 domestic abuse events in 365 days (3 or more)"]


def test_police_incidents_count_only_with_an_incident_date_as_before():
    police = [date(2023, 9, 1), date(2023, 10, 1), date(2023, 11, 1)]
    assert assess(answers(3), police_incident_dates=police).marac_referral is False
