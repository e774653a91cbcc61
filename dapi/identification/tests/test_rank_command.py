"""`dapi rank FILE --as-of YYYY-MM-DD [--top N] [--profile FILE] [--format csv|json] [--output FILE]`.

tests/data/small.csv, as of 31 Mar 2024, worked by hand (G = 100 log10(1 + H) / log10(1826);
score = (R + F + V + 2 G) / 5):
- P2 (Hartlepool): I3 (3 days ago; SA and NCI rows: 182.25) and I4 (NCI, 1): n 2, k 1, H 183.25,
  R 100, F 30, V 20, G 69.459051, score 57.783621.
- P5 (Hartlepool): I7 (CA, 30 days ago) and I8 (NCI); I9 is exactly 730 days ago (outside) and
  I10 is under 16 (ignored): n 2, k 2, H 11, R 80, F 30, V 60, G 33.088487, score 47.235395.
- P4 (Middlesbrough): PO 7.5 (90 days ago) + STK 30 + NFS 365: n 3, k 2, H 402.5, R 80, F 45, V 60,
  G 79.897069, score 68.958828.
- P1 (Middlesbrough): CA 10 (29 days ago) + ABH 365: n 2, k 2, H 375, R 80, F 30, V 60,
  G 78.957143, score 65.582857.
- P6: two incidents 16 days ago, one in Stockton and one in Middlesbrough, and an older one in
  Middlesbrough: Middlesbrough has more of his incidents. CD 2 + CD 2 + NCI 1: n 3, k 1, H 5,
  R 100, F 45, V 20, G 23.858687, score 42.543475.
- P7 (Stockton-on-Tees): I17 (59 days ago; HAR and CA rows for two victims: 10) + HAR 10: n 2,
  k 2, H 20, R 80, F 30, V 60, G 40.540211, score 50.216084.
- P3 and P8 have one incident each (not eligible); P9's incidents are after the as-of date.
"""

import io
import json
from importlib import resources
from pathlib import Path

import polars as pl
import pytest
from django.core.management import CommandError, call_command

from dapi.identification.engine.synth import generate, write
from dapi.identification.console import LARGE

DATA = Path(__file__).parent / "data"
SMALL = DATA / "small.csv"


