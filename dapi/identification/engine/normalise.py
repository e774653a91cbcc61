"""Normalise validated incidents into the rows that count on an as-of date (DOMAIN.md section 4).

The staging step of the engine: it keeps only what the method reads, in the types the later
steps need, so that scoring never looks at a date, an age or an offence code again.
"""

from datetime import date

import polars as pl

from .profile import Profile

COUNTED = ["perpetrator_id", "incident_id", "victim_id", "area", "days_since", "harm"]


def harm_of(offence: pl.Expr, profile: Profile) -> pl.Expr:
    """The harm of each row's offence, in whole hundredths of a day (Int64), so that sums are
    exact. Offences must be codes of the profile (validated input is); anything else raises."""
    codes = profile.offence_codes
    centidays = pl.Series([profile.harm_centidays[c] for c in codes], dtype=pl.Int64)
    return pl.lit(centidays).gather(offence.cast(pl.Enum(codes)).to_physical())


def counted_rows(incidents: pl.LazyFrame, as_of: date | pl.Expr, profile: Profile) -> pl.LazyFrame:
    """The rows that count on `as_of` (a date, or an expression giving each row its own as-of
    date): T - W < occurred_on <= T, and the perpetrator is not under the minimum age (a missing
    age counts). Columns: any others already present, plus `days_since` (T - occurred_on, Int32,
    0 to W - 1) and `harm` (hundredths of a day, Int64); `occurred_on`, `offence` and
    `perpetrator_age` are dropped."""
    t = pl.lit(as_of) if isinstance(as_of, date) else as_of
    days_since = (t - pl.col("occurred_on")).dt.total_days()
    return (incidents
            .filter((days_since >= 0) & (days_since < profile.window_days)
                    & (pl.col("perpetrator_age").is_null() | (pl.col("perpetrator_age") >= profile.minimum_age)))
            .with_columns(days_since.cast(pl.Int32).alias("days_since"), harm_of(pl.col("offence"), profile)
                          .alias("harm"))
            .drop("occurred_on", "offence", "perpetrator_age"))
