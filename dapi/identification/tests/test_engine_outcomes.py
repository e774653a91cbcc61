"""Outcomes of people on a programme: RFGV at entry, every 28 days and at exit; incidents and harm
in the 365 days before and after entry. Entry is 1 Jan 2024 throughout: the before-window is
1 Jan 2023 to 31 Dec 2023 and the after-window 1 Jan 2024 to 30 Dec 2024 (2024 is a leap year)."""

from datetime import date

import pytest

from dapi.identification.engine import (before_after, before_after_entry, default_profile, read_incidents,
                                        rescore_points, rescore_series)
from dapi.identification.engine.outcomes import rescore_dates

from .engine_helpers import write_csv

P = default_profile()
ENTRY = date(2024, 1, 1)
ROWS = [
    ("I1", "2023-01-01", "H", "P1", "V1", "ABH", 30),   # the first day of the before-window
    ("I2", "2022-12-31", "H", "P1", "V1", "GBH", 30),   # the day before it: not counted
    ("I3", "2023-12-31", "H", "P1", "V1", "NCI", 30),   # the day before entry: before
    ("I4", "2024-01-01", "H", "P1", "V2", "CA", 30),    # entry day: after
    ("I4", "2024-01-01", "H", "P1", "V2", "STK", 30),   # the same incident, its worse row: 30 days
    ("I5", "2024-12-30", "H", "P1", "V2", "CD", 30),    # the 365th day from entry: after
    ("I6", "2024-12-31", "H", "P1", "V2", "GBH", 30),   # the 366th: not counted
    ("I7", "2023-06-01", "H", "P1", "V1", "HOM", 15),   # under 16: ignored
    ("I8", "2024-02-01", "H", "P2", "V9", "GBH", 30),   # someone else
]


@pytest.fixture
def incidents(tmp_path):
    return read_incidents(write_csv(tmp_path, ROWS), P)


def test_incidents_and_harm_in_the_365_days_before_and_after_entry(incidents):
    frame = before_after_entry(incidents, [("case-1", "P1", ENTRY, None)], date(2025, 6, 1), P)
    # before: ABH 365 + NCI 1; after: I4 at its worse row (STK 30) + CD 2
    assert frame.to_dicts() == [{"key": "case-1", "perpetrator_id": "P1", "entry": ENTRY, "incidents_before": 2,
                                 "harm_before": 366.0, "incidents_after": 2, "harm_after": 32.0, "days_after": 365,
                                 "window_days": 365}]


def test_the_after_window_counts_only_to_the_as_of_date(incidents):
    row = before_after_entry(incidents, [(1, "P1", ENTRY, None)], date(2024, 6, 30), P).row(0, named=True)
    assert (row["incidents_after"], row["harm_after"], row["days_after"]) == (1, 30.0, 182)  # 1 Jan to 30 Jun 2024
    row = before_after_entry(incidents, [(1, "P1", ENTRY, None)], date(2023, 12, 1), P).row(0, named=True)
    assert (row["incidents_after"], row["days_after"], row["incidents_before"]) == (0, 0, 2)


def test_several_stays_keep_their_keys_and_order_and_someone_unknown_has_none(incidents):
    stays = [(30, "P2", date(2024, 1, 15), None), (10, "P1", ENTRY, date(2024, 3, 1)), (20, "P9", ENTRY, None)]
    frame = before_after_entry(incidents, stays, date(2025, 6, 1), P)
    assert frame.select("key", "perpetrator_id", "incidents_before", "incidents_after", "harm_after").rows() == [
        (30, "P2", 0, 1, 1095.0), (10, "P1", 2, 2, 32.0), (20, "P9", 0, 0, 0.0)]


@pytest.mark.parametrize("exit, as_of, expected", [
    (date(2024, 3, 15), date(2025, 1, 1), [(ENTRY, "entry"), (date(2024, 1, 29), "review"),
                                           (date(2024, 2, 26), "review"), (date(2024, 3, 15), "exit")]),
    (date(2024, 1, 29), date(2025, 1, 1), [(ENTRY, "entry"), (date(2024, 1, 29), "exit")]),
    (date(2024, 3, 15), date(2024, 2, 10), [(ENTRY, "entry"), (date(2024, 1, 29), "review")]),
    (None, date(2024, 2, 26), [(ENTRY, "entry"), (date(2024, 1, 29), "review"), (date(2024, 2, 26), "review")]),
    (ENTRY, date(2025, 1, 1), [(ENTRY, "entry")]),
    (None, date(2023, 12, 31), []),
])
def test_rescoring_dates_are_entry_every_28_days_and_exit(exit, as_of, expected):
    assert rescore_dates(ENTRY, exit, as_of, 28) == expected


def test_rescoring_gives_rfgv_as_of_each_date(incidents):
    frame = rescore_points(incidents, [("case-1", "P1", ENTRY, date(2024, 3, 15))], date(2025, 1, 1), P)
    # On entry: I1, I2, I3, I4 are within 730 days (I7 is under 16): n 4, k 2, H = 365 + 1095 + 1 + 30 = 1491,
    # G = 100 log10(1492) / log10(1826) = 97.310074. The latest incident is I4 (1 Jan 2024): R 100 until
    # 28 days on, then 80. Score = (R + 60 + 60 + 2 x 97.310074) / 5.
    assert [(r["on"], r["point"], r["days_since"], r["recency"], r["incidents"], r["victim_count"],
             f"{r['gravity']:.6f}", f"{r['score']:.6f}") for r in frame.iter_rows(named=True)] == [
        (ENTRY, "entry", 0, 100, 4, 2, "97.310074", "82.924030"),
        (date(2024, 1, 29), "review", 28, 100, 4, 2, "97.310074", "82.924030"),
        (date(2024, 2, 26), "review", 56, 80, 4, 2, "97.310074", "78.924030"),
        (date(2024, 3, 15), "exit", 74, 80, 4, 2, "97.310074", "78.924030"),
    ]
    assert frame["key"].to_list() == ["case-1"] * 4


def test_someone_with_no_counted_incident_scores_zero(incidents):
    frame = rescore_points(incidents, [(1, "P9", ENTRY, None)], date(2024, 1, 1), P)
    row = frame.row(0, named=True)
    assert (row["score"], row["recency"], row["frequency"], row["gravity"], row["victims"], row["incidents"],
            row["area"], row["last_incident"]) == (0.0, 0, 0, 0.0, 0, 0, None, None)


def test_an_exit_before_entry_is_refused(incidents):
    with pytest.raises(ValueError, match="stay 7: exit 2023-12-01 is before entry 2024-01-01"):
        rescore_points(incidents, [(7, "P1", ENTRY, date(2023, 12, 1))], date(2025, 1, 1), P)


def test_one_person_s_outcomes_for_the_case_page(incidents):
    measures = before_after(incidents, "P1", ENTRY, date(2024, 6, 30), P)
    assert measures == {"incidents_before": 2, "harm_before": 366.0, "incidents_after": 1, "harm_after": 30.0,
                        "days_after": 182, "window_days": 365, "days_in_year": 365}
    series = rescore_series(incidents, "P1", ENTRY, None, date(2024, 2, 1), P)
    assert [(p["on"], p["point"], p["recency"]) for p in series] == [(ENTRY, "entry", 100),
                                                                     (date(2024, 1, 29), "review", 100)]
