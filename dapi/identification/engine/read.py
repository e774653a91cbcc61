"""Read an incident file (CSV or Parquet) and validate it, all or nothing.

"Row N" in every message is the N-th data row of the file, counted from 1; a CSV header line is
not counted (so row 7 is the spreadsheet's line 8). In a CSV file, surrounding spaces and tabs
are removed from every field, as a spreadsheet user would expect; Parquet values are taken as
stored. Offence codes are matched without regard to case or surrounding spaces.

Every check is a Polars expression over whole columns (`parsed_columns` then `problem_flags`),
shared by the in-memory reader here and the one-pass file ranking in `files.py`.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import IO

import polars as pl

from .profile import Profile

COLUMNS = ["incident_id", "occurred_on", "area", "perpetrator_id", "victim_id", "offence"]
OPTIONAL = ["perpetrator_age"]
ID_COLUMNS = ["incident_id", "area", "perpetrator_id", "victim_id"]
MAX_LISTED = 10  # rows named per problem; the rest are counted
MAX_AGE = 120
# Longest accepted values: a perpetrator's police identifier is kept with his ranking and carried
# into a referral, an area names a place; anything longer is a wrong column, not an identifier.
MAX_LENGTH = {"area": 100, "perpetrator_id": 40}
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ROW_NOTE = "Row N is the N-th data row of the file, counted from 1 (a CSV header line is not counted)."
FLAGS = [*[f"_blank_{c}" for c in ID_COLUMNS], "_blank_occurred_on", "_bad_occurred_on", "_blank_offence",
         "_bad_offence", "_bad_perpetrator_age", *[f"_long_{c}" for c in MAX_LENGTH]]


class InvalidIncidentFile(ValueError):
    """The file cannot be ranked. `.errors` lists every problem, each naming its rows."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def scan_incidents(path: str | Path) -> pl.LazyFrame:
    """The file's columns as stored, lazily: every CSV column as text (nothing is guessed),
    Parquet columns in their stored types. Raises InvalidIncidentFile for a missing file or
    another extension."""
    path = Path(path)
    if not path.is_file():
        raise InvalidIncidentFile([f"{path}: no such file"])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pl.scan_csv(path, infer_schema=False)
    if suffix in (".parquet", ".pq"):
        return pl.scan_parquet(path)
    raise InvalidIncidentFile([f"{path.name}: expected a .csv or .parquet file"])


def csv_rows(chunks: Iterable[bytes]) -> int:
    """At most how many data rows a CSV holds, from its bytes as they stream by (nothing is kept):
    its lines less the header. A quoted field may hold a line break, so this may count more rows
    than the file has, never fewer."""
    lines, last = 0, b"\n"
    for chunk in chunks:
        if chunk:
            lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    lines += last != b"\n"  # a last line without its line break
    return max(0, lines - 1)


def parquet_rows(source: str | Path | IO[bytes]) -> int | None:
    """How many rows a Parquet file holds, from its footer (nothing is decoded: a 367 KB file of 30
    million rows is counted in milliseconds); None when the footer cannot be read (the ranking then
    rejects the file, naming the problem)."""
    try:
        return pl.scan_parquet(source).select(pl.len()).collect().item()
    except (pl.exceptions.PolarsError, OSError):
        return None


def cannot_read(name: str, e: Exception) -> InvalidIncidentFile:
    first = (str(e).strip().splitlines() or [type(e).__name__])[0]
    return InvalidIncidentFile([f"{name}: cannot be read ({first})"])


