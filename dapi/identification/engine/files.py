"""Rank straight from a file, reading it once, for national-scale files.

`rank_file(path, ...)` gives the same frame as `rank(score(read_incidents(path, ...)))` and
raises the same InvalidIncidentFile, from one streaming pass that parses, validates and hashes
every row (the expressions of `read.py` and `hashed.py`), keeping numbers for the rows that
count and, of their text, only the perpetrator's identifier, from which the few that reach a top
N are looked up at the end (the file is not read again for them). The rows are then sorted and
counted in parts of about PART_ROWS, each holding whole perpetrators (split by a hash of the
identifier): at ten million rows that keeps the peak memory near 1.2 GiB with Polars' own
allocator settings, where sorting them all at once reached 1.5-2.0 GiB (bench/RESULTS.md).
Identifier lengths are checked in bytes in that pass; characters are counted only if some value
is longer in bytes than its limit, in a second pass that names the rows.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl

from .hashed import AREA_SPAN, HIGH, key_columns, per_perpetrator_keyed
from .normalise import harm_of
from .profile import Profile
from .rank import rank, rank_incidents
from .read import (FLAGS, InvalidIncidentFile, cannot_read, checked_columns, describe_problems,
                   parsed_columns, problem_flags, read_incidents, scan_incidents)
from .score import SCORED, points

Progress = Callable[[str], None]
PART_ROWS = 1_200_000  # counted rows sorted at a time


def _collect(frame: pl.LazyFrame, name: str) -> pl.DataFrame:
    try:
        return frame.collect(engine="streaming")
    except (pl.exceptions.PolarsError, OSError) as e:
        raise cannot_read(name, e) from None


def _counted_numbers(raw: pl.LazyFrame, as_of: date, profile: Profile, strip: set[str],
                     tidy_offences: bool, key_bits: int) -> pl.LazyFrame:
    """Every row that counts on `as_of` or may have a problem, as numbers: KEYED columns (with the
    area as a Categorical for now, and the data row number `row`), `perpetrator_id`,
    `_counted`, `_bad` and `_bad_offence`. A value longer than its limit in bytes is
    `_bad` here; whether it is in characters is for `_problems` to say."""
    schema = raw.collect_schema()
    parsed = raw.with_columns(parsed_columns(schema, profile, strip=strip, tidy_offences=tidy_offences))
    days_since = (pl.lit(as_of) - pl.col("_date")).dt.total_days()
    counted = ((days_since >= 0) & (days_since < profile.window_days)
               & (pl.col("_age").is_null() | (pl.col("_age") >= profile.minimum_age)))
    flagged = parsed.with_columns(problem_flags(exact_lengths=False)).with_columns(
        pl.any_horizontal(FLAGS).alias("_bad"), counted.alias("_counted"))
    return flagged.filter(pl.col("_counted") | pl.col("_bad")).select(
        *key_columns(key_bits), days_since.cast(pl.Int32).alias("days_since"),
        pl.col("area").cast(pl.Categorical).alias("area"),
        harm_of(pl.col("_offence"), profile).cast(pl.UInt32).alias("harm"), "row",
        pl.col("perpetrator_id"), "_counted", "_bad", "_bad_offence")


def _problems(raw: pl.LazyFrame, profile: Profile, strip: set[str], tidy_offences: bool, name: str) -> list[str]:
    """The messages `read_incidents` would give, from a second pass over the rows with problems."""
    schema = raw.collect_schema()
    flagged = raw.with_columns(parsed_columns(schema, profile, strip=strip, tidy_offences=tidy_offences)) \
        .with_columns(problem_flags())
    return describe_problems(_collect(flagged.filter(pl.any_horizontal(FLAGS)), name), profile)


def rank_file(path: str | Path, as_of: date, profile: Profile, top_n: int | None = None, *,
              progress: Progress | None = None, key_bits: int = 64,
              part_rows: int = PART_ROWS) -> pl.DataFrame:
    """The ranking of a CSV or Parquet incident file: the same frame as
    `rank(score(read_incidents(path, profile), as_of, profile), top_n)` (top_n defaults to the
    profile's), and the same InvalidIncidentFile if the file is not valid, from one streaming
    pass over the file. `progress`, if given, is told each step as it starts. If two
    identifiers share a hash (`key_bits` below 64 only to test that) it ranks in memory instead.
    `part_rows` (smaller only to test it): counted rows sorted and counted at a time."""
    path, say = Path(path), progress or (lambda _: None)
    top_n = profile.top_n if top_n is None else top_n
    say(f"Reading, validating and counting {path.name}")
    raw = checked_columns(scan_incidents(path), path.name)
    schema = raw.collect_schema()
    # CSV text comes from spreadsheets: strip every text field (read_incidents strips only the
    # columns that need it, which gives the same values).
    strip = {c for c in schema if schema[c] == pl.String} if path.suffix.lower() == ".csv" else set()
    tidy_offences = False
    rows = _collect(_counted_numbers(raw, as_of, profile, strip, tidy_offences, key_bits), path.name)
    if rows["_bad_offence"].any():
        # Only a file with untidy offence codes pays for tidying them.
        tidy_offences = True
        rows = _collect(_counted_numbers(raw, as_of, profile, strip, tidy_offences, key_bits), path.name)
    if rows["_bad"].any():
        problems = _problems(raw, profile, strip, tidy_offences, path.name)
        if problems:
            raise InvalidIncidentFile(problems)
        rows = rows.filter(pl.col("_counted"))  # long in bytes, within the limit in characters
    if rows.height == 0 and _collect(raw.select(pl.len()), path.name).item() == 0:
        raise InvalidIncidentFile([f"{path.name}: no incident rows"])

    say("Scoring perpetrators")
    areas = rows["area"].unique().cast(pl.String).sort()
    if areas.len() > AREA_SPAN:
        return rank_incidents(read_incidents(path, profile), as_of, profile, top_n)
    # Categorical codes are not alphabetical: look each one up in the sorted areas.
    codes = rows["area"].unique()
    lookup = codes.cast(pl.String).cast(pl.Enum(areas.to_list())).to_physical()
    rank_of = pl.Series([0] * (int(codes.to_physical().max() or 0) + 1), dtype=pl.UInt32).scatter(
        codes.to_physical(), lookup)
    parts = max(1, -(-rows.height // part_rows))
    # Identifiers wait by data row number (`ref`) for the few perpetrators who may reach a top N.
    ids = rows.select(pl.col("row").alias("ref"), "perpetrator_id")
    found = []
    for part in range(parts):
        # A perpetrator's rows share his check hash, so a part holds all the rows of its
        # perpetrators: one part at a time is sorted and counted, which bounds the memory.
        mine = rows.lazy().filter((pl.col("check") // HIGH) % parts == part) if parts > 1 else rows.lazy()
        keyed = [mine.select("key", "check", "v", "v_check", "days_since",
                             pl.lit(rank_of).gather(pl.col("area").to_physical()).alias("area_code"),
                             "harm", pl.col("row").alias("ref")).collect()]
        del mine
        if parts == 1:
            del rows  # only the keyed copy is left, and it goes once sorted
        people = per_perpetrator_keyed(keyed.pop())
        if people is None:
            return rank_incidents(read_incidents(path, profile), as_of, profile, top_n)
        found.append(_candidates(people, areas, as_of, profile, top_n))
    say("Ranking within areas")
    candidates = pl.concat(found)
    theirs = ids.filter(pl.col("ref").is_in(candidates["ref"].implode()))
    return rank(candidates.join(theirs, on="ref").select(SCORED), top_n)


def _candidates(people: pl.DataFrame, areas: pl.Series, as_of: date, profile: Profile, top_n: int) -> pl.DataFrame:
    """Of `people` (from `per_perpetrator_keyed`), those who may reach a top N: columns SCORED
    but `perpetrator_id`, and `ref`. Only someone at or above the N-th best score of his area
    among them can."""
    scored = points(people, as_of, profile).with_columns(pl.lit(areas).gather(pl.col("area_code")).alias("area"))
    eligible = scored.filter(pl.col("eligible"))
    candidates = eligible.filter(pl.col("score") >= pl.col("score").top_k(top_n).min().over("area"))
    return candidates.select("ref", *[c for c in SCORED if c != "perpetrator_id"])
