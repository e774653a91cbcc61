"""RFGV components and score, hand-computed at every band boundary (DOMAIN.md section 4)."""

import math

import pytest

from .engine_helpers import ago, one


def incidents(pid, n, days_ago=1, offence="NCI", victims=1, area="Hartlepool", age=30):
    return [(f"{pid}-I{i}", ago(days_ago + i * 0), area, pid, f"{pid}-V{i % victims}", offence, age)
            for i in range(n)]


@pytest.mark.parametrize("d, points", [(0, 100), (28, 100), (29, 80), (91, 80), (92, 60), (182, 60), (183, 40),
                                       (365, 40), (366, 20), (548, 20), (549, 10), (729, 10)])
def test_recency_bands(tmp_path, d, points):
    row = one(tmp_path, [("I1", ago(d), "Hartlepool", "P1", "V1", "NCI", 30),
                         ("I2", ago(729), "Hartlepool", "P1", "V1", "NCI", 30)])
    assert (row["days_since"], row["recency"]) == (d, points)


@pytest.mark.parametrize("n, points", [(1, 10), (2, 30), (3, 45), (4, 60), (5, 75), (6, 75), (7, 90), (8, 90),
                                       (9, 90), (10, 100), (14, 100)])
def test_frequency_bands(tmp_path, n, points):
    row = one(tmp_path, incidents("P1", n))
    assert (row["incidents"], row["frequency"]) == (n, points)


@pytest.mark.parametrize("k, points", [(1, 20), (2, 60), (3, 80), (4, 100), (6, 100)])
def test_victim_bands(tmp_path, k, points):
    row = one(tmp_path, incidents("P1", 6, victims=k))
    assert (row["victim_count"], row["victims"]) == (k, points)


@pytest.mark.parametrize("offence, h", [("NCI", 1), ("SA", 182.25), ("GBH", 1095), ("HOM", 5475)])
def test_gravity_is_log_harm_capped_at_100(tmp_path, offence, h):
    row = one(tmp_path, incidents("P1", 1, offence=offence))
    expected = min(100.0, 100 * math.log10(1 + h) / math.log10(1 + 1825))
    assert row["harm_days"] == h and row["gravity"] == pytest.approx(expected, abs=1e-12)


def test_the_score_weights_the_components(tmp_path):
    # P1: 2 incidents (CA 10 + ABH 365), 2 victims, latest 29 days ago.
    row = one(tmp_path, [("I1", ago(29), "Hartlepool", "P1", "V1", "CA", 30),
                         ("I2", ago(40), "Hartlepool", "P1", "V2", "ABH", 30)])
    g = 100 * math.log10(376) / math.log10(1826)
    assert (row["recency"], row["frequency"], row["victims"]) == (80, 30, 60)
    assert row["score"] == pytest.approx(0.2 * 80 + 0.2 * 30 + 0.4 * g + 0.2 * 60, abs=1e-12)
    assert f"{row['score']:.4f}" == "65.5829"  # G = 100 log10(376) / log10(1826) = 78.9571


def test_window_edges(tmp_path):
    rows = [("I1", ago(730), "Hartlepool", "P1", "V1", "GBH", 30),   # T - 730: outside
            ("I2", ago(729), "Hartlepool", "P1", "V1", "NCI", 30),   # inside
            ("I3", ago(0), "Hartlepool", "P1", "V1", "NCI", 30),     # T: inside
            ("I4", ago(-1), "Hartlepool", "P1", "V1", "GBH", 30)]    # T + 1: outside
    row = one(tmp_path, rows)
    assert (row["incidents"], row["harm_days"], row["days_since"]) == (2, 2, 0)


def test_a_multi_row_incident_counts_once_at_its_most_harmful_row(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Hartlepool", "P1", "V1", "CA", 30),
                         ("I1", ago(5), "Hartlepool", "P1", "V1", "NFS", 30),
                         ("I1", ago(5), "Hartlepool", "P1", "V2", "CD", 30)])
    assert (row["incidents"], row["harm_days"], row["victim_count"]) == (1, 365, 2)


def test_rows_under_16_are_ignored_and_a_missing_age_counts(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Hartlepool", "P1", "V1", "GBH", 15),
                         ("I2", ago(6), "Hartlepool", "P1", "V1", "NCI", 16),
                         ("I3", ago(7), "Hartlepool", "P1", "V1", "CA", None)])
    assert (row["incidents"], row["harm_days"]) == (2, 11)


def test_eligible_from_two_incidents_and_serial_from_two_victims(tmp_path):
    single = one(tmp_path, incidents("P1", 1))
    assert (single["eligible"], single["serial"]) == (False, False)
    double = one(tmp_path, incidents("P1", 2, victims=2))
    assert (double["eligible"], double["serial"]) == (True, True)


def test_the_area_is_the_latest_incidents(tmp_path):
    row = one(tmp_path, [("I1", ago(5), "Middlesbrough", "P1", "V1", "NCI", 30),
                         ("I2", ago(50), "Hartlepool", "P1", "V1", "NCI", 30),
                         ("I3", ago(60), "Hartlepool", "P1", "V1", "NCI", 30)])
    assert row["area"] == "Middlesbrough"


def test_an_area_tie_goes_to_the_area_with_more_incidents_then_alphabetical(tmp_path):
    tie = [("I1", ago(5), "Middlesbrough", "P1", "V1", "NCI", 30), ("I2", ago(5), "Hartlepool", "P1", "V1", "NCI", 30)]
    assert one(tmp_path, tie + [("I3", ago(90), "Middlesbrough", "P1", "V1", "NCI", 30)])["area"] == "Middlesbrough"
    assert one(tmp_path, tie)["area"] == "Hartlepool"


def test_the_profile_version_is_kept_on_every_row(tmp_path):
    assert one(tmp_path, incidents("P1", 2))["profile_version"] == "rfgv-default-1"