def checked_columns(frame: pl.LazyFrame, name: str) -> pl.LazyFrame:
    """The expected columns (and the optional age if present), ids as text, with `row`;
    raises InvalidIncidentFile naming missing columns and the expected ones."""
    try:
        schema = frame.collect_schema()
    except (pl.exceptions.PolarsError, OSError) as e:
        raise cannot_read(name, e) from None
    missing = [c for c in COLUMNS if c not in schema]
    if missing:
        raise InvalidIncidentFile([f"{name}: missing columns: {', '.join(missing)} (expected "
                                   f"{', '.join(COLUMNS)}, and optionally {', '.join(OPTIONAL)})"])
    # Ids stored as numbers (in Parquet) are ids all the same.
    as_text = [pl.col(c).cast(pl.String) for c in [*ID_COLUMNS, "offence"] if schema[c] != pl.String]
    return (frame.select(*COLUMNS, *[c for c in OPTIONAL if c in schema]).with_columns(as_text)
            .with_row_index("row", offset=1))


def _blank(expr: pl.Expr) -> pl.Expr:
    return expr.is_null() | (expr.str.len_bytes() == 0)


def _text(column: str, strip: set[str]) -> pl.Expr:
    return pl.col(column).str.strip_chars(" \t") if column in strip else pl.col(column)


def parsed_columns(schema: pl.Schema, profile: Profile, *, strip: set[str] = frozenset(),
                   tidy_offences: bool = False) -> list[pl.Expr]:
    """First step of validation: every column parsed once. Gives the ids (stripped where
    asked), `_date` (Date, null if not a date), `_date_ok` (the text was YYYY-MM-DD),
    `_offence` (Enum of the profile's codes, null if unknown), `_offence_text`, `_age`
    (Int64, null if not a whole number) and `_age_present`."""
    raw_date = schema["occurred_on"]
    if raw_date == pl.Date:
        date, date_ok = pl.col("occurred_on"), pl.lit(True)
    elif isinstance(raw_date, pl.Datetime):
        date, date_ok = pl.col("occurred_on").dt.date(), pl.lit(True)
    else:
        text = _text("occurred_on", strip).cast(pl.String)
        # chrono also accepts "2024-3-5" and " 2024-03-05"; the file format is exactly YYYY-MM-DD.
        date, date_ok = text.str.to_date("%Y-%m-%d", strict=False), text.str.contains(ISO_DATE).fill_null(False)
    offence = _text("offence", strip)
    if tidy_offences:
        offence = offence.str.strip_chars().str.to_uppercase()
    raw_age = schema.get("perpetrator_age")
    age_column = pl.col("perpetrator_age")
    if raw_age is None:
        age, present = pl.lit(None, dtype=pl.Int64), pl.lit(False)
    elif raw_age.is_integer():
        age, present = age_column.cast(pl.Int64, strict=False), age_column.is_not_null()
    elif raw_age.is_float():
        age, present = (pl.when(age_column == age_column.floor()).then(age_column.cast(pl.Int64, strict=False)),
                        age_column.is_not_null())
    else:
        text = _text("perpetrator_age", strip).cast(pl.String)
        age, present = text.cast(pl.Int64, strict=False), ~_blank(text)
    return [*[_text(c, strip).alias(c) for c in ID_COLUMNS], date.alias("_date"), date_ok.alias("_date_ok"),
            pl.col("occurred_on").is_null().alias("_date_missing"), offence.alias("_offence_text"),
            offence.cast(pl.Enum(profile.offence_codes), strict=False).alias("_offence"), age.alias("_age"),
            present.alias("_age_present")]


