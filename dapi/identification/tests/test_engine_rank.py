"""Ranking within areas, top N, and every tie-break step, each decided by real incidents.

Each tie-break test is built so that every later rule (and the id) would order the two people
the other way: only the rule under test can put them in the expected order.
"""

import json
from importlib import resources
from pathlib import Path

import pytest

from dapi.identification.engine import (RANKED, TIE_BREAK, default_profile, parse_profile, rank, rank_file,
                                        rank_incidents, read_incidents, score)

from .engine_helpers import T, ago, write_csv


def profile_with(**changes):
    data = json.loads(resources.files("dapi.identification.engine.profiles").joinpath("rfgv-default.json").read_text())
    for key, value in changes.items():
        data[key] = value
    return parse_profile(data)


def ranked(tmp_path, rows, top=20, profile=None):
    profile = profile or default_profile()
    scores = score(read_incidents(write_csv(tmp_path, rows), profile), T, profile)
    return [(r["area"], r["rank"], r["perpetrator_id"]) for r in rank(scores, top).iter_rows(named=True)]


def scored(tmp_path, rows, profile=None):
    profile = profile or default_profile()
    return {r["perpetrator_id"]: r for r in score(read_incidents(write_csv(tmp_path, rows), profile), T,
                                                   profile).iter_rows(named=True)}


def pair(pid, days, offence="NCI", area="Hartlepool"):
    return [(f"{pid}a", ago(days), area, pid, f"{pid}v", offence, 30),
            (f"{pid}b", ago(days + 1), area, pid, f"{pid}v", "NCI", 30)]


def test_only_eligible_perpetrators_are_ranked_per_area_and_areas_are_alphabetical(tmp_path):
    rows = pair("P1", 5, area="Stockton-on-Tees") + pair("P2", 5, "ABH") + pair("P4", 9, area="Darlington") + [
        ("X1", ago(3), "Hartlepool", "P3", "V", "GBH", 30)]   # one incident: not eligible
    assert ranked(tmp_path, rows) == [("Darlington", 1, "P4"), ("Hartlepool", 1, "P2"), ("Stockton-on-Tees", 1, "P1")]


def test_a_higher_score_ranks_first_and_ranks_restart_in_each_area(tmp_path):
    rows = pair("P1", 5) + pair("P2", 5, "CA") + pair("P3", 5, area="Middlesbrough") + pair("P4", 5, "CD")
    assert ranked(tmp_path, rows) == [("Hartlepool", 1, "P2"), ("Hartlepool", 2, "P4"), ("Hartlepool", 3, "P1"),
                                      ("Middlesbrough", 1, "P3")]


def test_only_the_top_n_of_each_area_are_kept(tmp_path):
    rows = pair("P1", 5) + pair("P2", 5, "CA") + pair("P3", 5, "ABH") + pair("P4", 5, area="Middlesbrough")
    assert ranked(tmp_path, rows, top=2) == [("Hartlepool", 1, "P3"), ("Hartlepool", 2, "P2"),
                                             ("Middlesbrough", 1, "P4")]
    # Identical people tie on everything but the id: the top 1 is still exactly one person.
    assert ranked(tmp_path, pair("P9", 5) + pair("P8", 5), top=1) == [("Hartlepool", 1, "P8")]


def test_equal_scores_go_to_the_higher_gravity(tmp_path):
    # A cap of 99 days makes G exactly 0 (H = 0) or 100 (H = 99), so different points can tie.
    harm = {**{c: {"days": d, "name": c} for c, d in default_profile().harm.items()},
            "Z0": {"days": 0, "name": "No harm (test)"}, "H99": {"days": 99, "name": "99 days (test)"}}
    profile = profile_with(gravity_cap_days=99, harm=harm)
    p2 = [("A1", ago(600), "H", "P2", "VA", "H99", 30), ("A2", ago(610), "H", "P2", "VA", "Z0", 30)]
    p1 = [(f"B{i}", ago(1), "H", "P1", f"VB{i}", "Z0", 30) for i in range(4)]
    s = scored(tmp_path, p1 + p2, profile)
    # P2: R 10 + F 30 + V 20 = 60, G 100: (60 + 2 x 100) / 5 = 52.  P1: R 100 + F 60 + V 100 = 260, G 0: 52.
    assert (s["P2"]["gravity"], s["P1"]["gravity"], s["P2"]["score"], s["P1"]["score"]) == (100.0, 0.0, 52.0, 52.0)
    assert ranked(tmp_path, p1 + p2, profile=profile) == [("H", 1, "P2"), ("H", 2, "P1")]


