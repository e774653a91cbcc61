"""Outcomes of people on a programme, from police incidents (DOMAIN.md sections 4 and 7).

A stay is (key, perpetrator_id, entry, exit or None): someone's time on a programme, with any
key the caller wants back (a case id). For each stay, as of a date:

- `rescore_points`: RFGV at entry, every `rescore_every_days` (28) after entry while he is on
  the programme and up to the as-of date, and at exit;
- `before_after_entry`: incidents and harm in the `outcome_window_days` (365) days before
  entry (entry - 365 to entry - 1) and the 365 days from entry (entry to entry + 364, counted
  up to the as-of date, with how many of those days have passed).

As in ranking, an incident's date is its latest row's and its harm its most harmful row's, and
rows where the perpetrator was under the minimum age are ignored.
"""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import polars as pl

from .aggregate import per_perpetrator
from .normalise import counted_rows, harm_of
from .profile import Profile
from .score import points

Stay = tuple[object, str, date, date | None]
POINT_COLUMNS = ["score", "recency", "frequency", "gravity", "victims", "incidents", "victim_count", "harm_days",
                 "days_since", "last_incident", "area", "eligible", "serial"]
NO_INCIDENTS = {"score": 0.0, "recency": 0, "frequency": 0, "gravity": 0.0, "victims": 0, "incidents": 0,
                "victim_count": 0, "harm_days": 0.0, "eligible": False, "serial": False}


def _checked(stays: Iterable[Stay]) -> list[Stay]:
    checked = []
    for stay in stays:
        key, perpetrator_id, entry, exit = stay
        if not isinstance(perpetrator_id, str) or not perpetrator_id:
            raise ValueError(f"stay {key!r}: perpetrator_id must be a non-empty text")
        if not isinstance(entry, date) or (exit is not None and not isinstance(exit, date)):
            raise ValueError(f"stay {key!r}: entry and exit must be dates (exit may be None)")
        if exit is not None and exit < entry:
            raise ValueError(f"stay {key!r}: exit {exit} is before entry {entry}")
        checked.append((key, perpetrator_id, entry, exit))
    return checked


