"""Screening: each rule kind met, not met or not known, explained in words."""

from datetime import date

import pytest

from dapi.cases.eligibility import (
    ELIGIBLE, MET, NEEDS_INFORMATION, NOT_ELIGIBLE, NOT_KNOWN, NOT_MET, Facts, screen,
)

ON = date(2024, 5, 1)
CLEVELAND = [("dash_below", {"threshold": 14}), ("marac_not_met", {}), ("outside_matac_top", {"n": 20}),
             ("complex_needs", {"minimum": 1}), ("in_programme_area", {})]


def facts(**overrides) -> Facts:
    base = {"on": ON, "dash_score": 9, "marac_criteria_met": False, "matac_checked": True, "matac_rank": None,
                "needs_checked": True, "complex_needs": ("Housing",), "area": "Hartlepool",
                "programme_areas": ("Hartlepool", "Middlesbrough"), "age": 30, "caution_type": "conditional",
                "history_checked": True, "previous_da_sanction_on": None, "offence": "CA",
                "offence_names": {"CA": "Common assault"}}
    base.update(overrides)
    return Facts(**base)


def one(kind, parameters, **overrides):
    result = screen([(kind, parameters)], facts(**overrides)).results[0]
    return result.outcome, result.explanation


def test_dash_15_is_not_eligible_and_says_it_meets_the_marac_threshold():
    screening = screen(CLEVELAND, facts(dash_score=15))
    assert screening.outcome == NOT_ELIGIBLE
    assert screening.summary == "not eligible: DASH 15 meets the MARAC threshold (14 or more)"


def test_a_referral_meeting_every_cleveland_rule_is_eligible():
    screening = screen(CLEVELAND, facts())
    assert screening.outcome == ELIGIBLE
    assert [r.outcome for r in screening.results] == [MET] * 5


@pytest.mark.parametrize("score, outcome", [(13, MET), (14, NOT_MET)])
def test_dash_below_threshold_boundary(score, outcome):
    assert one("dash_below", {"threshold": 14}, dash_score=score)[0] == outcome


def test_dash_at_least_for_high_risk_programmes():
    assert one("dash_at_least", {"threshold": 14}, dash_score=14) == (MET, "DASH 14 is at or above 14")
    assert one("dash_at_least", {"threshold": 14}, dash_score=13) == (NOT_MET, "DASH 13 is below 14")


def test_marac_rules():
    assert one("marac_not_met", {}, marac_criteria_met=True) == (NOT_MET, "MARAC criteria are met")
    assert one("marac_met", {}, marac_criteria_met=True) == (MET, "MARAC criteria are met")
    assert one("marac_not_met", {}, marac_criteria_met=None)[0] == NOT_KNOWN


@pytest.mark.parametrize("rank, outcome, words", [
    (20, NOT_MET, "ranked 20th on the area's MATAC list, inside the top 20"),
    (21, MET, "ranked 21st on the area's MATAC list, outside the top 20"),
    (None, MET, "not on the area's MATAC list, so outside the top 20"),
    (2, NOT_MET, "ranked 2nd on the area's MATAC list, inside the top 20"),
    (13, NOT_MET, "ranked 13th on the area's MATAC list, inside the top 20"),
])
def test_outside_the_matac_top_n(rank, outcome, words):
    assert one("outside_matac_top", {"n": 20}, matac_rank=rank) == (outcome, words)


def test_inside_the_matac_top_n_is_the_opposite():
    assert one("inside_matac_top", {"n": 20}, matac_rank=3)[0] == MET
    assert one("inside_matac_top", {"n": 20}, matac_rank=30)[0] == NOT_MET


def test_matac_list_not_checked_is_not_known():
    assert one("outside_matac_top", {"n": 20}, matac_checked=False) == (
        NOT_KNOWN, "the area's MATAC list has not been checked")


def test_complex_needs():
    assert one("complex_needs", {"minimum": 2}, complex_needs=("Housing",)) == (
        NOT_MET, "1 complex unmet need (Housing); at least 2 required")
    assert one("complex_needs", {"minimum": 1}, needs_checked=False)[0] == NOT_KNOWN


def test_lives_in_the_programme_area():
    assert one("in_programme_area", {}, area="Leicester") == (
        NOT_MET, "lives in Leicester, outside the programme's areas (Hartlepool, Middlesbrough)")
    assert one("in_programme_area", {}, area=None)[0] == NOT_KNOWN


@pytest.mark.parametrize("age, outcome", [(17, NOT_MET), (18, MET)])
def test_minimum_age(age, outcome):
    assert one("age_at_least", {"years": 18}, age=age)[0] == outcome


def test_caution_type():
    assert one("caution_type", {"types": ["conditional", "diversionary"]}, caution_type="simple") == (
        NOT_MET, "simple caution; requires conditional caution or diversionary caution")
    assert one("caution_type", {"types": ["conditional"]}, caution_type="")[0] == NOT_KNOWN


@pytest.mark.parametrize("sanction, outcome", [(date(2022, 5, 2), NOT_MET), (date(2022, 5, 1), MET), (None, MET)])
def test_no_domestic_abuse_caution_or_conviction_within_two_years(sanction, outcome):
    assert one("no_recent_da_sanction", {"years": 2}, previous_da_sanction_on=sanction)[0] == outcome


def test_history_not_checked_is_not_known():
    assert one("no_recent_da_sanction", {"years": 2}, history_checked=False)[0] == NOT_KNOWN


def test_offence_in_allowed_list_uses_the_offence_name():
    assert one("offence_in", {"codes": ["CA", "CD"]}) == (MET, "offence Common assault is in the allowed list")
    assert one("offence_in", {"codes": ["CD"]})[0] == NOT_MET


def test_not_known_facts_ask_for_more_information_rather_than_guessing():
    screening = screen(CLEVELAND, facts(dash_score=None))
    assert screening.outcome == NEEDS_INFORMATION
    assert screening.summary == "more information needed: no DASH score recorded"


def test_a_failed_rule_outweighs_a_missing_fact():
    assert screen(CLEVELAND, facts(dash_score=None, area="Leicester")).outcome == NOT_ELIGIBLE
