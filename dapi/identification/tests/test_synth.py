"""`dapi synth incidents`: deterministic, realistically shaped, valid input for the engine."""

import io

import polars as pl
import pytest
from django.core.management import CommandError, call_command

from dapi.identification.engine import default_profile, rank, read_incidents, score
from dapi.identification.engine.synth import AS_OF, generate


def make(tmp_path, name, rows=20000, seed=5):
    path = tmp_path / name
    call_command("synth", "incidents", "--rows", str(rows), "--seed", str(seed), "--output", str(path),
                 stderr=io.StringIO())
    return path


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    a, b, c = make(tmp_path, "a.csv"), make(tmp_path, "b.csv"), make(tmp_path, "c.csv", seed=6)
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()


def test_the_shape_is_realistic():
    f = generate(50000, 11)
    assert f.height == 50000
    assert 0.39 < f.filter(pl.col("offence") == "NCI").height / f.height < 0.45
    per = f.group_by("perpetrator_id").agg(pl.col("incident_id").n_unique().alias("n"),
                                           pl.col("victim_id").n_unique().alias("k"))
    assert per.filter(pl.col("n") == 1).height / per.height > 0.6  # most have one incident
    assert per.filter(pl.col("n") >= 5).height > 100 and per.filter(pl.col("k") >= 2).height > 100
    assert f["area"].n_unique() >= 5 and f["offence"].n_unique() == 14
    multi = f.group_by("incident_id").len().filter(pl.col("len") > 1).height
    assert multi / f["incident_id"].n_unique() > 0.05
    ages = f["perpetrator_age"].drop_nulls().cast(pl.Int32)
    assert (ages < 16).sum() > 0
    old = f.filter(pl.col("occurred_on").str.to_date() <= pl.lit(AS_OF).dt.offset_by("-730d"))
    assert 0.04 < old.height / f.height < 0.12
    assert f["perpetrator_id"][0].startswith("SYN-P") and f["incident_id"][0].startswith("SYN-I")


def test_the_output_validates_and_ranks_as_parquet_and_csv(tmp_path):
    for name in ("i.parquet", "i.csv"):
        ranked = rank(score(read_incidents(make(tmp_path, name), default_profile()), AS_OF, default_profile()), 20)
        assert ranked.height == 20 * ranked["area"].n_unique()


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(CommandError, match="--rows"):
        call_command("synth", "incidents", "--rows", "0", "--output", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match=".csv or .parquet"):
        call_command("synth", "incidents", "--rows", "10", "--output", str(tmp_path / "x.xlsx"))
