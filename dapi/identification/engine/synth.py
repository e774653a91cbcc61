"""Synthetic police incident data with a realistic shape, deterministic for a seed.

The shape, around the default as-of date AS_OF (31 Mar 2024):
- areas: the four Cleveland local authorities and three neighbours; each perpetrator has a
  home area and about 1 incident in 12 happens elsewhere;
- most perpetrators have one incident, and a tail are repeat (Zipf-distributed counts, up to
  60) and serial perpetrators (repeat perpetrators often have two to four victims);
- repeat incidents cluster in time (gaps of about two months);
- about 42% of incidents are non-crime (NCI); crimes span the whole harm table, the severe
  ones rare; about 15% of crimes have a second offence row and about 4% of incidents a second
  victim row;
- dates run from 800 days before AS_OF to 5 days after, so about 9% fall outside the 730-day
  window; 1.5% of perpetrators were 13 to 15 (under the minimum age) and 20% of rows have no
  age recorded;
- rows are in date order, like a police extract, with incident numbers given in that order.

Identifiers say they are synthetic: SYN-I000000001 (incident), SYN-P00000001 (perpetrator),
SYN-V000000001 (victim). Every step is a whole-array operation: 10 million rows take seconds.
"""

import os
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

AS_OF = date(2024, 3, 31)  # the as-of date the generated window is shaped around
FIRST_DAY, LAST_DAY = -800, 5  # days from AS_OF
AREAS = ["Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees", "Darlington", "County Durham",
         "North Yorkshire"]
AREA_WEIGHTS = [0.10, 0.16, 0.13, 0.19, 0.10, 0.22, 0.10]
# Primary offence of an incident: non-crime 42%; crimes shared so that severe offences are rare.
OFFENCES = ["NCI", "CD", "PO", "HAR", "CA", "STK", "CCB", "TTK", "SA", "ABH", "NFS", "GBH", "RAPE", "HOM"]
OFFENCE_WEIGHTS = [0.42, 0.07, 0.05, 0.10, 0.14, 0.03, 0.05, 0.02, 0.015, 0.07, 0.015, 0.007, 0.004, 0.0005]
ROWS_PER_INCIDENT = 1.127  # the mean, from the extra offence and victim rows below
EXTRA_OFFENCE, EXTRA_VICTIM = 0.15, 0.04


def _choice(rng: np.random.Generator, weights: list[float], size: int) -> np.ndarray:
    """Indexes into `weights`, drawn in proportion to them (an inverse-CDF lookup: faster than
    Generator.choice with p= for millions of draws)."""
    cumulative = np.cumsum(weights) / sum(weights)
    return np.minimum(np.searchsorted(cumulative, rng.random(size), side="right"), len(weights) - 1).astype(np.int8)


def _incidents(rng: np.random.Generator, wanted: int) -> dict[str, np.ndarray]:
    """About `wanted` incidents (at least that many), one array per field."""
    counts = np.minimum(rng.zipf(2.4, size=wanted), 60)
    people = int(np.searchsorted(np.cumsum(counts), wanted)) + 1
    counts = counts[:people]
    perpetrator = np.repeat(np.arange(people, dtype=np.int64), counts)
    n = len(perpetrator)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    nth = np.arange(n) - first  # 0 for a perpetrator's first incident, 1 for his second, ...
    # Repeat incidents cluster: about two months apart, from a start anywhere in the span;
    # a run that would pass the end wraps round to the start of the span.
    span = LAST_DAY - FIRST_DAY + 1
    gaps = np.where(nth == 0, 0, rng.exponential(60.0, size=n).astype(np.int64) + 1)
    start = rng.integers(0, span, size=people)
    total = np.cumsum(gaps)  # less the total at his first incident: days since his first
    day = (start[perpetrator] + total - total[first]) % span + FIRST_DAY
    home = _choice(rng, AREA_WEIGHTS, people)
    area = np.where(rng.random(n) < 11 / 12, home[perpetrator], _choice(rng, AREA_WEIGHTS, n))
    victims = np.where(counts >= 2, 1 + _choice(rng, [0.55, 0.27, 0.12, 0.06], people), 1)
    victim = perpetrator * 8 + (rng.random(n) * victims[perpetrator]).astype(np.int64)
    age = rng.integers(16, 71, size=people)
    youth = rng.random(people) < 0.015
    age[youth] = rng.integers(13, 16, size=int(youth.sum()))
    return {"perpetrator": perpetrator, "day": day, "area": area, "victim": victim,
            "offence": _choice(rng, OFFENCE_WEIGHTS, n), "age": age[perpetrator]}


