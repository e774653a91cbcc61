"""The incidents naming a victim (engine/victims.py), on tiny hand-made files."""

from datetime import date

from dapi.identification.engine import default_profile, read_incidents, victim_incident_dates

from .engine_helpers import T, ago, write_csv


def dates_of(tmp_path, rows, victims, as_of=T):
    profile = default_profile()
    return victim_incident_dates(read_incidents(write_csv(tmp_path, rows), profile), victims, as_of, profile)


def test_each_incident_naming_her_gives_its_date_whoever_the_perpetrator(tmp_path):
    rows = [("I1", ago(10), "A", "P1", "V1", "CA", 30), ("I2", ago(200), "A", "P2", "V1", "HAR", 30),
            ("I3", ago(5), "A", "P1", "V2", "ABH", 30)]
    assert dates_of(tmp_path, rows, ["V1", "V2", "V3"]) == {
        "V1": [date.fromisoformat(ago(200)), date.fromisoformat(ago(10))], "V2": [date.fromisoformat(ago(5))],
        "V3": []}


def test_an_incident_of_several_rows_counts_once_on_its_latest_rows_date(tmp_path):
    rows = [("I1", ago(12), "A", "P1", "V1", "CA", 30), ("I1", ago(11), "A", "P1", "V1", "CD", 30),
            ("I2", ago(11), "A", "P1", "V1", "CA", 30)]
    assert dates_of(tmp_path, rows, ["V1"]) == {"V1": [date.fromisoformat(ago(11))] * 2}


def test_rows_after_the_as_of_date_or_with_a_perpetrator_under_16_do_not_count(tmp_path):
    rows = [("I1", ago(10), "A", "P1", "V1", "CA", 15), ("I2", ago(20), "A", "P1", "V1", "CA", None),
            ("I3", ago(0), "A", "P1", "V1", "CA", 16)]
    assert dates_of(tmp_path, rows, ["V1"], as_of=date.fromisoformat(ago(1))) == {
        "V1": [date.fromisoformat(ago(20))]}


def test_no_victims_asked_gives_nothing(tmp_path):
    assert dates_of(tmp_path, [("I1", ago(10), "A", "P1", "V1", "CA", 30)], ["", None]) == {}
