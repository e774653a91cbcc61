"""The comparison group's matching and its difference in change with a bootstrap interval, on tiny
hand-made incident files (engine/comparison.py: no Django)."""

import random
from datetime import date, timedelta

import pytest

from dapi.identification.engine import default_profile, read_incidents
from dapi.identification.engine.comparison import band_label, band_of, difference_in_change, match

from .engine_helpers import write_csv

ENTRY = date(2023, 6, 1)
AS_OF = date(2024, 3, 31)


def on(days: int) -> str:
    """A date `days` after entry (before it when negative)."""
    return (ENTRY + timedelta(days=days)).isoformat()


def two_assaults_before(pid: str, area: str = "Hartlepool", after: int = 0, harm: str = "CA") -> list[tuple]:
    """Two common assaults on one victim 100 and 50 days before entry (RFGV 42.2 on the entry date:
    R 80, F 30, G 40.5, V 20), then `after` incidents of `harm` after entry."""
    rows = [(f"{pid}-b1", on(-100), area, pid, f"V-{pid}", "CA", 30),
            (f"{pid}-b2", on(-50), area, pid, f"V-{pid}", "CA", 30)]
    return rows + [(f"{pid}-a{i}", on(20 * (i + 1)), area, pid, f"V-{pid}", harm, 30) for i in range(after)]


def frame(tmp_path, rows):
    profile = default_profile()
    return read_incidents(write_csv(tmp_path, rows), profile), profile


def test_comparators_are_unreferred_ranked_perpetrators_of_the_same_band_and_area(tmp_path):
    rows = (two_assaults_before("P1") + two_assaults_before("C1", after=2) + two_assaults_before("C2", after=1)
            + two_assaults_before("R1", after=5)          # referred before: never a comparator
            + two_assaults_before("X1", area="Stockton-on-Tees", after=4)  # another area
            + [(f"H{i}", on(-10 * i), "Hartlepool", "H1", f"W{i}", "GBH", 30) for i in range(1, 6)]  # higher band
            + [("S1", on(-30), "Hartlepool", "S1", "V", "CA", 30)])  # one incident: not ranked
    incidents, profile = frame(tmp_path, rows)
    people, comparators = match(incidents, [(7, "P1", ENTRY)], excluded={"R1"}, as_of=AS_OF, profile=profile)
    assert people[0]["band"] == 40 and people[0]["area"] == "Hartlepool"
    assert (people[0]["incidents_before"], people[0]["incidents_after"], people[0]["harm_before"]) == (2, 0, 20)
    assert [(c["key"], c["perpetrator_id"], c["incidents_before"], c["incidents_after"]) for c in comparators] == [
        (7, "C1", 2, 2), (7, "C2", 2, 1)]
    assert comparators[0]["harm_after"] == 20 and comparators[1]["harm_after"] == 10


def test_the_nearest_scores_are_kept_ties_by_identifier(tmp_path):
    # C3's latest assault is 20 days before entry: R 100, so he scores 46.2, in P1's band but further away.
    rows = (two_assaults_before("P1") + two_assaults_before("C3") + two_assaults_before("C2")
            + two_assaults_before("C1"))
    rows = [(r[0], on(-20), *r[2:]) if r[0] == "C3-b2" else r for r in rows]
    incidents, profile = frame(tmp_path, rows)
    _, comparators = match(incidents, [(1, "P1", ENTRY)], excluded=(), as_of=AS_OF, profile=profile, per_case=3)
    assert [(c["perpetrator_id"], round(c["score"], 1)) for c in comparators] == [
        ("C1", 42.2), ("C2", 42.2), ("C3", 46.2)]
    _, comparators = match(incidents, [(1, "P1", ENTRY)], excluded=(), as_of=AS_OF, profile=profile, per_case=2)
    assert [c["perpetrator_id"] for c in comparators] == ["C1", "C2"]


def test_someone_not_ranked_on_his_entry_date_is_unmatched(tmp_path):
    rows = two_assaults_before("C1") + [("P1-1", on(-400), "Hartlepool", "P1", "V", "CA", 30)]
    incidents, profile = frame(tmp_path, rows)
    people, comparators = match(incidents, [(1, "P1", ENTRY)], excluded=(), as_of=AS_OF, profile=profile)
    assert people[0]["band"] is None and comparators == []
    assert people[0]["incidents_before"] == 0  # the incident is over 12 months before entry


def test_bands_are_ten_points_wide_and_a_full_score_is_in_the_top_one():
    assert [band_of(s) for s in (0, 9.99, 10, 42.2, 89.9, 90, 100)] == [0, 0, 10, 40, 80, 90, 90]
    assert band_label(40) == "40 to under 50" and band_label(90) == "90 to 100"


def test_the_difference_in_change_is_the_mean_of_each_persons_change_less_his_comparators():
    result = difference_in_change([(-3, [0, 1, -1]), (-2, [2, 0]), (1, [4])])
    assert result.estimate == pytest.approx(((-3 - 0) + (-2 - 1) + (1 - 4)) / 3)
    assert result.low <= result.estimate <= result.high and result.resamples == 2000


def test_the_bootstrap_is_reproducible_and_its_interval_contains_a_known_effect():
    # People and comparators drawn from the same distribution of change; the programme's effect is
    # a fall of 2 incidents for its people. The estimate varies by chance; the interval holds -2.
    rng = random.Random(5)
    pairs = [(rng.gauss(0, 2) - 2, [rng.gauss(0, 2) for _ in range(rng.randint(1, 10))]) for _ in range(60)]
    first = difference_in_change(pairs)
    assert first == difference_in_change(pairs)  # same seed, same pairs: same interval
    assert first.low < -2 < first.high and first.high - first.low < 3
    assert difference_in_change(pairs, seed=18) != first
    assert difference_in_change([]) is None
    with pytest.raises(ValueError):
        difference_in_change([(1, [])])
