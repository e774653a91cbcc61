"""Outcome measures: incidents and harm a year before and after entry; rescoring every 28 days."""

from datetime import date

from dapi.identification.engine import before_after, default_profile, read_incidents, rescore_series

from .engine_helpers import write_csv

P = default_profile()


def incidents(tmp_path):
    return read_incidents(write_csv(tmp_path, [
        ("I1", "2023-01-01", "H", "P1", "V1", "ABH", 30),   # a year before entry on 2024-01-01: before
        ("I2", "2022-12-31", "H", "P1", "V1", "GBH", 30),   # a year and a day before: outside
        ("I3", "2023-12-31", "H", "P1", "V1", "NCI", 30),   # the day before entry: before
        ("I4", "2024-01-01", "H", "P1", "V2", "CA", 30),    # entry day: after
        ("I4", "2024-01-01", "H", "P1", "V2", "STK", 30),   # same incident, worse row
        ("I5", "2024-12-31", "H", "P1", "V2", "CD", 30),    # the last day of the year from entry: after
        ("I6", "2025-01-01", "H", "P1", "V2", "GBH", 30),   # outside the after-year
        ("I7", "2024-02-01", "H", "P2", "V9", "GBH", 30),   # someone else
    ]), P)


def test_incidents_and_harm_the_year_before_and_after_entry(tmp_path):
    result = before_after(incidents(tmp_path), "P1", date(2024, 1, 1), date(2025, 6, 1), P)
    # before: ABH 365 + NCI 1; after: I4 at its worse row (STK 30) + CD 2
    assert result == {"incidents_before": 2, "harm_before": 366.0, "incidents_after": 2, "harm_after": 32.0,
                      "days_after": 366, "days_in_year": 366}


def test_the_after_year_counts_only_to_the_as_of_date(tmp_path):
    result = before_after(incidents(tmp_path), "P1", date(2024, 1, 1), date(2024, 6, 30), P)
    assert (result["incidents_after"], result["days_after"]) == (1, 182)  # 1 Jan to 30 Jun 2024 (leap year)


def test_rescoring_at_entry_every_28_days_and_at_exit(tmp_path):
    series = rescore_series(incidents(tmp_path), "P1", date(2024, 1, 1), date(2024, 3, 15), date(2025, 1, 1), P)
    assert [p["on"] for p in series] == [date(2024, 1, 1), date(2024, 1, 29), date(2024, 2, 26), date(2024, 3, 15)]
    assert series[0]["incidents"] == 4 and series[0]["recency"] == 100  # I1-I4 are inside the 730-day window
    assert series[1]["recency"] == 100 and series[2]["recency"] == 80  # 28 then 56 days since the last incident
