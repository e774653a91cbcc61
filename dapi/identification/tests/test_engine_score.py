"""RFGV components and score, hand-computed at every boundary (DOMAIN.md section 4).

T is 31 Mar 2024 throughout; `ago(d)` is the date d days before T. G(H) = 100 log10(1 + H) /
log10(1826), capped at 100; the score is 0.2 R + 0.2 F + 0.4 G + 0.2 V.
"""

import math

import polars as pl
import pytest

from dapi.identification.engine import default_profile, perpetrators, points, read_incidents, score

from .engine_helpers import T, ago, one, scores_of, write_csv


def incidents(pid, n, days_ago=1, offence="NCI", victims=1, area="Hartlepool", age=30):
    """n incidents of one perpetrator on the same day, victims taken in turn."""
    return [(f"{pid}-I{i}", ago(days_ago), area, pid, f"{pid}-V{i % victims}", offence, age) for i in range(n)]


@pytest.mark.parametrize("d, points", [(0, 100), (28, 100), (29, 80), (91, 80), (92, 60), (182, 60), (183, 40),
                                       (365, 40), (366, 20), (548, 20), (549, 10), (729, 10)])
def test_recency_bands_at_each_boundary(tmp_path, d, points):
    row = one(tmp_path, [("I1", ago(d), "Hartlepool", "P1", "V1", "NCI", 30),
                         ("I2", ago(729), "Hartlepool", "P1", "V1", "NCI", 30)])
    assert (row["days_since"], row["recency"]) == (d, points)


@pytest.mark.parametrize("d", [730, 731])
def test_an_incident_730_or_731_days_before_is_outside_the_window(tmp_path, d):
    rows = [("I1", ago(d), "Hartlepool", "P1", "V1", "GBH", 30), ("I2", ago(5), "Hartlepool", "P2", "V2", "CA", 30)]
    assert one(tmp_path, rows) is None and one(tmp_path, rows, pid="P2")["incidents"] == 1


def test_the_window_edges(tmp_path):
    row = one(tmp_path, [("I1", ago(730), "Hartlepool", "P1", "V1", "GBH", 30),   # T - 730: outside
                         ("I2", ago(729), "Hartlepool", "P1", "V2", "NCI", 30),   # T - 729: inside
                         ("I3", ago(0), "Hartlepool", "P1", "V3", "CD", 30),      # T: inside
                         ("I4", ago(-1), "Hartlepool", "P1", "V4", "GBH", 30)])   # T + 1: outside
    assert (row["incidents"], row["victim_count"], row["harm_days"], row["days_since"]) == (2, 2, 3, 0)
    assert row["last_incident"] == T


@pytest.mark.parametrize("n, points", [(1, 10), (2, 30), (3, 45), (4, 60), (5, 75), (6, 75), (7, 90), (8, 90),
                                       (9, 90), (10, 100), (11, 100), (25, 100)])
def test_frequency_bands_for_each_count(tmp_path, n, points):
    row = one(tmp_path, incidents("P1", n))
    assert (row["incidents"], row["frequency"]) == (n, points)


@pytest.mark.parametrize("k, points", [(1, 20), (2, 60), (3, 80), (4, 100), (5, 100)])
def test_victim_bands_for_each_count(tmp_path, k, points):
    row = one(tmp_path, incidents("P1", 6, victims=k))
    assert (row["victim_count"], row["victims"]) == (k, points)


@pytest.mark.parametrize("offences, h, g", [
    (["NCI"], 1, "9.2298"),                  # 100 log10(2) / log10(1826)
    (["CD", "CD", "NCI", "NCI", "HAR"], 16, "37.7265"),  # 100 log10(17) / log10(1826)
    (["SA", "NCI"], 183.25, "69.4591"),
    (["ABH", "CA"], 375, "78.9571"),
    (["GBH", "ABH", "ABH"], 1825, "100.0000"),  # exactly the cap
    (["HOM"], 5475, "100.0000"),                # above the cap: capped
])
def test_gravity_is_the_log_of_harm_days_capped_at_100(tmp_path, offences, h, g):
    rows = [(f"I{i}", ago(5), "Hartlepool", "P1", "V1", o, 30) for i, o in enumerate(offences)]
    row = one(tmp_path, rows)
    assert (row["harm_days"], f"{row['gravity']:.4f}") == (h, g)


