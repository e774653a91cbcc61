"""Read an incident file (CSV or Parquet) and validate it, all or nothing.

Row numbers in messages count data rows from 1 (the header is not a row), as a spreadsheet
user reading "row 7" expects after the header.
"""

from pathlib import Path

import polars as pl

from .profile import Profile

COLUMNS = ["incident_id", "occurred_on", "area", "perpetrator_id", "victim_id", "offence"]
OPTIONAL = ["perpetrator_age"]
MAX_LISTED = 10


class InvalidIncidentFile(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _scan(path: Path) -> pl.LazyFrame:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pl.scan_csv(path, infer_schema=False)
    if suffix in (".parquet", ".pq"):
        return pl.scan_parquet(path).with_columns(pl.all().cast(pl.String))
    raise InvalidIncidentFile([f"{path.name}: expected a .csv or .parquet file"])


def _rows(frame: pl.DataFrame) -> str:
    rows = frame["row"].to_list()
    listed = ", ".join(str(r) for r in rows[:MAX_LISTED])
    more = f" and {len(rows) - MAX_LISTED} more" if len(rows) > MAX_LISTED else ""
    return ("row " if len(rows) == 1 else "rows ") + listed + more


def read_incidents(path: str | Path, profile: Profile) -> pl.LazyFrame:
    """The incidents as a lazy frame of typed columns plus `row`; raises InvalidIncidentFile
    naming every problem (missing columns, empty ids, bad dates, unknown offences, bad ages)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidIncidentFile([f"{path}: no such file"])
    try:
        lf = _scan(path)
        names = lf.collect_schema().names()
    except (pl.exceptions.ComputeError, OSError) as e:
        raise InvalidIncidentFile([f"{path.name}: cannot be read ({str(e).splitlines()[0]})"]) from None
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise InvalidIncidentFile([f"missing columns: {', '.join(missing)} (expected {', '.join(COLUMNS)}, "
                                   f"and optionally {', '.join(OPTIONAL)})"])
    age = pl.col("perpetrator_age") if "perpetrator_age" in names else pl.lit("", dtype=pl.String)
    lf = lf.select(*[pl.col(c).fill_null("").str.strip_chars() for c in COLUMNS],
                   age.fill_null("").str.strip_chars().alias("perpetrator_age")).with_row_index("row", offset=1)
    checked = lf.with_columns(
        pl.col("occurred_on").str.to_date("%Y-%m-%d", strict=False).alias("_date"),
        pl.col("perpetrator_age").cast(pl.Int32, strict=False).alias("_age"),
        pl.col("offence").str.to_uppercase().alias("_offence"),
    )
    try:
        data = checked.collect()
    except pl.exceptions.ComputeError as e:
        raise InvalidIncidentFile([f"{path.name}: cannot be read ({str(e).splitlines()[0]})"]) from None
    if data.height == 0:
        raise InvalidIncidentFile([f"{path.name}: no incident rows"])
    errors = []
    for column in ("incident_id", "perpetrator_id", "victim_id", "area"):
        bad = data.filter(pl.col(column).is_null() | (pl.col(column) == ""))
        if bad.height:
            errors.append(f"{_rows(bad)}: {column} is empty")
    bad = data.filter(pl.col("_date").is_null())
    if bad.height:
        example = bad["occurred_on"][0]
        errors.append(f'{_rows(bad)}: occurred_on is not a date (expected YYYY-MM-DD, e.g. 2024-03-31; '
                      f'found "{example}")')
    codes = sorted(profile.harm)
    bad = data.filter(~pl.col("_offence").is_in(codes))
    if bad.height:
        found = ", ".join(sorted({str(v) for v in bad["offence"].to_list()})[:5])
        errors.append(f"{_rows(bad)}: unknown offence code ({found}); accepted: {', '.join(codes)}")
    bad = data.filter((pl.col("perpetrator_age") != "") & pl.col("_age").is_null())
    if bad.height:
        errors.append(f"{_rows(bad)}: perpetrator_age is not a whole number")
    if errors:
        raise InvalidIncidentFile(errors)
    return data.lazy().select(
        "row", "incident_id", pl.col("_date").alias("occurred_on"), "area", "perpetrator_id", "victim_id",
        pl.col("_offence").alias("offence"), pl.col("_age").alias("perpetrator_age"))
