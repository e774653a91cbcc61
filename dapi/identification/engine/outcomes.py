"""Outcome measures for someone on a programme: police incidents and harm in the 12 months before
and after entry, and RFGV at entry, every 28 days and at exit."""

from datetime import date, timedelta

import polars as pl

from .profile import Profile
from .score import per_incident, score

def _incidents_of(incidents: pl.LazyFrame, perpetrator_id: str, profile: Profile) -> pl.LazyFrame:
    rows = incidents.filter((pl.col("perpetrator_id") == perpetrator_id) & (
        pl.col("perpetrator_age").is_null() | (pl.col("perpetrator_age") >= profile.minimum_age)))
    return per_incident(rows.with_columns(
        pl.col("offence").replace_strict(profile.harm, return_dtype=pl.Float64).alias("harm")))


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def before_after(incidents: pl.LazyFrame, perpetrator_id: str, entry: date, as_of: date, profile: Profile) -> dict:
    """Incidents and harm in the 12 months before entry (from the same day a year earlier, up to
    the day before entry) and the 12 months from entry (up to `as_of`), with how many days of
    that year have passed. An incident's harm is its most harmful row; under-16 rows are ignored."""
    per = _incidents_of(incidents, perpetrator_id, profile).collect()
    before = per.filter((pl.col("occurred_on") >= _shift_years(entry, -1)) & (pl.col("occurred_on") < entry))
    year_end = _shift_years(entry, 1) - timedelta(days=1)
    after_end = min(year_end, as_of)
    after = per.filter((pl.col("occurred_on") >= entry) & (pl.col("occurred_on") <= after_end))
    return {"incidents_before": before.height, "harm_before": float(before["harm"].sum() or 0),
            "incidents_after": after.height, "harm_after": float(after["harm"].sum() or 0),
            "days_after": max(0, (after_end - entry).days + 1), "days_in_year": (year_end - entry).days + 1}


def rescore_series(incidents: pl.LazyFrame, perpetrator_id: str, entry: date, exit: date | None, as_of: date,
                   profile: Profile) -> list[dict]:
    """RFGV of one person at entry, every 28 days while on the programme, and at exit (or up to `as_of`)."""
    last = min(exit or as_of, as_of)
    days = [entry + timedelta(days=28 * i) for i in range((last - entry).days // 28 + 1)]
    if exit and exit <= as_of and days[-1] != exit:
        days.append(exit)
    mine = incidents.filter(pl.col("perpetrator_id") == perpetrator_id)
    series = []
    for day in days:
        row = score(mine, day, profile)
        point = {"on": day, "score": 0.0, "recency": 0, "frequency": 0, "gravity": 0.0, "victims": 0,
                 "incidents": 0}
        if row.height:
            point.update({k: row[k][0] for k in ("score", "recency", "frequency", "gravity", "victims", "incidents")})
        series.append(point)
    return series