def test_the_score_weights_the_components(tmp_path):
    # 2 incidents (CA 10 + ABH 365), 2 victims, latest 29 days ago: R 80, F 30, V 60,
    # G = 100 log10(376) / log10(1826) = 78.957143; 0.2 (80 + 30 + 60) + 0.4 x 78.957143 = 65.582857.
    row = one(tmp_path, [("I1", ago(29), "Hartlepool", "P1", "V1", "CA", 30),
                         ("I2", ago(40), "Hartlepool", "P1", "V2", "ABH", 30)])
    assert (row["recency"], row["frequency"], row["victims"]) == (80, 30, 60)
    assert (row["incidents"], row["victim_count"]) == (2, 2)
    assert (f"{row['gravity']:.6f}", f"{row['score']:.6f}") == ("78.957143", "65.582857")


def test_equal_points_and_equal_harm_give_exactly_equal_scores(tmp_path):
    # R 100 + F 30 + V 60 and R 80 + F 30 + V 80 both add up to 190, with the same H: a tie, to the last bit.
    rows = [("A1", ago(5), "H", "PA", "VA1", "CA", 30), ("A2", ago(6), "H", "PA", "VA2", "CA", 30),
            ("B1", ago(40), "H", "PB", "VB1", "CA", 30), ("B1", ago(40), "H", "PB", "VB2", "CA", 30),
            ("B2", ago(41), "H", "PB", "VB3", "CA", 30)]
    a, b = one(tmp_path, rows, pid="PA"), one(tmp_path, rows, pid="PB")
    assert (a["recency"], a["victims"], b["recency"], b["victims"]) == (100, 60, 80, 80)
    assert a["score"] == b["score"]


def test_a_multi_row_incident_counts_once_at_its_most_harmful_row(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Hartlepool", "P1", "V1", "CA", 30),
                         ("I1", ago(5), "Hartlepool", "P1", "V1", "NFS", 30),
                         ("I1", ago(5), "Hartlepool", "P1", "V2", "CD", 30),
                         ("I2", ago(9), "Hartlepool", "P1", "V1", "NCI", 30)])
    assert (row["incidents"], row["harm_days"], row["victim_count"]) == (2, 366, 2)


def test_rows_under_16_are_ignored_and_16_or_a_missing_age_count(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Hartlepool", "P1", "V1", "GBH", 15),
                         ("I2", ago(6), "Hartlepool", "P1", "V2", "NCI", 16),
                         ("I3", ago(7), "Hartlepool", "P1", "V3", "CA", None),
                         ("I4", ago(8), "Hartlepool", "P1", "V4", "HOM", 15),   # the under-16 row of I4 is ignored,
                         ("I4", ago(8), "Hartlepool", "P1", "V4", "CD", 30)])   # its other row counts
    assert (row["incidents"], row["harm_days"], row["victim_count"], row["days_since"]) == (3, 13, 3, 6)


def test_someone_whose_rows_are_all_under_16_is_not_scored(tmp_path):
    assert one(tmp_path, [("I1", ago(5), "Hartlepool", "P1", "V1", "GBH", 15)]) is None


def test_eligible_from_two_incidents_and_serial_from_two_victims(tmp_path):
    assert [(r["eligible"], r["serial"]) for r in (one(tmp_path, incidents("P1", 1)),
                                                    one(tmp_path, incidents("P1", 2)),
                                                    one(tmp_path, incidents("P1", 2, victims=2)))] == [
        (False, False), (True, False), (True, True)]


def test_the_area_is_the_area_of_the_latest_incident(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Middlesbrough", "P1", "V1", "NCI", 30),
                         ("I2", ago(50), "Hartlepool", "P1", "V1", "NCI", 30),
                         ("I3", ago(60), "Hartlepool", "P1", "V1", "NCI", 30)])
    assert row["area"] == "Middlesbrough"


