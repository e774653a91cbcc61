"""RFGV components and score per perpetrator, exactly as DOMAIN.md section 4.

    read_incidents -> counted_rows -> per_perpetrator -> points -> score (everyone)
                                                                 -> rank (eligible, top N)
"""

import math
from datetime import date

import polars as pl

from .aggregate import PER_PERPETRATOR, per_perpetrator
from .hashed import AREA_SPAN, key_columns, per_perpetrator_keyed
from .normalise import counted_rows
from .profile import Profile

SCORED = ["perpetrator_id", "area", "score", "recency", "frequency", "gravity", "victims", "incidents",
          "victim_count", "harm_days", "days_since", "last_incident", "eligible", "serial", "profile_version"]
HASHED_FROM_ROWS = 10_000  # below this many rows the plain group-by is as fast and simpler


def _up_to(column: str, bands: tuple[tuple[int, int], ...]) -> pl.Expr:
    """Points of the first band whose upper limit the value does not exceed."""
    expr = pl.when(pl.col(column) <= bands[0][0]).then(bands[0][1])
    for limit, points in bands[1:]:
        expr = expr.when(pl.col(column) <= limit).then(points)
    return expr.otherwise(0).cast(pl.Int64)


def _from(column: str, bands: tuple[tuple[int, int], ...]) -> pl.Expr:
    """Points of the last band whose threshold the value reaches (0 below the first)."""
    expr = pl.when(pl.col(column) >= bands[-1][0]).then(bands[-1][1])
    for threshold, points in reversed(bands[:-1]):
        expr = expr.when(pl.col(column) >= threshold).then(points)
    return expr.otherwise(0).cast(pl.Int64)


def gravity(harm: pl.Series, profile: Profile) -> pl.Series:
    """G for each H in hundredths of a day: min(100, 100 log10(1 + H) / log10(1 + cap)).

    Computed once per distinct H with Python's math.log10, not Polars' vectorised log10, which
    can give the same H different last bits depending on where it falls in a SIMD batch: two
    perpetrators with the same H must get the very same G, or the G tie-break would decide
    between them by rounding noise."""
    cap = math.log10(1 + profile.gravity_cap_days)
    distinct = harm.unique().drop_nulls().to_list()
    values = [min(100.0, 100 * math.log10(1 + h / 100) / cap) for h in distinct]
    return harm.replace_strict(distinct, values, return_dtype=pl.Float64).alias("gravity")


def points(people: pl.DataFrame, as_of: date | pl.Expr, profile: Profile) -> pl.DataFrame:
    """R, F, G, V, the score, eligibility and seriality from n, k, H and d (the columns
    `incidents`, `victim_count`, `harm` in hundredths of a day and `days_since`).

    The score is (uR R + uF F + uV V + uG G) / scale with the weights as whole units of
    1 / scale: the first three terms are summed exactly as integers, so two perpetrators whose
    points add up the same and whose H is the same get the very same score, and the tie-breaks
    decide between them, not rounding."""
    u = profile.weight_units
    t = pl.lit(as_of) if isinstance(as_of, date) else as_of
    return people.with_columns(
        _up_to("days_since", profile.recency).alias("recency"),
        _from("incidents", profile.frequency).alias("frequency"),
        gravity(people["harm"], profile),
        _from("victim_count", profile.victims).alias("victims"),
        (pl.col("harm") / 100).alias("harm_days"),
        (t - pl.duration(days=pl.col("days_since"))).cast(pl.Date).alias("last_incident"),
    ).with_columns(
        ((u["recency"] * pl.col("recency") + u["frequency"] * pl.col("frequency") + u["victims"] * pl.col("victims"))
         .cast(pl.Float64) + u["gravity"] * pl.col("gravity")).truediv(profile.weight_scale).alias("score"),
        (pl.col("incidents") >= profile.eligible_min_incidents).alias("eligible"),
        (pl.col("victim_count") >= profile.serial_min_victims).alias("serial"),
        pl.lit(profile.version).alias("profile_version"),
    )


def perpetrators(incidents: pl.LazyFrame, as_of: date, profile: Profile, *, method: str = "auto",
                 key_bits: int = 64) -> pl.DataFrame:
    """n, k, H, d and area of every perpetrator with a counted row on `as_of`: columns
    PER_PERPETRATOR (H as `harm` in hundredths of a day), in no particular order.

    `method` "hashed" goes through hashed keys (`hashed.py`), falling back to the exact
    group-by if two identifiers share a hash (`key_bits` below 64 only to test that); "exact"
    takes the plain group-by (`aggregate.py`); "auto" hashes from HASHED_FROM_ROWS counted rows.
    All give the same rows."""
    if "row" not in incidents.collect_schema():
        incidents = incidents.with_row_index("row", offset=1)
    rows = counted_rows(incidents, as_of, profile).collect()
    areas = rows["area"].unique().sort()
    if method not in ("auto", "hashed", "exact"):
        raise ValueError(f"method must be auto, hashed or exact, not {method!r}")
    hashed = method == "hashed" or (method == "auto" and rows.height >= HASHED_FROM_ROWS)
    if hashed and areas.len() <= AREA_SPAN:
        people = per_perpetrator_keyed(rows.select(
            *key_columns(key_bits), "days_since", pl.col("area").cast(pl.Enum(areas)).to_physical().alias("area_code"),
            "harm", pl.int_range(pl.len(), dtype=pl.UInt32).alias("ref")))
        if people is not None:
            return people.select(rows["perpetrator_id"].gather(people["ref"]).alias("perpetrator_id"),
                                 areas.gather(people["area_code"]).alias("area"),
                                 pl.exclude("ref", "area_code")).select(PER_PERPETRATOR)
    return per_perpetrator(rows.lazy())


def score(incidents: pl.LazyFrame, as_of: date, profile: Profile) -> pl.DataFrame:
    """Every perpetrator with an incident in the window on `as_of`, eligible or not, with his
    components and score: columns SCORED (n is `incidents`, k `victim_count`, H `harm_days`,
    d `days_since`; `last_incident` is the date of his latest incident). Deterministic: the
    same rows in any order give the same frame, sorted by perpetrator_id."""
    people = perpetrators(incidents, as_of, profile)
    return points(people, as_of, profile).select(SCORED).sort("perpetrator_id")
