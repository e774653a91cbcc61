"""The police incidents of victims (DOMAIN.md section 5: the MARAC escalation criterion counts
domestic abuse events, police incidents among them).

For each victim identifier: the dates of the distinct incidents in which a row names her as the
victim, up to the as-of date, whoever the perpetrator. As in ranking, an incident's date is its
latest row's, and rows where the perpetrator was under the minimum age are ignored (domestic
abuse, by its statutory definition, is between people aged 16 or over).
"""

from collections.abc import Iterable
from datetime import date

import polars as pl

from .profile import Profile


def victim_incident_dates(incidents: pl.LazyFrame, victim_ids: Iterable[str], as_of: date,
                          profile: Profile) -> dict[str, list[date]]:
    """{victim_id: [date, ...]}, one date per distinct incident (ascending; two incidents on one
    day give the day twice), for each of `victim_ids`; a victim with none has an empty list."""
    wanted = sorted({v for v in victim_ids if v})
    out: dict[str, list[date]] = {v: [] for v in wanted}
    if not wanted:
        return out
    theirs = incidents.filter(
        pl.col("victim_id").is_in(wanted)
        & (pl.col("perpetrator_age").is_null() | (pl.col("perpetrator_age") >= profile.minimum_age)))
    per_incident = theirs.group_by("victim_id", "incident_id").agg(pl.col("occurred_on").max()).filter(
        pl.col("occurred_on") <= as_of).sort("victim_id", "occurred_on", "incident_id").collect()
    for victim_id, on in per_incident.select("victim_id", "occurred_on").iter_rows():
        out[victim_id].append(on)
    return out