def test_an_area_tie_goes_to_the_area_with_more_incidents_in_the_window(tmp_path):
    tie = [("I1", ago(5), "Middlesbrough", "P1", "V1", "NCI", 30), ("I2", ago(5), "Hartlepool", "P1", "V1", "NCI", 30)]
    assert one(tmp_path, tie + [("I3", ago(90), "Middlesbrough", "P1", "V1", "NCI", 30)])["area"] == "Middlesbrough"
    # Incidents outside the window do not count towards the tie.
    assert one(tmp_path, tie + [("I3", ago(800), "Middlesbrough", "P1", "V1", "NCI", 30),
                                ("I4", ago(90), "Hartlepool", "P1", "V1", "NCI", 30)])["area"] == "Hartlepool"


def test_an_area_tie_with_as_many_incidents_goes_to_the_alphabetically_first(tmp_path):
    tie = [("I1", ago(5), "Middlesbrough", "P1", "V1", "NCI", 30), ("I2", ago(5), "Hartlepool", "P1", "V1", "NCI", 30),
           ("I3", ago(9), "Stockton-on-Tees", "P1", "V1", "NCI", 30),
           ("I4", ago(9), "Stockton-on-Tees", "P1", "V1", "NCI", 30)]
    # Stockton has most incidents, but only Middlesbrough and Hartlepool have his latest ones.
    assert one(tmp_path, tie)["area"] == "Hartlepool"


def test_every_row_keeps_its_components_and_the_profile_version(tmp_path):
    frame = scores_of(tmp_path, incidents("P1", 2))
    assert frame.columns == ["perpetrator_id", "area", "score", "recency", "frequency", "gravity", "victims",
                             "incidents", "victim_count", "harm_days", "days_since", "last_incident", "eligible",
                             "serial", "profile_version"]
    assert frame["profile_version"].to_list() == ["rfgv-default-1"]


def test_everyone_is_scored_eligible_or_not_in_id_order(tmp_path):
    rows = incidents("P3", 1) + incidents("P1", 2) + incidents("P2", 1, days_ago=800)
    assert [(r["perpetrator_id"], r["eligible"]) for r in scores_of(tmp_path, rows).iter_rows(named=True)] == [
        ("P1", True), ("P3", False)]


def test_the_hashed_path_gives_the_exact_path_s_rows_even_when_hashes_collide(tmp_path):
    p = default_profile()
    rows = [(f"I{i}", ago(i * 7 % 700), ["Hartlepool", "Middlesbrough"][i % 2], f"P{i % 13}", f"V{i % 5}",
             p.offence_codes[i % 14], 30) for i in range(200)]
    frame = read_incidents(write_csv(tmp_path, rows), p)
    exact = perpetrators(frame, T, p, method="exact").sort("perpetrator_id")
    assert exact.height == 13
    # Three-bit hashes collide all the time: the collision is found and the exact path answers.
    for bits in (64, 3):
        assert perpetrators(frame, T, p, method="hashed", key_bits=bits).sort("perpetrator_id").equals(exact)


def test_a_person_is_scored_the_same_from_csv_and_from_a_frame(tmp_path):
    rows = incidents("P1", 3, offence="SA", victims=2)
    p = default_profile()
    assert score(read_incidents(write_csv(tmp_path, rows), p), T, p).equals(scores_of(tmp_path, rows))


@pytest.mark.parametrize("people", [2, 3, 5, 9, 17, 40])
def test_the_same_harm_gives_the_very_same_gravity_wherever_it_falls(people):
    # Polars' vectorised log10 gives the last of three equal values a different last bit; G is
    # computed once per H instead, or the G tie-break would order equal people by rounding noise.
    frame = pl.DataFrame({"harm": [200] * people, "incidents": [2] * people, "victim_count": [1] * people,
                          "days_since": pl.Series([5] * people, dtype=pl.Int32)})
    scored = points(frame, T, default_profile())
    assert scored["gravity"].unique().to_list() == [100 * math.log10(3) / math.log10(1826)]
    assert scored["score"].n_unique() == 1
