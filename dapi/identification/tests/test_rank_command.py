"""`dapi rank`: the exact published CSV, JSON, profiles and top N."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from .engine_helpers import ago, write_csv

ROWS = [
    ("I1", ago(29), "Middlesbrough", "P1", "V1", "CA", 30), ("I2", ago(40), "Middlesbrough", "P1", "V2", "ABH", 30),
    ("I3", ago(3), "Hartlepool", "P2", "V3", "SA", 40), ("I3", ago(3), "Hartlepool", "P2", "V3", "NCI", 40),
    ("I4", ago(100), "Hartlepool", "P2", "V3", "NCI", 40), ("I5", ago(1), "Hartlepool", "P3", "V4", "GBH", 22),
]


def run(tmp_path, *extra) -> str:
    out = io.StringIO()
    call_command("rank", str(write_csv(tmp_path, ROWS)), "--as-of", "2024-03-31", *extra, stdout=out,
                 stderr=io.StringIO())
    return out.getvalue()


def test_the_csv_is_exactly_the_published_format(tmp_path):
    assert run(tmp_path) == (
        "area,rank,perpetrator_id,score,recency,frequency,gravity,victims,incidents,victim_count,harm_days,"
        "last_incident,serial\n"
        # P2: H = 182.25 (SA, the worse row of I3) + 1 = 183.25; G = 100 log10(184.25) / log10(1826) = 69.4591;
        # score = 0.2*100 + 0.2*30 + 0.4*69.4591 + 0.2*20 = 57.7836. P1 as in test_engine_score.
        "Hartlepool,1,P2,57.7836,100,30,69.4591,20,2,1,183.25,2024-03-28,false\n"
        "Middlesbrough,1,P1,65.5829,80,30,78.9571,60,2,2,375,2024-03-02,true\n")


def test_json_carries_the_profile_version(tmp_path):
    data = json.loads(run(tmp_path, "--format", "json"))
    assert (data["as_of"], data["profile_version"], data["top"]) == ("2024-03-31", "rfgv-default-1", 20)
    assert data["rows"][0]["perpetrator_id"] == "P2" and data["rows"][0]["serial"] is False


def test_another_profile_changes_the_numbers(tmp_path):
    profile = json.loads((__import__("importlib").resources.files("dapi.identification.engine.profiles")
                          / "rfgv-default.json").read_text())
    profile["version"], profile["eligible_min_incidents"] = "test-1", 1
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    text = run(tmp_path, "--profile", str(path), "--top", "1")
    assert "P3" in text and text.count("\n") == 3  # header + one per area


def test_a_bad_profile_or_date_is_refused(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_text('{"version": "x"}')
    with pytest.raises(CommandError, match="profile: missing keys"):
        run(tmp_path, "--profile", str(bad))
    with pytest.raises(CommandError, match="like 2024-03-31"):
        call_command("rank", str(write_csv(tmp_path, ROWS)), "--as-of", "31/03/2024")


def test_the_output_file_is_written_whole(tmp_path):
    out = tmp_path / "ranked.csv"
    run(tmp_path, "--output", str(out))
    assert out.read_text().startswith("area,rank,") and not list(tmp_path.glob("*.part"))
