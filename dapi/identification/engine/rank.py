"""Rank eligible perpetrators within their area and keep the top N (DOMAIN.md section 4)."""

import polars as pl

TIE_BREAK = [("score", True), ("gravity", True), ("victims", True), ("last_incident", True), ("frequency", True),
             ("perpetrator_id", False)]


def rank(scores: pl.DataFrame, top_n: int) -> pl.DataFrame:
    """Eligible perpetrators ranked in each area by score, then G, V, latest incident, F (all
    descending), then perpetrator_id; the first `top_n` of each area; areas alphabetical."""
    columns, descending = zip(*TIE_BREAK)
    return (scores.filter(pl.col("eligible"))
            .sort(["area", *columns], descending=[False, *descending])
            .with_columns(pl.int_range(1, pl.len() + 1).over("area").alias("rank"))
            .filter(pl.col("rank") <= top_n))
