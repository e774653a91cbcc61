"""Per incident and per perpetrator, by plain group-bys on the identifiers (DOMAIN.md section 4).

This is the straightforward reading of the method, exact by construction. It serves small
inputs (outcomes rescore one person at many dates, through the `by` keys), and large ones
whenever the hashed path (`hashed.py`) finds two identifiers it cannot tell apart.

Definitions used here and in `hashed.py`, which must agree:
- An incident is one (perpetrator_id, incident_id); its date is its latest row's, its harm its
  most harmful row's, and its area the area of its latest row (alphabetically first if its
  latest rows name several).
- A perpetrator's area is the area of his latest incident; when his latest incidents are in
  several areas, the one of those with more of his incidents in the window, then the
  alphabetically first.
"""

from collections.abc import Sequence

import polars as pl

PER_PERPETRATOR = ["perpetrator_id", "area", "incidents", "victim_count", "harm", "days_since"]


def per_incident(rows: pl.LazyFrame, by: Sequence[str] = ()) -> pl.LazyFrame:
    """One row per (*by, perpetrator_id, incident_id): `harm` (its most harmful row),
    `days_since` (its latest row's) and `area` (its latest row's, ties alphabetical)."""
    latest = pl.col("days_since") == pl.col("days_since").min()
    return rows.group_by([*by, "perpetrator_id", "incident_id"]).agg(
        pl.col("harm").max(), pl.col("days_since").min(), pl.col("area").filter(latest).min())


def perpetrator_area(incidents: pl.LazyFrame, by: Sequence[str] = ()) -> pl.LazyFrame:
    """One row per (*by, perpetrator_id): the area of his latest incident; ties by the area
    with more of his incidents, then alphabetical."""
    keys = [*by, "perpetrator_id"]
    areas = incidents.group_by([*keys, "area"]).agg(pl.len().alias("_in_area"),
                                                     pl.col("days_since").min().alias("_latest"))
    return (areas.sort([*keys, "_latest", "_in_area", "area"], descending=[*[False] * len(keys), False, True, False])
            .unique(subset=keys, keep="first", maintain_order=True)
            .select(*keys, "area"))


def per_perpetrator(rows: pl.LazyFrame, by: Sequence[str] = ()) -> pl.DataFrame:
    """One row per (*by, perpetrator_id) with a counted row: `area`, `incidents` (n),
    `victim_count` (k), `harm` (H in hundredths of a day) and `days_since` (d)."""
    keys = [*by, "perpetrator_id"]
    incidents = per_incident(rows, by).cache()
    totals = incidents.group_by(keys).agg(pl.len().cast(pl.Int64).alias("incidents"),
                                          pl.col("harm").sum().alias("harm"),
                                          pl.col("days_since").min().alias("days_since"))
    victims = rows.group_by(keys).agg(pl.col("victim_id").n_unique().cast(pl.Int64).alias("victim_count"))
    return (totals.join(victims, on=keys).join(perpetrator_area(incidents, by), on=keys)
            .select(*by, *PER_PERPETRATOR).collect())