def rescore_dates(entry: date, exit: date | None, as_of: date, every_days: int) -> list[tuple[date, str]]:
    """(date, "entry" | "review" | "exit"): entry, every `every_days` after it up to the earlier
    of exit and `as_of`, and exit if it is on or before `as_of`; none if entry is after `as_of`.
    An exit on the entry day is reported as the entry."""
    if entry > as_of:
        return []
    last = min(exit or as_of, as_of)
    dates = [(entry + timedelta(days=every_days * i), "review") for i in range((last - entry).days // every_days + 1)]
    dates[0] = (entry, "entry")
    if exit is not None and exit <= as_of and exit != entry:
        if dates[-1][0] == exit:
            dates.pop()
        dates.append((exit, "exit"))
    return dates


def _keys(stays: list[Stay], order: pl.Series) -> pl.Series:
    """The callers' keys for the stays in `order`, typed when they are all of one kind."""
    keys = [stays[i][0] for i in order]
    try:
        return pl.Series("key", keys)
    except (TypeError, pl.exceptions.PolarsError):
        return pl.Series("key", keys, dtype=pl.Object)


def _their_rows(incidents: pl.LazyFrame, perpetrator_ids: Sequence[str]) -> pl.LazyFrame:
    wanted = pl.DataFrame({"perpetrator_id": sorted(set(perpetrator_ids))}, schema={"perpetrator_id": pl.String})
    return incidents.join(wanted.lazy(), on="perpetrator_id", how="semi")


def rescore_points(incidents: pl.LazyFrame, stays: Iterable[Stay], as_of: date, profile: Profile) -> pl.DataFrame:
    """One row per stay and rescoring date (see `rescore_dates`), in the order of `stays` then
    date: `key`, `perpetrator_id`, `on`, `point` and the RFGV columns POINT_COLUMNS as of `on`.
    Someone with no counted incident on a date scores 0 in every component (area, days_since
    and last_incident null)."""
    stays = _checked(stays)
    plan = [(i, pid, on, point) for i, (_, pid, entry, exit) in enumerate(stays)
            for on, point in rescore_dates(entry, exit, as_of, profile.rescore_every_days)]
    dates = pl.DataFrame(plan, schema={"stay": pl.Int64, "perpetrator_id": pl.String, "on": pl.Date,
                                       "point": pl.String}, orient="row")
    rows = _their_rows(incidents, [pid for _, pid, _, _ in stays]).join(
        dates.lazy().select("stay", "perpetrator_id", "on"), on="perpetrator_id")
    people = per_perpetrator(counted_rows(rows, pl.col("on"), profile), by=["stay", "on"])
    scored = points(people, pl.col("on"), profile)
    result = dates.join(scored.drop("profile_version"), on=["stay", "perpetrator_id", "on"], how="left",
                        maintain_order="left").with_columns(
        *[pl.col(c).fill_null(v) for c, v in NO_INCIDENTS.items()])
    return result.select(_keys(stays, result["stay"]), "perpetrator_id", "on", "point",
                         *POINT_COLUMNS)


def before_after_entry(incidents: pl.LazyFrame, stays: Iterable[Stay], as_of: date, profile: Profile) -> pl.DataFrame:
    """One row per stay, in order: `key`, `perpetrator_id`, `entry`, `incidents_before`,
    `harm_before`, `incidents_after`, `harm_after` (harm in days), `days_after` (how many days
    of the after-window have passed by `as_of`, 0 if entry is later) and `window_days`."""
    stays = _checked(stays)
    window = profile.outcome_window_days
    frame = pl.DataFrame([(i, pid, entry, min(entry + timedelta(days=window - 1), as_of))
                          for i, (_, pid, entry, _) in enumerate(stays)],
                         schema={"stay": pl.Int64, "perpetrator_id": pl.String, "entry": pl.Date, "after_end": pl.Date},
                         orient="row")
    counted = _their_rows(incidents, frame["perpetrator_id"].to_list()).filter(
        pl.col("perpetrator_age").is_null() | (pl.col("perpetrator_age") >= profile.minimum_age))
    per_incident = counted.group_by("perpetrator_id", "incident_id").agg(
        pl.col("occurred_on").max(), harm_of(pl.col("offence"), profile).max().alias("harm"))
    on = pl.col("occurred_on")
    before = (on < pl.col("entry")) & (on >= pl.col("entry") - pl.duration(days=window))
    after = (on >= pl.col("entry")) & (on <= pl.col("after_end"))
    totals = frame.lazy().join(per_incident, on="perpetrator_id").group_by("stay").agg(
        before.sum().cast(pl.Int64).alias("incidents_before"),
        (pl.col("harm").filter(before).sum() / 100).alias("harm_before"),
        after.sum().cast(pl.Int64).alias("incidents_after"),
        (pl.col("harm").filter(after).sum() / 100).alias("harm_after"))
    result = frame.lazy().join(totals, on="stay", how="left", maintain_order="left").with_columns(
        pl.col("incidents_before", "incidents_after").fill_null(0), pl.col("harm_before", "harm_after").fill_null(0.0),
        ((pl.col("after_end") - pl.col("entry")).dt.total_days() + 1).clip(lower_bound=0).alias("days_after"),
        pl.lit(window, dtype=pl.Int64).alias("window_days")).collect()
    return result.select(_keys(stays, result["stay"]), "perpetrator_id", "entry",
                         "incidents_before", "harm_before", "incidents_after", "harm_after", "days_after",
                         "window_days")


def before_after(incidents: pl.LazyFrame, perpetrator_id: str, entry: date, as_of: date, profile: Profile) -> dict:
    """`before_after_entry` for one person, as a dict (`days_in_year` is `window_days`, the
    name the case outcome page reads)."""
    row = before_after_entry(incidents, [(None, perpetrator_id, entry, None)], as_of, profile).row(0, named=True)
    return {k: row[k] for k in ("incidents_before", "harm_before", "incidents_after", "harm_after", "days_after",
                                "window_days")} | {"days_in_year": row["window_days"]}


def rescore_series(incidents: pl.LazyFrame, perpetrator_id: str, entry: date, exit: date | None, as_of: date,
                   profile: Profile) -> list[dict]:
    """`rescore_points` for one person, as a list of dicts in date order (`on`, `point` and the
    RFGV columns)."""
    frame = rescore_points(incidents, [(None, perpetrator_id, entry, exit)], as_of, profile)
    return frame.drop("key", "perpetrator_id").to_dicts()