def generate(rows: int, seed: int) -> pl.DataFrame:
    """Exactly `rows` rows of synthetic incidents (columns of DOMAIN.md section 4), the same for
    the same seed: incident_id, occurred_on (Date), area, perpetrator_id, victim_id, offence,
    perpetrator_age (Int16, null when not recorded)."""
    if rows < 1:
        raise ValueError("rows must be 1 or more")
    rng = np.random.default_rng(seed)
    wanted = int(rows / ROWS_PER_INCIDENT * 1.02) + 16
    while True:
        incident = _incidents(rng, wanted)
        n = len(incident["day"])
        # Extra rows: another (criminal) offence for some crimes, another victim for some incidents.
        crime = incident["offence"] > 0
        extra_offence = np.flatnonzero(crime & (rng.random(n) < EXTRA_OFFENCE))
        extra_victim = np.flatnonzero(rng.random(n) < EXTRA_VICTIM)
        if n + len(extra_offence) + len(extra_victim) >= rows:
            break
        wanted = wanted * 3 // 2
    source = np.concatenate([np.arange(n), extra_offence, extra_victim])
    offence = np.concatenate([incident["offence"], 1 + _choice(rng, OFFENCE_WEIGHTS[1:], len(extra_offence)),
                              incident["offence"][extra_victim]])
    victim = np.concatenate([incident["victim"], incident["victim"][extra_offence],
                             incident["perpetrator"][extra_victim] * 8 + 7])  # a child or a new partner
    # Exactly `rows`: drop the surplus at random (from the end it would cut the latest weeks).
    keep = np.sort(rng.choice(len(source), size=rows, replace=False)) if len(source) > rows else np.arange(rows)
    source, offence, victim = source[keep], offence[keep], victim[keep]
    # Police extracts run in date order; incident numbers follow it.
    by_date = np.argsort(incident["day"], kind="stable")
    number = np.empty(n, dtype=np.int64)
    number[by_date] = np.arange(1, n + 1)
    order = np.lexsort((np.arange(rows), number[source]))
    source, offence, victim = source[order], offence[order], victim[order]
    # Perpetrator numbers in a random order, so that ids say nothing about anyone's history.
    people = int(incident["perpetrator"].max()) + 1
    alias = rng.permutation(people) + 1
    recorded = rng.random(rows) >= 0.20
    frame = pl.DataFrame({
        "incident": number[source], "day": incident["day"][source], "area": incident["area"][source],
        "perpetrator": alias[incident["perpetrator"][source]], "victim": victim, "offence": offence,
        "age": np.where(recorded, incident["age"][source], -1),
    })
    return frame.select(
        pl.format("SYN-I{}", pl.col("incident").cast(pl.String).str.zfill(9)).alias("incident_id"),
        (pl.lit(AS_OF) + pl.duration(days=pl.col("day"))).cast(pl.Date).alias("occurred_on"),
        pl.col("area").cast(pl.UInt32).replace_strict(list(range(len(AREAS))), AREAS, return_dtype=pl.String),
        pl.format("SYN-P{}", pl.col("perpetrator").cast(pl.String).str.zfill(8)).alias("perpetrator_id"),
        pl.format("SYN-V{}", (pl.col("victim") + 1).cast(pl.String).str.zfill(9)).alias("victim_id"),
        pl.col("offence").cast(pl.UInt32).replace_strict(list(range(len(OFFENCES))), OFFENCES, return_dtype=pl.String),
        pl.when(pl.col("age") >= 0).then(pl.col("age")).cast(pl.Int16).alias("perpetrator_age"),
    )


def write(frame: pl.DataFrame, path: str | Path) -> None:
    """CSV (ISO dates, an empty field for a missing age) or Parquet (typed), by extension. Written
    beside `path` and renamed over it, so a write killed half-way never leaves half a file there."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".parquet", ".pq", ".csv"):
        raise ValueError(f"{path.name}: expected a .csv or .parquet file")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    try:
        if suffix == ".csv":
            frame.write_csv(temporary, date_format="%Y-%m-%d")
        else:
            frame.write_parquet(temporary, statistics=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