def run(*args, file=SMALL) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("rank", str(file), "--as-of", "2024-03-31", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_csv_is_exactly_the_published_format_worked_by_hand():
    assert run()[0] == (DATA / "small.expected.csv").read_text()


def test_the_first_lines_spell_out_the_format():
    lines = run()[0].splitlines()
    assert lines[0] == ("area,rank,perpetrator_id,score,recency,frequency,gravity,victims,incidents,victim_count,"
                        "harm_days,last_incident,serial")
    assert lines[1] == "Hartlepool,1,P2,57.7836,100,30,69.4591,20,2,1,183.25,2024-03-28,false"
    assert lines[3] == "Middlesbrough,1,P4,68.9588,80,45,79.8971,60,3,2,402.5,2024-01-01,true"


def test_parquet_input_gives_the_same_ranking(tmp_path):
    path = tmp_path / "small.parquet"
    pl.read_csv(SMALL, infer_schema=False).write_parquet(path)
    assert run(file=path)[0] == run()[0]


def test_json_has_the_as_of_date_profile_version_top_and_the_same_rows():
    data = json.loads(run("--format", "json")[0])
    assert (data["as_of"], data["profile_version"], data["top"]) == ("2024-03-31", "rfgv-default-1", 20)
    assert data["rows"][0] == {"area": "Hartlepool", "rank": 1, "perpetrator_id": "P2", "score": 57.7836,
                               "recency": 100, "frequency": 30, "gravity": 69.4591, "victims": 20, "incidents": 2,
                               "victim_count": 1, "harm_days": 183.25, "last_incident": "2024-03-28",
                               "serial": False}
    assert [(r["area"], r["rank"], r["perpetrator_id"]) for r in data["rows"]] == [
        ("Hartlepool", 1, "P2"), ("Hartlepool", 2, "P5"), ("Middlesbrough", 1, "P4"), ("Middlesbrough", 2, "P1"),
        ("Middlesbrough", 3, "P6"), ("Stockton-on-Tees", 1, "P7")]


def test_top_keeps_the_first_n_of_each_area():
    assert [line.split(",")[:3] for line in run("--top", "1")[0].splitlines()[1:]] == [
        ["Hartlepool", "1", "P2"], ["Middlesbrough", "1", "P4"], ["Stockton-on-Tees", "1", "P7"]]


def test_another_profile_changes_the_numbers(tmp_path):
    profile = json.loads(resources.files("dapi.identification.engine.profiles").joinpath("rfgv-default.json")
                         .read_text())
    profile["version"], profile["eligible_min_incidents"] = "local-1", 1
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    text = run("--profile", str(path), "--format", "json")[0]
    data = json.loads(text)
    assert data["profile_version"] == "local-1"
    assert {r["perpetrator_id"] for r in data["rows"]} >= {"P3", "P8"}  # one incident is enough now


def test_a_bad_profile_is_refused_naming_the_keys(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_text('{"version": "x"}')
    with pytest.raises(CommandError, match=r"profile .*p.json: missing keys: eligible_min_incidents"):
        run("--profile", str(bad))


@pytest.mark.parametrize("args, message", [
    (["--as-of", "31/03/2024"], "--as-of must be a date like 2024-03-31"),
    (["--as-of", "2024-03-31", "--top", "0"], "--top must be 1 or more"),
    (["--as-of", "2024-03-31", "--output", "/no/such/folder/x.csv"], "the folder /no/such/folder does not exist"),
])
def test_bad_arguments_are_refused(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("rank", str(SMALL), *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_an_invalid_file_names_its_rows_on_stderr_and_writes_nothing(tmp_path):
    out = tmp_path / "ranked.csv"
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="bad_rows.csv is not valid: nothing was ranked"):
        call_command("rank", str(DATA / "bad_rows.csv"), "--as-of", "2024-03-31", "--output", str(out),
                     stdout=stdout, stderr=stderr)
    assert 'row 7: occurred_on "2023-02-30" is not a date (expected YYYY-MM-DD)' in stderr.getvalue()
    assert 'row 12: offence "PUNCH" is not a known offence code' in stderr.getvalue()
    assert stdout.getvalue() == "" and list(tmp_path.iterdir()) == []


def test_an_invalid_file_leaves_an_earlier_output_as_it_was(tmp_path):
    out = tmp_path / "ranked.csv"
    out.write_text("yesterday's ranking\n")
    with pytest.raises(CommandError):
        call_command("rank", str(DATA / "bad_rows.csv"), "--as-of", "2024-03-31", "--output", str(out),
                     stdout=io.StringIO(), stderr=io.StringIO())
    assert out.read_text() == "yesterday's ranking\n" and list(tmp_path.iterdir()) == [out]


def test_the_output_file_is_written_whole_and_stdout_says_what_was_written(tmp_path):
    out = tmp_path / "ranked.csv"
    stdout, stderr = run("--output", str(out))
    assert out.read_text() == (DATA / "small.expected.csv").read_text()
    assert stderr == "" and list(tmp_path.iterdir()) == [out]
    assert stdout.startswith("Ranked 6 perpetrators in 3 areas (profile rfgv-default-1, as of 2024-03-31, top 20)")


def test_the_format_is_told_by_the_output_files_extension(tmp_path):
    run("--output", str(tmp_path / "ranked.json"))
    assert json.loads((tmp_path / "ranked.json").read_text())["rows"][0]["perpetrator_id"] == "P2"
    run("--format", "csv", "--output", str(tmp_path / "ranked.txt"))
    assert (tmp_path / "ranked.txt").read_text() == (DATA / "small.expected.csv").read_text()


def test_an_output_file_whose_extension_names_no_format_is_a_usage_error(tmp_path):
    with pytest.raises(CommandError, match=r"the format cannot be told from \.txt; give --format") as e:
        run("--output", str(tmp_path / "ranked.txt"))
    assert e.value.returncode == 2 and list(tmp_path.iterdir()) == []


def test_a_large_file_reports_its_steps_on_stderr_and_stdout_carries_only_the_ranking(tmp_path):
    path = tmp_path / "large.csv"
    write(generate(320_000, 3), path)
    assert path.stat().st_size >= LARGE
    stdout, stderr = run(file=path)
    assert [line.split("] ", 1)[1] for line in stderr.splitlines()] == [
        "Reading, validating and counting large.csv", "Scoring perpetrators", "Ranking within areas",
        "Writing the ranking"]
    assert stdout.startswith("area,rank,perpetrator_id,") and len(stdout.splitlines()) == 1 + 7 * 20
