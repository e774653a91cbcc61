"""RFGV exactly as DOMAIN.md section 4: normalise -> per incident -> per perpetrator -> components."""

import math
from datetime import date, timedelta

import polars as pl

from .profile import Profile


def in_window(incidents: pl.LazyFrame, as_of: date, profile: Profile) -> pl.LazyFrame:
    """Rows that count on `as_of`: T - W < occurred_on <= T, and not under the minimum age
    (a missing age counts), each with its offence's harm in days."""
    start = as_of - timedelta(days=profile.window_days)
    return incidents.filter(
        (pl.col("occurred_on") > start) & (pl.col("occurred_on") <= as_of)
        & (pl.col("perpetrator_age").is_null() | (pl.col("perpetrator_age") >= profile.minimum_age))
    ).with_columns(pl.col("offence").replace_strict(profile.harm, return_dtype=pl.Float64).alias("harm"))


def per_incident(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One row per perpetrator and incident: its most harmful row's harm, its date and area (the
    latest row's; ties alphabetical)."""
    latest_first = [pl.col("occurred_on"), pl.col("area")]
    return rows.group_by(["perpetrator_id", "incident_id"]).agg(
        pl.col("harm").max(), pl.col("occurred_on").max(),
        pl.col("area").sort_by(latest_first, descending=[True, False]).first())


def _band_up_to(column: str, bands) -> pl.Expr:
    expr = pl.when(pl.col(column) <= bands[0][0]).then(pl.lit(bands[0][1]))
    for limit, points in bands[1:]:
        expr = expr.when(pl.col(column) <= limit).then(pl.lit(points))
    return expr.otherwise(pl.lit(0)).cast(pl.Int64)


def _band_from(column: str, bands) -> pl.Expr:
    expr = pl.when(pl.col(column) >= bands[-1][0]).then(pl.lit(bands[-1][1]))
    for threshold, points in reversed(bands[:-1]):
        expr = expr.when(pl.col(column) >= threshold).then(pl.lit(points))
    return expr.otherwise(pl.lit(0)).cast(pl.Int64)


def perpetrator_area(incidents: pl.LazyFrame) -> pl.LazyFrame:
    """The area of each perpetrator's latest incident; ties by the area with more of his
    incidents, then alphabetical."""
    ranked = incidents.with_columns(
        (pl.col("occurred_on") == pl.col("occurred_on").max().over("perpetrator_id")).alias("_latest"),
        pl.len().over(["perpetrator_id", "area"]).alias("_in_area"))
    return ranked.group_by("perpetrator_id").agg(
        pl.col("area").sort_by([pl.col("_latest"), pl.col("_in_area"), pl.col("area")],
                               descending=[True, True, False]).first())


def score(incidents: pl.LazyFrame, as_of: date, profile: Profile) -> pl.DataFrame:
    """Every perpetrator with an incident in the window, with n, k, d, H, R, F, G, V, the score,
    eligibility, seriality and the profile version. Deterministic: sorted by perpetrator_id."""
    # Categorical keys make the group-bys cheaper; they are strings again before anything is sorted.
    rows = in_window(incidents, as_of, profile).with_columns(
        pl.col("perpetrator_id").cast(pl.Categorical), pl.col("area").cast(pl.Categorical))
    per = per_incident(rows)
    victims = rows.group_by("perpetrator_id").agg(pl.col("victim_id").n_unique().alias("victim_count"))
    people = per.group_by("perpetrator_id").agg(
        pl.len().alias("incidents"), pl.col("harm").sum().alias("harm_days"),
        pl.col("occurred_on").max().alias("last_incident"))
    w = profile.weights
    cap = math.log10(1 + profile.gravity_cap_days)
    return (people.join(victims, on="perpetrator_id").join(perpetrator_area(per), on="perpetrator_id")
            .with_columns((pl.lit(as_of) - pl.col("last_incident")).dt.total_days().alias("days_since"))
            .with_columns(
                _band_up_to("days_since", profile.recency).alias("recency"),
                _band_from("incidents", profile.frequency).alias("frequency"),
                pl.min_horizontal(pl.lit(100.0), 100 * (1 + pl.col("harm_days")).log10() / cap).alias("gravity"),
                _band_from("victim_count", profile.victims).alias("victims"))
            .with_columns(
                (w["recency"] * pl.col("recency") + w["frequency"] * pl.col("frequency")
                 + w["gravity"] * pl.col("gravity") + w["victims"] * pl.col("victims")).alias("score"),
                (pl.col("incidents") >= profile.eligible_min_incidents).alias("eligible"),
                (pl.col("victim_count") >= profile.serial_min_victims).alias("serial"),
                pl.lit(profile.version).alias("profile_version"))
            .with_columns(pl.col("perpetrator_id").cast(pl.String), pl.col("area").cast(pl.String))
            .select("perpetrator_id", "area", "score", "recency", "frequency", "gravity", "victims", "incidents",
                    "victim_count", "harm_days", "days_since", "last_incident", "eligible", "serial",
                    "profile_version")
            .sort("perpetrator_id").collect())
