"""Rank eligible perpetrators within their area and keep the top N (DOMAIN.md section 4)."""

from datetime import date

import polars as pl

from .profile import Profile
from .score import SCORED, perpetrators, points

# (column, descending): score, then G, V, latest incident, F, all descending, then the id ascending.
TIE_BREAK = [("score", True), ("gravity", True), ("victims", True), ("last_incident", True), ("frequency", True),
             ("perpetrator_id", False)]
RANKED = ["area", "rank", *[c for c in SCORED if c != "area"]]


def rank(scores: pl.DataFrame, top_n: int) -> pl.DataFrame:
    """The eligible perpetrators of `scores` (a frame from `score`), ranked within their area
    by TIE_BREAK, the first `top_n` of each area, areas alphabetical: columns RANKED, with
    `rank` from 1 in each area. Deterministic: the order is total (the id breaks every tie)."""
    if top_n < 1:
        raise ValueError("top_n must be 1 or more")
    eligible = scores.lazy().filter(pl.col("eligible"))
    # Only someone at or above the N-th best score of his area can be in its top N; sorting that
    # short list is all the work, however many perpetrators there are.
    threshold = pl.col("score").top_k(top_n).min().over("area")
    columns, descending = zip(*TIE_BREAK)
    return (eligible.filter(pl.col("score") >= threshold)
            .sort(["area", *columns], descending=[False, *descending])
            .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).over("area").alias("rank"))
            .filter(pl.col("rank") <= top_n)
            .select(RANKED).collect())


def rank_incidents(incidents: pl.LazyFrame, as_of: date, profile: Profile, top_n: int | None = None) -> pl.DataFrame:
    """`rank(score(incidents, as_of, profile), top_n)` without sorting everyone by id first:
    the same frame, for the command line and anything else that needs only the ranking.
    `top_n` defaults to the profile's."""
    people = points(perpetrators(incidents, as_of, profile), as_of, profile).select(SCORED)
    return rank(people, profile.top_n if top_n is None else top_n)