def problem_flags(*, exact_lengths: bool = True) -> list[pl.Expr]:
    """Second step: one boolean column per problem (FLAGS), from the parsed columns. Without
    `exact_lengths`, `_long_*` flags every value longer than its limit in bytes: never fewer rows
    than in characters (a character is 1 to 4 bytes), at a fraction of the cost, so a caller can
    count characters on the flagged rows only."""
    length = (lambda e: e.str.len_chars()) if exact_lengths else (lambda e: e.str.len_bytes())
    bad_date = pl.col("_date").is_null() | ~pl.col("_date_ok")
    age = pl.col("_age")
    return [*[_blank(pl.col(c)).alias(f"_blank_{c}") for c in ID_COLUMNS],
            (bad_date & pl.col("_date_missing")).alias("_blank_occurred_on"),
            (bad_date & ~pl.col("_date_missing")).alias("_bad_occurred_on"),
            _blank(pl.col("_offence_text")).alias("_blank_offence"),
            (pl.col("_offence").is_null() & ~_blank(pl.col("_offence_text"))).alias("_bad_offence"),
            (pl.col("_age_present") & (age.is_null() | (age < 0) | (age > MAX_AGE)).fill_null(True))
            .alias("_bad_perpetrator_age"),
            *[(length(pl.col(c)) > n).fill_null(False).alias(f"_long_{c}") for c, n in MAX_LENGTH.items()]]


def typed_columns() -> list[pl.Expr]:
    """Third step: the validated columns, in order, from parsed columns without problems."""
    return [pl.col("row"), pl.col("incident_id"), pl.col("_date").alias("occurred_on"), pl.col("area"),
            pl.col("perpetrator_id"), pl.col("victim_id"), pl.col("_offence").alias("offence"),
            pl.col("_age").cast(pl.Int32).alias("perpetrator_age")]


def describe_problems(flagged: pl.DataFrame, profile: Profile) -> list[str]:
    """Messages for the rows of `flagged` (row, the raw columns and FLAGS) that have problems:
    one line per row for the first MAX_LISTED rows of each problem, then how many more, the
    accepted offence codes if any code was wrong, and what "row N" means."""
    checks = [(f"_blank_{c}", c, lambda _, c=c: f"{c} is empty", f"{c} is empty") for c in ID_COLUMNS] + [
        ("_blank_occurred_on", "occurred_on", lambda _: "occurred_on is empty (expected a date, YYYY-MM-DD)",
         "occurred_on is empty"),
        ("_bad_occurred_on", "occurred_on", lambda v: f'occurred_on "{v}" is not a date (expected YYYY-MM-DD)',
         "occurred_on is not a date"),
        ("_blank_offence", "offence", lambda _: "offence is empty", "offence is empty"),
        ("_bad_offence", "offence", lambda v: f'offence "{v}" is not a known offence code',
         "the offence code is not known"),
        ("_bad_perpetrator_age", "perpetrator_age",
         lambda v: f'perpetrator_age "{v}" is not a whole number of years from 0 to {MAX_AGE}',
         "perpetrator_age is not a whole number of years"),
        *[(f"_long_{c}", c, lambda v, c=c, n=n: f"{c} is longer than {n} characters ({len(v)})",
           f"{c} is longer than {n} characters") for c, n in MAX_LENGTH.items()],
    ]
    errors: list[str] = []
    for flag, column, describe, summary in checks:
        if column not in flagged.columns:  # an optional column the file leaves out has no bad values
            continue
        bad = flagged.filter(pl.col(flag))
        for row, value in bad.select("row", column).head(MAX_LISTED).iter_rows():
            errors.append(f"row {row}: {describe(value)}")
        if bad.height > MAX_LISTED:
            errors.append(f"... and {bad.height - MAX_LISTED:,} more rows where {summary}")
    if flagged["_bad_offence"].any() or flagged["_blank_offence"].any():
        errors.append(f"accepted offence codes: {', '.join(profile.offence_codes)}")
    return [*errors, ROW_NOTE] if errors else []


def _padded(column: str) -> pl.Expr:
    c = pl.col(column)
    return (c.str.starts_with(" ") | c.str.ends_with(" ") | c.str.starts_with("\t") | c.str.ends_with("\t")).any()


