"""Reading only some people's rows of a ranked file, for their outcomes (engine, no Django)."""

from datetime import date

import polars as pl

from dapi.identification.engine import before_after_entry, default_profile, read_incidents, read_incidents_of

from .engine_helpers import write_csv

ROWS = [("I1", "2023-03-01", "Hartlepool", " P1 ", "V1", "abh", 30), ("I2", "2023-05-01", "Hartlepool", "P2", "V2",
                                                                      "CA", 30),
        ("I3", "2023-09-01", "Hartlepool", "P1", "V1", "NCI", None)]


def test_only_their_rows_are_read_and_they_give_the_same_outcomes_as_the_whole_file(tmp_path):
    profile = default_profile()
    path = write_csv(tmp_path, ROWS)
    theirs = read_incidents_of(path, profile, ["P1"]).collect()
    assert theirs["incident_id"].to_list() == ["I1", "I3"] and set(theirs["perpetrator_id"]) == {"P1"}
    stays = [(1, "P1", date(2023, 6, 1), None)]
    whole = before_after_entry(read_incidents(path, profile), stays, date(2023, 12, 31), profile)
    assert before_after_entry(theirs.lazy(), stays, date(2023, 12, 31), profile).equals(whole)


def test_someone_not_in_the_file_has_no_rows_and_no_incidents(tmp_path):
    profile = default_profile()
    path = write_csv(tmp_path, ROWS)
    none = read_incidents_of(path, profile, ["P9"])
    assert none.collect().height == 0
    row = before_after_entry(none, [(1, "P9", date(2023, 6, 1), None)], date(2023, 12, 31), profile).row(0, named=True)
    assert (row["incidents_before"], row["incidents_after"]) == (0, 0)


def test_parquet_ids_stored_as_numbers_are_matched_as_text(tmp_path):
    profile = default_profile()
    frame = pl.read_csv(write_csv(tmp_path, [("I1", "2023-03-01", "Hartlepool", 17, "V1", "CA", 30),
                                             ("I2", "2023-04-01", "Hartlepool", 18, "V1", "CA", 30)]))
    frame.write_parquet(tmp_path / "i.parquet")
    assert read_incidents_of(tmp_path / "i.parquet", profile, ["17"]).collect()["incident_id"].to_list() == ["I1"]
