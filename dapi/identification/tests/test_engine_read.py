"""Reading and validating incident files: every problem named by row, nothing produced."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from dapi.identification.engine import InvalidIncidentFile, default_profile, read_incidents, validate_incidents
from dapi.identification.engine.files import rank_file
from dapi.identification.engine.read import ROW_NOTE

from .engine_helpers import HEADER, ago, write_csv

DATA = Path(__file__).parent / "data"
P = default_profile()
CODES = "ABH, CA, CCB, CD, GBH, HAR, HOM, NCI, NFS, PO, RAPE, SA, STK, TTK"


def errors(path) -> list[str]:
    with pytest.raises(InvalidIncidentFile) as e:
        read_incidents(path, P)
    return e.value.errors


def good(i):
    return (f"I{i}", ago(i), "Hartlepool", f"P{i % 3}", f"V{i}", "CA", 30)


def test_a_bad_date_on_row_7_and_an_unknown_offence_on_row_12_are_both_named():
    assert errors(DATA / "bad_rows.csv") == [
        'row 7: occurred_on "2023-02-30" is not a date (expected YYYY-MM-DD)',
        'row 12: offence "PUNCH" is not a known offence code',
        f"accepted offence codes: {CODES}",
        "Row N is the N-th data row of the file, counted from 1 (a CSV header line is not counted).",
    ]


def test_the_same_rows_in_parquet_and_the_one_pass_ranking_give_the_same_errors(tmp_path):
    parquet = tmp_path / "bad_rows.parquet"
    pl.read_csv(DATA / "bad_rows.csv", infer_schema=False).write_parquet(parquet)
    expected = errors(DATA / "bad_rows.csv")
    assert errors(parquet) == expected
    for path in (DATA / "bad_rows.csv", parquet):
        with pytest.raises(InvalidIncidentFile) as e:
            rank_file(path, date(2024, 3, 31), P)
        assert e.value.errors == expected


def test_missing_columns_are_named_with_the_expected_ones(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("incident_id,date,area\nI1,2024-01-01,Hartlepool\n")
    assert errors(path) == ["bad.csv: missing columns: occurred_on, perpetrator_id, victim_id, offence (expected "
                            "incident_id, occurred_on, area, perpetrator_id, victim_id, offence, and optionally "
                            "perpetrator_age)"]


def test_empty_ids_and_areas_are_named_by_row(tmp_path):
    rows = [good(1), ("I2", ago(2), "Hartlepool", "", "V2", "CA", 30), ("I3", ago(3), " ", "P1", "V3", "CA", 30),
            ("", ago(4), "Hartlepool", "P1", "", "CA", 30)]
    assert errors(write_csv(tmp_path, rows)) == [
        "row 4: incident_id is empty", "row 3: area is empty", "row 2: perpetrator_id is empty",
        "row 4: victim_id is empty", ROW_NOTE]


def test_identifiers_too_long_to_be_kept_are_named_by_row_in_both_readers(tmp_path):
    rows = [good(1), ("I2", ago(2), "Hartlepool", "P" * 41, "V2", "CA", 30),
            ("I3", ago(3), "A" * 101, "P1", "V3", "CA", 30), ("I4", ago(4), "H" * 100, "P" * 40, "V4", "CA", 30)]
    path = write_csv(tmp_path, rows)
    assert errors(path) == ["row 3: area is longer than 100 characters (101)",
                            "row 2: perpetrator_id is longer than 40 characters (41)", ROW_NOTE]
    with pytest.raises(InvalidIncidentFile) as one_pass:
        rank_file(path, date(2024, 3, 31), P)
    assert one_pass.value.errors == errors(path)


@pytest.mark.parametrize("value", ["2024-02-30", "2023-02-29", "2024-3-5", "31/03/2024", "20240305",
                                   "2024-03-05T10:00", "2024-13-01", "yesterday"])
def test_dates_must_be_real_and_exactly_yyyy_mm_dd(tmp_path, value):
    rows = [good(1), ("I2", value, "Hartlepool", "P1", "V2", "CA", 30)]
    assert errors(write_csv(tmp_path, rows))[0] == f'row 2: occurred_on "{value}" is not a date (expected YYYY-MM-DD)'


def test_a_missing_date_is_named_as_empty(tmp_path):
    assert errors(write_csv(tmp_path, [good(1), ("I2", "", "H", "P1", "V2", "CA", 30)]))[0] == (
        "row 2: occurred_on is empty (expected a date, YYYY-MM-DD)")


def test_ages_must_be_whole_numbers_of_years_and_may_be_missing(tmp_path):
    rows = [("I1", ago(1), "H", "P1", "V1", "CA", v) for v in ("x", "30.5", "-1", "121", "", "0", "120")]
    assert errors(write_csv(tmp_path, rows)) == [
        'row 1: perpetrator_age "x" is not a whole number of years from 0 to 120',
        'row 2: perpetrator_age "30.5" is not a whole number of years from 0 to 120',
        'row 3: perpetrator_age "-1" is not a whole number of years from 0 to 120',
        'row 4: perpetrator_age "121" is not a whole number of years from 0 to 120', ROW_NOTE]


def test_long_lists_of_rows_are_cut_short_with_a_count(tmp_path):
    rows = [(f"I{i}", "yesterday", "H", "P", "V", "CA", 30) for i in range(1, 26)]
    found = errors(write_csv(tmp_path, rows))
    assert found[:10] == [f'row {i}: occurred_on "yesterday" is not a date (expected YYYY-MM-DD)'
                          for i in range(1, 11)]
    assert found[10:] == ["... and 15 more rows where occurred_on is not a date", ROW_NOTE]


def test_a_valid_file_gives_typed_columns_with_row_numbers(tmp_path):
    frame = read_incidents(write_csv(tmp_path, [good(1), ("I2", "2024-01-31", "H", "P1", "V2", "gbh", None)]),
                           P).collect()
    assert frame.schema == pl.Schema({"row": pl.UInt32, "incident_id": pl.String, "occurred_on": pl.Date,
                                      "area": pl.String, "perpetrator_id": pl.String, "victim_id": pl.String,
                                      "offence": pl.Enum(P.offence_codes), "perpetrator_age": pl.Int32})
    assert frame.rows()[1] == (2, "I2", date(2024, 1, 31), "H", "P1", "V2", "GBH", None)


def test_csv_fields_lose_surrounding_spaces_and_codes_their_case(tmp_path):
    path = tmp_path / "i.csv"
    path.write_text(f"{HEADER}\n I1 , 2024-03-01 ,Hartlepool , P1,V1\t, nci ,\t30\n")
    assert read_incidents(path, P).collect().rows() == [
        (1, "I1", date(2024, 3, 1), "Hartlepool", "P1", "V1", "NCI", 30)]


def test_parquet_values_are_taken_as_stored(tmp_path):
    path = tmp_path / "i.parquet"
    pl.DataFrame({"incident_id": [7], "occurred_on": [date(2024, 3, 1)], "area": ["Hartlepool "],
                  "perpetrator_id": [" P1"], "victim_id": [9], "offence": ["ca"],
                  "perpetrator_age": pl.Series([30], dtype=pl.Int16)}).write_parquet(path)
    # Numbers as ids are ids; spaces inside Parquet values are part of them; codes ignore case.
    assert read_incidents(path, P).collect().rows() == [
        (1, "7", date(2024, 3, 1), "Hartlepool ", " P1", "9", "CA", 30)]


def test_parquet_dates_as_text_are_checked_like_csv_and_float_ages_must_be_whole(tmp_path):
    path = tmp_path / "i.parquet"
    pl.DataFrame({"incident_id": ["I1", "I2"], "occurred_on": ["2024-03-01", " 2024-03-01"], "area": ["H", "H"],
                  "perpetrator_id": ["P1", "P1"], "victim_id": ["V1", "V1"], "offence": ["CA", "CA"],
                  "perpetrator_age": [30.0, 30.5]}).write_parquet(path)
    assert errors(path) == ['row 2: occurred_on " 2024-03-01" is not a date (expected YYYY-MM-DD)',
                            'row 2: perpetrator_age "30.5" is not a whole number of years from 0 to 120', ROW_NOTE]


def test_the_age_column_is_optional():
    frame = validate_incidents(pl.DataFrame({"incident_id": ["I1"], "occurred_on": ["2024-03-01"], "area": ["H"],
                                             "perpetrator_id": ["P1"], "victim_id": ["V1"], "offence": ["CA"]}), P)
    assert frame.collect()["perpetrator_age"].to_list() == [None]


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_file_without_the_optional_age_column_still_gets_its_row_errors(tmp_path, suffix):
    rows = pl.DataFrame({"incident_id": ["I1", "I2"], "occurred_on": ["2024-03-01", "2024-02-30"],
                         "area": ["Hartlepool", "Hartlepool"], "perpetrator_id": ["P1", "P1"],
                         "victim_id": ["V1", "V2"], "offence": ["CA", "SLAP"]})
    path = tmp_path / f"no_age.{suffix}"
    rows.write_csv(path) if suffix == "csv" else rows.write_parquet(path)
    expected = ['row 2: occurred_on "2024-02-30" is not a date (expected YYYY-MM-DD)',
                'row 2: offence "SLAP" is not a known offence code', f"accepted offence codes: {CODES}", ROW_NOTE]
    assert errors(path) == expected
    with pytest.raises(InvalidIncidentFile) as e:
        rank_file(path, date(2024, 3, 31), P)
    assert e.value.errors == expected


def test_other_files_are_refused_by_name(tmp_path):
    (tmp_path / "x.xlsx").write_text("nope")
    assert errors(tmp_path / "x.xlsx") == ["x.xlsx: expected a .csv or .parquet file"]
    assert errors(tmp_path / "gone.csv") == [f"{tmp_path / 'gone.csv'}: no such file"]
    (tmp_path / "empty.csv").write_text(HEADER + "\n")
    assert errors(tmp_path / "empty.csv") == ["empty.csv: no incident rows"]
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    assert errors(tmp_path / "broken.parquet")[0].startswith("broken.parquet: cannot be read (")