def validate_incidents(raw: pl.LazyFrame | pl.DataFrame, profile: Profile, *, name: str = "the file",
                       tidy: bool = True) -> pl.LazyFrame:
    """Validated incidents, all or nothing.

    Returns a lazy frame over data held in memory, one row per data row, with `row` (its data
    row number), `incident_id`, `occurred_on` (Date), `area`, `perpetrator_id`, `victim_id`,
    `offence` (an Enum of the profile's codes) and `perpetrator_age` (Int32, null when missing).
    Raises InvalidIncidentFile naming every problem before anything is produced: missing
    columns (with the expected ones), no rows, empty ids or area, dates that are not
    YYYY-MM-DD, unknown offence codes (with the accepted ones) and ages that are not whole
    numbers of years; each problem names up to MAX_LISTED rows and counts the rest. With
    `tidy`, surrounding spaces and tabs are removed from text values first."""
    try:
        data = checked_columns(raw.lazy(), name).collect()
    except (pl.exceptions.PolarsError, OSError) as e:
        raise cannot_read(name, e) from None
    if data.height == 0:
        raise InvalidIncidentFile([f"{name}: no incident rows"])
    text = [c for c in [*ID_COLUMNS, "occurred_on", "offence", "perpetrator_age"]
            if tidy and c in data.columns and data.schema[c] == pl.String]
    # Stripping ten million values costs more than checking them: strip only where needed.
    strip = {c for c, padded in data.select(*[_padded(c).alias(c) for c in text]).row(0, named=True).items()
             if padded} if text else set()
    # Separate collects: the flags read each parsed column instead of parsing it again.
    parsed = data.lazy().with_columns(parsed_columns(data.schema, profile, strip=strip)).collect()
    if parsed["_offence"].null_count() > parsed["_offence_text"].null_count():
        parsed = data.lazy().with_columns(parsed_columns(data.schema, profile, strip=strip, tidy_offences=True)) \
            .collect()
    flagged = parsed.with_columns(problem_flags())
    if flagged.select(pl.any_horizontal(FLAGS).any()).item():
        raise InvalidIncidentFile(describe_problems(flagged, profile))
    return flagged.select(typed_columns()).lazy()


def read_incidents(path: str | Path, profile: Profile) -> pl.LazyFrame:
    """The incidents in a CSV or Parquet file, validated (see `validate_incidents`)."""
    path = Path(path)
    return validate_incidents(scan_incidents(path), profile, name=path.name, tidy=path.suffix.lower() == ".csv")


def read_incidents_of(path: str | Path, profile: Profile, perpetrator_ids: list[str]) -> pl.LazyFrame:
    """The incidents of `perpetrator_ids` only, from a file already read whole once (ranked), as
    `read_incidents` gives them (`row` counts their rows only). The file is scanned, so only their
    rows are ever held in memory; none is an empty frame of the same columns."""
    return _read_some(Path(path), profile, "perpetrator_id", perpetrator_ids)


def read_incidents_of_victims(path: str | Path, profile: Profile, victim_ids: list[str]) -> pl.LazyFrame:
    """The rows naming one of `victim_ids` as the victim, as `read_incidents_of` reads a perpetrator's."""
    return _read_some(Path(path), profile, "victim_id", victim_ids)


def _read_some(path: Path, profile: Profile, column: str, ids: list[str]) -> pl.LazyFrame:
    tidy = path.suffix.lower() == ".csv"
    raw = scan_incidents(path)
    values = pl.col(column).cast(pl.String)
    wanted = (values.str.strip_chars(" \t") if tidy else values).is_in(sorted(set(ids)))
    try:
        theirs = raw.filter(wanted).collect(engine="streaming")
    except (pl.exceptions.PolarsError, OSError) as e:
        raise cannot_read(path.name, e) from None
    if theirs.height == 0:
        return pl.LazyFrame(schema={"row": pl.UInt32, "incident_id": pl.String, "occurred_on": pl.Date,
                                    "area": pl.String, "perpetrator_id": pl.String, "victim_id": pl.String,
                                    "offence": pl.Enum(profile.offence_codes), "perpetrator_age": pl.Int32})
    return validate_incidents(theirs, profile, name=path.name, tidy=tidy)
