"""`dapi synth incidents`: deterministic, realistically shaped, valid input for the engine."""

import io

import polars as pl
import pytest
from django.core.management import CommandError, call_command

from dapi.identification.engine import default_profile, rank, read_incidents, score
from dapi.identification.engine.files import rank_file
from dapi.identification.engine.synth import AS_OF, generate

# Its tests share module-scoped fixtures that take seconds to make: kept on one pytest-xdist worker (`--dist
# loadgroup`), they are made once per run rather than once per worker.
pytestmark = pytest.mark.xdist_group("synthetic-incidents-200k-11")

CLEVELAND = {"Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"}


def make(tmp_path, name, rows=20_000, seed=5) -> tuple[str, object]:
    path, out = tmp_path / name, io.StringIO()
    call_command("synth", "incidents", "--rows", str(rows), "--seed", str(seed), "--output", str(path), stdout=out)
    return out.getvalue(), path


@pytest.fixture(scope="module")
def sample() -> pl.DataFrame:
    return generate(200_000, 11)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    for extension in ("csv", "parquet"):
        a, b, c = (make(tmp_path, f"{name}.{extension}", seed=seed)[1] for name, seed in (("a", 5), ("b", 5), ("c", 6)))
        assert a.read_bytes() == b.read_bytes() != c.read_bytes()


@pytest.mark.parametrize("rows", [1, 7, 1000, 12_345])
def test_exactly_the_rows_asked_for(rows):
    assert generate(rows, 3).height == rows


def test_most_perpetrators_have_one_incident_and_a_tail_are_repeat_and_serial(sample):
    per = sample.group_by("perpetrator_id").agg(pl.col("incident_id").n_unique().alias("n"),
                                                pl.col("victim_id").n_unique().alias("k"))
    share = lambda condition: per.filter(condition).height / per.height  # noqa: E731
    assert 0.65 < share(pl.col("n") == 1) < 0.8
    assert 0.03 < share(pl.col("n") >= 5) < 0.1 and per["n"].max() >= 30
    assert 0.08 < share(pl.col("k") >= 2) < 0.25 and per.filter(pl.col("k") >= 4).height > 100


def test_about_42_percent_of_incidents_are_non_crime_and_severe_offences_are_rare(sample):
    incidents = sample.unique("incident_id")  # every row of an incident shares its crime or non-crime status
    counts = incidents["offence"].value_counts().iter_rows()
    shares = {offence: count / incidents.height for offence, count in counts}
    assert 0.40 < shares["NCI"] < 0.445
    assert set(shares) == set(default_profile().harm)
    assert shares["HOM"] < shares["RAPE"] < shares["GBH"] < shares["ABH"] < shares["CA"]


def test_several_areas_with_the_four_cleveland_authorities(sample):
    areas = set(sample["area"].unique())
    assert CLEVELAND < areas and len(areas) == 7


def test_some_incidents_have_several_rows(sample):
    rows_per_incident = sample.group_by("incident_id").len()
    assert 0.05 < rows_per_incident.filter(pl.col("len") > 1).height / rows_per_incident.height < 0.2


def test_some_rows_are_under_16_or_have_no_age_and_some_fall_outside_the_window(sample):
    days = (pl.lit(AS_OF) - pl.col("occurred_on")).dt.total_days()
    shares = sample.select((pl.col("perpetrator_age") < 16).mean().alias("under_16"),
                           pl.col("perpetrator_age").is_null().mean().alias("no_age"),
                           (days >= 730).mean().alias("before_the_window"), (days < 0).mean().alias("after_as_of"))
    assert 0.005 < shares["under_16"].item() < 0.03 and 0.17 < shares["no_age"].item() < 0.23
    assert 0.05 < shares["before_the_window"].item() < 0.15 and 0.001 < shares["after_as_of"].item() < 0.02


def test_rows_are_in_date_order_with_synthetic_identifiers(sample):
    assert sample["occurred_on"].is_sorted() and sample["incident_id"].is_sorted()
    assert sample.select(pl.col("incident_id").str.contains(r"^SYN-I\d{9}$").all(),
                         pl.col("perpetrator_id").str.contains(r"^SYN-P\d{8}$").all(),
                         pl.col("victim_id").str.contains(r"^SYN-V\d{9}$").all()).row(0) == (True, True, True)


def test_the_output_validates_and_ranks_as_parquet_and_csv(tmp_path):
    p = default_profile()
    for name in ("i.parquet", "i.csv"):
        message, path = make(tmp_path, name)
        assert message.startswith("Wrote 20,000 synthetic incident rows (") and str(path) in message
        ranked = rank(score(read_incidents(path, p), AS_OF, p), 20)
        assert ranked.height == 20 * 7 and ranked.equals(rank_file(path, AS_OF, p))


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(CommandError, match="--rows must be 1 or more"):
        call_command("synth", "incidents", "--rows", "0", "--output", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="--output must end in .csv or .parquet"):
        call_command("synth", "incidents", "--rows", "10", "--output", str(tmp_path / "x.xlsx"))
    assert list(tmp_path.iterdir()) == []