def test_equal_scores_and_gravity_go_to_more_victims(tmp_path):
    # P1: latest 5 days ago, 2 victims: R 100 + F 30 + V 60 = 190. P2: latest 40 days ago, 3 victims:
    # R 80 + F 30 + V 80 = 190. Both H 20 (CA + CA). P2 has more victims; P1 is more recent and has the lower id.
    rows = [("A1", ago(5), "H", "P1", "VA1", "CA", 30), ("A2", ago(6), "H", "P1", "VA2", "CA", 30),
            ("B1", ago(40), "H", "P2", "VB1", "CA", 30), ("B1", ago(40), "H", "P2", "VB2", "CA", 30),
            ("B2", ago(41), "H", "P2", "VB3", "CA", 30)]
    s = scored(tmp_path, rows)
    assert s["P1"]["score"] == s["P2"]["score"] and s["P1"]["gravity"] == s["P2"]["gravity"]
    assert ranked(tmp_path, rows) == [("H", 1, "P2"), ("H", 2, "P1")]


def test_then_the_more_recent_latest_incident(tmp_path):
    # Both R 100, F 30, V 20, H 2; P2's latest incident is 5 days ago, P1's 10.
    rows = pair("P1", 10) + pair("P2", 5)
    s = scored(tmp_path, rows)
    assert s["P1"]["score"] == s["P2"]["score"] and s["P1"]["last_incident"] < s["P2"]["last_incident"]
    assert ranked(tmp_path, rows) == [("Hartlepool", 1, "P2"), ("Hartlepool", 2, "P1")]


def test_then_the_higher_frequency(tmp_path):
    # With F weighted 0, F can differ between equal scores. P1: CD + CD (H 4, F 30); P2: NCI + NCI + CD
    # (H 4, F 45); both latest 5 days ago, one victim.
    profile = profile_with(weights={"recency": 0.4, "frequency": 0, "gravity": 0.4, "victims": 0.2})
    rows = [("A1", ago(5), "H", "P1", "V1", "CD", 30), ("A2", ago(5), "H", "P1", "V1", "CD", 30),
            ("B1", ago(5), "H", "P2", "V2", "NCI", 30), ("B2", ago(5), "H", "P2", "V2", "NCI", 30),
            ("B3", ago(5), "H", "P2", "V2", "CD", 30)]
    s = scored(tmp_path, rows, profile)
    assert s["P1"]["score"] == s["P2"]["score"] and (s["P1"]["frequency"], s["P2"]["frequency"]) == (30, 45)
    assert ranked(tmp_path, rows, profile=profile) == [("H", 1, "P2"), ("H", 2, "P1")]


def test_then_the_perpetrator_id_ascending(tmp_path):
    assert ranked(tmp_path, pair("P2", 5) + pair("P10", 5) + pair("P1", 5)) == [
        ("Hartlepool", 1, "P1"), ("Hartlepool", 2, "P10"), ("Hartlepool", 3, "P2")]


def test_the_tie_break_order_is_as_published():
    assert TIE_BREAK == [("score", True), ("gravity", True), ("victims", True), ("last_incident", True),
                         ("frequency", True), ("perpetrator_id", False)]


def test_a_ranked_row_keeps_every_component(tmp_path):
    frame = rank(score(read_incidents(write_csv(tmp_path, pair("P1", 5)), default_profile()), T,
                       default_profile()), 20)
    assert frame.columns == RANKED and frame.row(0, named=True)["profile_version"] == "rfgv-default-1"


def test_ranking_straight_from_incidents_gives_the_same_frame(tmp_path):
    p = default_profile()
    rows = pair("P1", 5) + pair("P2", 5, "CA") + pair("P3", 40, "SA", "Middlesbrough") + pair("P4", 5)
    incidents = read_incidents(write_csv(tmp_path, rows), p)
    assert rank_incidents(incidents, T, p, 2).equals(rank(score(incidents, T, p), 2))


def test_top_n_must_be_at_least_one(tmp_path):
    with pytest.raises(ValueError, match="top_n must be 1 or more"):
        rank(score(read_incidents(write_csv(tmp_path, pair("P1", 5)), default_profile()), T, default_profile()), 0)


def test_ranking_a_file_in_one_pass_gives_the_same_frame_even_when_hashes_collide():
    p, path = default_profile(), Path(__file__).parent / "data" / "small.csv"
    expected = rank(score(read_incidents(path, p), T, p), 20)
    assert expected.height == 6
    # With 3-bit hashes the collisions are found and the file is ranked in memory instead.
    assert rank_file(path, T, p).equals(expected) and rank_file(path, T, p, key_bits=3).equals(expected)
    # The same in parts of a few rows, each holding whole perpetrators, and with collisions in a part.
    assert rank_file(path, T, p, part_rows=4).equals(expected)
    assert rank_file(path, T, p, part_rows=4, key_bits=3).equals(expected)


def test_many_identical_histories_are_ordered_by_id_alone(tmp_path):
    rows = [row for i in range(60) for row in pair(f"P{i:02d}", 5)]
    assert [pid for _, _, pid in ranked(tmp_path, rows, top=60)] == [f"P{i:02d}" for i in range(60)]
