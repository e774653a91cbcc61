"""Issue 16 item 7: police identifiers shaped like spreadsheet formulas are written by `dapi rank` as text."""

import csv
import io

import polars as pl
from django.core.management import call_command

from .test_rank_command import SMALL

HOSTILE = "+cmd|' /C calc'!A0"


def test_a_formula_shaped_identifier_is_ranked_and_written_as_text(tmp_path):
    frame = pl.read_csv(SMALL, infer_schema=False)
    frame = frame.with_columns(pl.when(pl.col("perpetrator_id") == "P4").then(pl.lit(HOSTILE))
                               .otherwise(pl.col("perpetrator_id")).alias("perpetrator_id"))
    path = tmp_path / "hostile.csv"
    frame.write_csv(path)
    out = io.StringIO()
    call_command("rank", str(path), "--as-of", "2024-03-31", stdout=out, stderr=io.StringIO())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "'" + HOSTILE in [row["perpetrator_id"] for row in rows]
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values()
                   if not value.lstrip("-").replace(".", "", 1).isdigit())
