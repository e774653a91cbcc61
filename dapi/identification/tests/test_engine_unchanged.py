"""The one-pass ranking gives, byte for byte, what the engine gave before it kept the identifiers
in its first pass and checked their lengths in bytes (issue 20): the expected file was written by
the earlier `rank_file` from the same synthetic rows (200,000 rows, seed 7, as of AS_OF)."""

from pathlib import Path

import pytest

from dapi.identification.engine import InvalidIncidentFile, default_profile
from dapi.identification.engine.files import rank_file
from dapi.identification.engine.output import to_csv
from dapi.identification.engine.synth import AS_OF, generate, write

from .engine_helpers import T, ago, write_csv

# Its tests share module-scoped fixtures that take seconds to make: kept on one pytest-xdist worker (`--dist
# loadgroup`), they are made once per run rather than once per worker.
pytestmark = pytest.mark.xdist_group("synthetic-incidents-200k-7")

EXPECTED = Path(__file__).parent / "data" / "synth-200000-seed7.expected.csv"
P = default_profile()


@pytest.fixture(scope="module")
def synthetic():
    return generate(200_000, 7)


@pytest.mark.parametrize("extension", ["parquet", "csv"])
def test_the_ranking_of_a_synthetic_file_is_the_earlier_implementations(tmp_path, synthetic, extension):
    path = tmp_path / f"incidents.{extension}"
    write(synthetic, path)
    assert to_csv(rank_file(path, AS_OF, P)) == EXPECTED.read_text()


@pytest.mark.parametrize("part_rows", [25_000, 7_000])
def test_the_ranking_counted_in_parts_is_the_same(tmp_path, synthetic, part_rows):
    # About 180,000 counted rows: 8 and 26 parts, each sorted and counted on its own.
    path = tmp_path / "incidents.parquet"
    write(synthetic, path)
    assert to_csv(rank_file(path, AS_OF, P, part_rows=part_rows)) == EXPECTED.read_text()


def test_identifiers_long_in_bytes_but_within_the_limit_in_characters_are_ranked(tmp_path):
    # 40 characters of 2 bytes each and an area of 100 characters of 3 bytes: within the limits.
    him, area = "Ł" * 40, "€" * 100
    rows = [(f"I{i}", ago(i), area, him, f"V{i}", "CA", 30) for i in (1, 2)]
    ranked = rank_file(write_csv(tmp_path, rows), T, P)
    assert ranked["perpetrator_id"].to_list() == [him]
    assert ranked["area"].to_list() == [area]


def test_an_identifier_one_character_too_long_in_multibyte_text_is_still_refused(tmp_path):
    rows = [("I1", ago(1), "Hartlepool", "Ł" * 41, "V1", "CA", 30),
            ("I2", ago(2), "Hartlepool", "P2", "V2", "CA", 30)]
    with pytest.raises(InvalidIncidentFile) as e:
        rank_file(write_csv(tmp_path, rows), T, P)
    assert e.value.errors[0] == "row 1: perpetrator_id is longer than 40 characters (41)"
