"""A comparison group for people on a programme (issue 17, item 7): the same force's ranked
perpetrators who were not referred, matched on RFGV band and area at each case's entry date, with
their incidents and harm in the 12 months before and after that date; and the difference in change
between the two groups with a bootstrap 95% interval.

Matching, for a stay (key, perpetrator_id, entry):

- everyone in the incident file is scored as of the entry date (`score.score`); the person's
  band is his score's band of `band_width` points (0 to under 10, 10 to under 20, ..., 90 to
  100: a score of 100 is in the top band) and his area the area of his latest incident then;
- candidates are the perpetrators eligible (ranked) on that date in the same area and band,
  less everyone in `excluded` (anyone ever referred, the person himself included);
- the `per_case` candidates nearest to his score are kept (ties by identifier), so the result
  does not depend on row order; a stay with no candidate, or who was not ranked himself on his
  entry date, is unmatched (kept, with no comparators).

Incidents and harm before and after use the same windows as the person's own outcome
(`outcomes.before_after_entry`: the 365 days before entry and from entry, counted to `as_of`).
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl

from .outcomes import before_after_entry
from .profile import Profile
from .score import score

BAND_WIDTH = 10
PER_CASE = 10
RESAMPLES = 2000
SEED = 17
MEASURED = ["incidents_before", "harm_before", "incidents_after", "harm_after"]


def band_of(value: float, width: int = BAND_WIDTH) -> int:
    """The lower bound of the band a score falls in (a score of 100 is in the top band)."""
    return min(int(math.floor(value / width)) * width, 100 - width)


def band_label(lower: int, width: int = BAND_WIDTH) -> str:
    return f"{lower} to 100" if lower + width >= 100 else f"{lower} to under {lower + width}"


def match(incidents: pl.LazyFrame, stays: Iterable[tuple[object, str, date]], excluded: Iterable[str], as_of: date,
          profile: Profile, *, band_width: int = BAND_WIDTH, per_case: int = PER_CASE) -> tuple[list[dict], list[dict]]:
    """(people, comparators). `people`: one dict per stay, in order: `key`, `perpetrator_id`,
    `entry`, `area` and `score` at entry (None when he had no counted incident then), `band`
    (None unless he was ranked on his entry date) and his own MEASURED, `days_after` and
    `window_days`. `comparators`: one dict per matched comparator, by stay then nearness: `key`,
    `perpetrator_id`, `score` at the stay's entry and MEASURED over the stay's windows."""
    stays = [(key, pid, entry) for key, pid, entry in stays]
    excluded = pl.Series("perpetrator_id", sorted(set(excluded) | {pid for _, pid, _ in stays}), dtype=pl.String)
    people, chosen = [], []
    for entry in sorted({e for _, _, e in stays}):
        scored = score(incidents, entry, profile).with_columns(
            ((pl.col("score") / band_width).floor().cast(pl.Int64) * band_width).clip(upper_bound=100 - band_width)
            .alias("band"))
        pool = scored.filter(pl.col("eligible") & ~pl.col("perpetrator_id").is_in(excluded.implode()))
        by_id = {r["perpetrator_id"]: r for r in scored.filter(pl.col("perpetrator_id").is_in(
            [pid for _, pid, e in stays if e == entry])).iter_rows(named=True)}
        for key, pid, e in stays:
            if e != entry:
                continue
            own = by_id.get(pid)
            ranked = own is not None and own["eligible"]
            people.append({"key": key, "perpetrator_id": pid, "entry": entry, "area": own["area"] if own else None,
                           "score": own["score"] if own else None, "band": own["band"] if ranked else None})
            if not ranked:
                continue
            near = (pool.filter((pl.col("area") == own["area"]) & (pl.col("band") == own["band"]))
                    .with_columns((pl.col("score") - own["score"]).abs().alias("_distance"))
                    .sort("_distance", "perpetrator_id").head(per_case))
            chosen += [(key, r["perpetrator_id"], entry, r["score"]) for r in near.iter_rows(named=True)]
    order = {key: i for i, (key, _, _) in enumerate(stays)}
    people.sort(key=lambda p: order[p["key"]])
    chosen.sort(key=lambda c: order[c[0]])  # stable: nearest first within each stay
    own = before_after_entry(incidents, [(i, p["perpetrator_id"], p["entry"], None) for i, p in enumerate(people)],
                             as_of, profile)
    for person, row in zip(people, own.iter_rows(named=True)):
        person.update({m: row[m] for m in [*MEASURED, "days_after", "window_days"]})
    if not chosen:
        return people, []
    measured = before_after_entry(incidents, [(i, pid, entry, None) for i, (_, pid, entry, _) in enumerate(chosen)],
                                  as_of, profile)
    return people, [{"key": key, "perpetrator_id": pid, "score": s, **{m: row[m] for m in MEASURED}}
                    for (key, pid, _, s), row in zip(chosen, measured.iter_rows(named=True))]


@dataclass(frozen=True)
class Difference:
    """The mean over matched people of (his change) minus (the mean change of his comparators),
    with a percentile bootstrap interval."""

    estimate: float
    low: float
    high: float
    people: int
    resamples: int
    seed: int


def difference_in_change(pairs: Sequence[tuple[float, Sequence[float]]], *, resamples: int = RESAMPLES,
                         seed: int = SEED, level: float = 0.95) -> Difference | None:
    """`pairs`: for each matched person, his change (after minus before) and his comparators'
    changes (at least one). The bootstrap draws people with replacement and, for each person
    drawn, his comparators with replacement (both sources of chance), `resamples` times, from a
    generator seeded with `seed`: the same pairs in the same order give the same interval. None
    when there are no pairs."""
    pairs = [(float(own), [float(c) for c in others]) for own, others in pairs]
    if not pairs:
        return None
    if any(not others for _, others in pairs):
        raise ValueError("every matched person needs at least one comparator")
    own = np.array([o for o, _ in pairs])
    counts = np.array([len(others) for _, others in pairs])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    flat = np.array([c for _, others in pairs for c in others])
    estimate = float(np.mean(own - np.array([np.mean(others) for _, others in pairs])))
    rng = np.random.Generator(np.random.PCG64(seed))
    n, draws = len(pairs), np.empty(resamples)
    for b in range(resamples):
        people = rng.integers(0, n, size=n)
        drawn = counts[people]
        # Each person drawn brings as many comparators as he has, drawn from his own with replacement.
        slots = np.repeat(np.arange(n), drawn)
        picks = (rng.random(slots.size) * drawn[slots]).astype(np.int64)
        sums = np.bincount(slots, flat[starts[people][slots] + picks], minlength=n)
        draws[b] = np.mean(own[people] - sums / drawn)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(draws, [tail, 100 - tail])
    return Difference(estimate=estimate, low=float(low), high=float(high), people=n, resamples=resamples, seed=seed)
