"""Synthetic police incident data with a realistic shape, deterministic for a seed.

Most perpetrators have one incident and a tail are repeat and serial (several victims); about
42% of incidents are non-crime (NCI); offences span the harm table with the severe ones rare;
some incidents have several rows (offences or victims); some rows are under 16 or fall outside
a two-year window before `AS_OF`. Identifiers say they are synthetic (SYN-...).
"""

from datetime import date

import numpy as np
import polars as pl

AS_OF = date(2024, 3, 31)  # the as-of date the generated window is shaped around
AREAS = ["Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees", "Darlington", "County Durham"]
AREA_WEIGHTS = [0.14, 0.22, 0.15, 0.24, 0.11, 0.14]
# Non-crime 42%; crimes shared so that severe offences are rare.
OFFENCES = ["NCI", "CD", "PO", "HAR", "CA", "STK", "CCB", "TTK", "SA", "ABH", "NFS", "GBH", "RAPE", "HOM"]
OFFENCE_WEIGHTS = [0.42, 0.07, 0.05, 0.10, 0.14, 0.03, 0.05, 0.02, 0.015, 0.07, 0.015, 0.007, 0.004, 0.0005]


def generate(rows: int, seed: int) -> pl.DataFrame:
    """About `rows` rows (exactly `rows`: the last incident is trimmed) of synthetic incidents."""
    if rows < 1:
        raise ValueError("rows must be 1 or more")
    rng = np.random.default_rng(seed)
    n_incidents = max(1, int(rows / 1.13))
    # Incidents per perpetrator: Zipf-like, most have one.
    counts = np.minimum(rng.zipf(2.3, size=n_incidents), 30)
    counts = counts[: np.searchsorted(np.cumsum(counts), n_incidents) + 1]
    perpetrator = np.repeat(np.arange(len(counts)), counts)[:n_incidents]
    n_incidents = len(perpetrator)
    # Victims: one for most; repeat perpetrators often have two to four (serial).
    victims_of = np.where(counts >= 3, rng.choice([1, 2, 3, 4], size=len(counts), p=[0.55, 0.25, 0.12, 0.08]),
                          np.where(counts == 2, rng.choice([1, 2], size=len(counts), p=[0.8, 0.2]), 1))
    victim = perpetrator * 4 + rng.integers(0, victims_of[perpetrator])
    home = rng.choice(len(AREAS), size=len(counts), p=AREA_WEIGHTS)
    area = np.where(rng.random(n_incidents) < 0.9, home[perpetrator], rng.choice(len(AREAS), size=n_incidents))
    # Dates: within two years before AS_OF, and about 8% up to a year earlier (outside the window).
    back = np.where(rng.random(n_incidents) < 0.92, rng.integers(0, 730, n_incidents),
                    rng.integers(730, 1095, n_incidents))
    occurred = np.datetime64(AS_OF) - back.astype("timedelta64[D]")
    offence = rng.choice(len(OFFENCES), size=n_incidents, p=np.array(OFFENCE_WEIGHTS) / sum(OFFENCE_WEIGHTS))
    age_of = rng.integers(18, 70, size=len(counts))
    age_of[rng.random(len(counts)) < 0.015] = rng.integers(13, 16)
    incidents = pl.DataFrame({
        "incident": np.arange(n_incidents), "occurred_on": occurred, "area": np.array(AREAS)[area],
        "perpetrator": perpetrator, "victim": victim, "offence": np.array(OFFENCES)[offence],
        "age": age_of[perpetrator]})
    # Extra rows: another offence in about 10% of incidents, another victim in about 3%.
    extra_offence = incidents.filter(pl.Series(rng.random(n_incidents) < 0.10))
    extra_offence = extra_offence.with_columns(pl.Series(
        "offence", np.array(OFFENCES)[rng.choice(len(OFFENCES), size=extra_offence.height,
                                                 p=np.array(OFFENCE_WEIGHTS) / sum(OFFENCE_WEIGHTS))]))
    extra_victim = incidents.filter(pl.Series(rng.random(n_incidents) < 0.03)).with_columns(
        (pl.col("victim") + 1).alias("victim"))
    frame = pl.concat([incidents, extra_offence, extra_victim]).sort(["incident", "victim", "offence"]).head(rows)
    missing_age = pl.Series(rng.random(frame.height) < 0.2)
    return frame.select(
        pl.format("SYN-I{}", pl.col("incident").cast(pl.String).str.zfill(9)).alias("incident_id"),
        pl.col("occurred_on").cast(pl.Date).dt.strftime("%Y-%m-%d").alias("occurred_on"),
        "area",
        pl.format("SYN-P{}", pl.col("perpetrator").cast(pl.String).str.zfill(8)).alias("perpetrator_id"),
        pl.format("SYN-V{}", pl.col("victim").cast(pl.String).str.zfill(9)).alias("victim_id"),
        "offence",
        pl.when(missing_age).then(pl.lit(None, dtype=pl.String)).otherwise(pl.col("age").cast(pl.String))
        .alias("perpetrator_age"))


def write(frame: pl.DataFrame, path) -> None:
    if str(path).lower().endswith((".parquet", ".pq")):
        frame.write_parquet(path)
    else:
        frame.write_csv(path)
