"""Per perpetrator at national scale: the same result as `aggregate.per_perpetrator`, faster.

Grouping ten million rows by text identifiers is slow (hash tables of strings, a cache miss per
row). Here each identifier is hashed once to 64 bits (`key_columns`), the rows are sorted by one
128-bit key (perpetrator, incident), and every later step reads runs of equal keys in order.

Two different identifiers could share a hash: for four million perpetrators, about one chance
in two million that two of them do. So 32 bits of a second, independent hash of each identifier
travel with the rows: inside every run of equal keys they must be constant too, and a
perpetrator's count of distinct victims must be the same under both hashes. If a check fails the
function returns None and the caller takes the exact group-by path: a collision costs time, and
a wrong result needs the second hash to collide as well for the same pair (about one chance in
four billion of the first).
"""

import polars as pl

SEED = 0x52464756  # "RFGV"
CHECK_SEED = 0x64617069  # "dapi"
AREA_SPAN = 1 << 16  # areas are coded in 16 bits beside the days since an incident
HIGH = 1 << 32
KEYED = ["key", "check", "v", "v_check", "days_since", "area_code", "harm", "ref"]


def _hash(column: str, key_bits: int) -> pl.Expr:
    hashed = pl.col(column).hash(SEED)
    # Fewer bits only in tests, to force collisions and prove they are caught.
    return hashed if key_bits == 64 else hashed & pl.lit((1 << key_bits) - 1, dtype=pl.UInt64)


def key_columns(key_bits: int = 64) -> list[pl.Expr]:
    """From perpetrator_id, incident_id and victim_id: `key` (UInt128: perpetrator hash, then
    incident hash), `check` (UInt64: 32 bits of the perpetrator's and 32 of the incident's
    check hash), `v` (victim hash) and `v_check` (32 bits of the victim's check hash)."""
    check = [pl.col(c).hash(CHECK_SEED) // HIGH for c in ("perpetrator_id", "incident_id", "victim_id")]
    return [(_hash("perpetrator_id", key_bits).cast(pl.UInt128) * (1 << 64)
             + _hash("incident_id", key_bits).cast(pl.UInt128)).alias("key"),
            (check[0] * HIGH + check[1]).alias("check"),
            _hash("victim_id", key_bits).alias("v"),
            check[2].cast(pl.UInt32).alias("v_check")]


def _sorted(keyed: pl.DataFrame) -> pl.DataFrame:
    """Sorted by key, with `new_incident` and `new_perpetrator` marking where runs start. The
    day, area and harm of a row travel as one number (`packed`): the sort moves four columns,
    not six."""
    perpetrator = pl.col("key") // (1 << 64)
    latest = pl.col("days_since").cast(pl.UInt64) * AREA_SPAN + pl.col("area_code").cast(pl.UInt64)
    return keyed.lazy().select(
        "key", "check", "v", "v_check", "ref", (latest * HIGH + pl.col("harm").cast(pl.UInt64)).alias("packed"),
    ).sort("key").with_columns(
        (pl.col("key") != pl.col("key").shift(1)).fill_null(True).alias("new_incident"),
        (perpetrator != perpetrator.shift(1)).fill_null(True).alias("new_perpetrator"),
    ).collect()


def _collision(ordered: pl.DataFrame) -> bool:
    """Whether two identifiers share a key hash: a check hash changes inside a run."""
    check = pl.col("check")
    return ordered.select(
        (~pl.col("new_perpetrator") & (check // HIGH != check.shift(1) // HIGH)).any()
        | (~pl.col("new_incident") & (check != check.shift(1))).any()).item()


def _numbered(ordered: pl.DataFrame) -> pl.DataFrame:
    """Runs numbered by incident (`incident_no`) and perpetrator (`perpetrator_no`); of the keys
    only these numbers are kept, so the rest of the work reads half as much. `latest` is the
    day and area of a row as one number to take the least of: the latest row first, then the
    alphabetically first area."""
    return ordered.select(
        "v", "v_check", "ref", (pl.col("packed") % HIGH).cast(pl.UInt32).alias("harm"),
        (pl.col("packed") // HIGH).cast(pl.UInt32).alias("latest"),
        pl.col("new_incident").cum_sum().set_sorted().alias("incident_no"),
        pl.col("new_perpetrator").cum_sum().set_sorted().alias("perpetrator_no"))


def _tied_areas(incidents: pl.DataFrame, tied: pl.DataFrame) -> pl.DataFrame:
    """For perpetrators whose latest incidents are in several areas: the one of those areas with
    more of his incidents, then the alphabetically first (the least code)."""
    mine = incidents.join(tied.select("perpetrator_no", "days_since"), on="perpetrator_no")
    counts = mine.group_by("perpetrator_no", "area_code").agg(
        pl.len().alias("in_area"), (pl.col("latest") // AREA_SPAN == pl.col("days_since")).any().alias("candidate"))
    return (counts.filter("candidate").sort(["perpetrator_no", "in_area", "area_code"], descending=[False, True, False])
            .unique(subset="perpetrator_no", keep="first", maintain_order=True)
            .select("perpetrator_no", pl.col("area_code").alias("tied_area_code")))


def per_perpetrator_keyed(keyed: pl.DataFrame) -> pl.DataFrame | None:
    """One row per perpetrator from keyed counted rows (columns KEYED: `key_columns`, plus
    `days_since`, `area_code` (the area's alphabetical rank, < 65,536), `harm` in hundredths of a
    day (< 2**32) and `ref`, any number that leads back to the row). Columns: `ref` (of one of
    his rows), `area_code`, `incidents`, `victim_count`, `harm`, `days_since`, in no particular
    order; the definitions are those of `aggregate.py`. None when two identifiers cannot be
    told apart by their hashes.
    Pass the frame without keeping another reference to it, so it can be freed once sorted."""
    ordered = _sorted(keyed)
    del keyed  # the caller passes its only reference: the unsorted copy can go now
    if _collision(ordered):
        return None
    runs = _numbered(ordered)
    del ordered
    incidents = runs.lazy().group_by("incident_no", maintain_order=True).agg(
        pl.col("perpetrator_no").first(), pl.col("harm").max(), pl.col("latest").min(),
    ).with_columns((pl.col("latest") % AREA_SPAN).alias("area_code")).with_columns(
        # The same order with areas reversed: its least gives the last area among the latest incidents.
        ((pl.col("latest") // AREA_SPAN) * AREA_SPAN + (AREA_SPAN - 1 - pl.col("area_code"))).alias("reversed")
    ).collect()
    people = incidents.lazy().group_by("perpetrator_no", maintain_order=True).agg(
        pl.len().cast(pl.Int64).alias("incidents"), pl.col("harm").cast(pl.Int64).sum(), pl.col("latest").min(),
        pl.col("reversed").min(),
    ).with_columns(
        (pl.col("latest") // AREA_SPAN).cast(pl.Int32).alias("days_since"),
        (pl.col("latest") % AREA_SPAN).alias("area_code"),
        (AREA_SPAN - 1 - pl.col("reversed") % AREA_SPAN).alias("last_area_code"),
    )
    victims = runs.lazy().group_by("perpetrator_no", maintain_order=True).agg(
        pl.col("v").n_unique().cast(pl.Int64).alias("victim_count"),
        pl.col("v_check").n_unique().cast(pl.Int64).alias("victim_check"),
        pl.col("ref").first())
    people, victims = pl.collect_all([people, victims])
    if (victims["victim_count"] != victims["victim_check"]).any():
        return None
    people = people.hstack(victims.select("victim_count", "ref"))
    tied = people.filter(pl.col("area_code") != pl.col("last_area_code"))
    if tied.height:
        people = people.join(_tied_areas(incidents, tied), on="perpetrator_no", how="left", maintain_order="left") \
            .with_columns(pl.coalesce("tied_area_code", "area_code").alias("area_code"))
    return people.select("ref", "area_code", "incidents", "victim_count", "harm", "days_since")
