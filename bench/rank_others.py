"""Two other readings of DOMAIN.md section 4 that bench/rank.py times beside dapi's engine.

- `pandas_rank`: a straightforward pandas implementation (group-bys on the identifiers).
- `duckdb_rank`: one DuckDB SQL query over the Parquet file.

Both check what dapi refuses that would change a ranking (missing columns, empty identifiers,
unknown offence codes), take every number from the same profile, and compute the score as the
engine does, (uR R + uF F + uV V) + uG G over the weights' common denominator, with G from
log10 per perpetrator: so equal points give equal scores and the tie-breaks decide, in all three.
Each returns (area, rank, perpetrator_id, score to 4 decimals) rows, areas alphabetical.
"""

import math
from datetime import date

from dapi.identification.engine import COLUMNS, Profile

Ranked = list[tuple[str, int, str, str]]


def _up_to(values, bands):
    """Points of the first band whose upper limit the value does not exceed (recency)."""
    import numpy as np

    return np.select([values <= limit for limit, _ in bands], [points for _, points in bands], 0)


def _from(values, bands):
    """Points of the last band whose threshold the value reaches (frequency, victims)."""
    import numpy as np

    return np.select([values >= threshold for threshold, _ in reversed(bands)],
                     [points for _, points in reversed(bands)], 0)


def pandas_rank(path: str, as_of: date, profile: Profile, top_n: int) -> Ranked:
    import pandas as pd

    df = pd.read_parquet(path)
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"missing columns: {missing}")
    for c in ("incident_id", "area", "perpetrator_id", "victim_id"):
        blank = df[c].isna() | (df[c] == "")
        if blank.any():
            raise ValueError(f"row {blank.to_numpy().argmax() + 1}: {c} is empty")
    harm = df["offence"].map(profile.harm_centidays)
    if harm.isna().any():
        raise ValueError(f"row {harm.isna().to_numpy().argmax() + 1}: unknown offence code")
    days = (pd.Timestamp(as_of) - pd.to_datetime(df["occurred_on"])).dt.days
    age = df["perpetrator_age"] if "perpetrator_age" in df.columns else pd.Series(pd.NA, index=df.index)
    keep = (days >= 0) & (days < profile.window_days) & (age.isna() | (age >= profile.minimum_age))
    rows = df.loc[keep, ["perpetrator_id", "incident_id", "victim_id", "area"]].assign(
        days=days[keep], harm=harm[keep].astype("int64"))

    # An incident: its most harmful row, its latest row's day and area (alphabetically first of ties).
    rows = rows.sort_values(["days", "area"], kind="stable")
    incidents = rows.groupby(["perpetrator_id", "incident_id"], sort=False).agg(
        harm=("harm", "max"), days=("days", "first"), area=("area", "first")).reset_index()
    people = incidents.groupby("perpetrator_id").agg(n=("harm", "size"), H=("harm", "sum"), d=("days", "min"))
    people = people[people["n"] >= profile.eligible_min_incidents]
    people["k"] = rows[rows["perpetrator_id"].isin(people.index)].groupby("perpetrator_id")["victim_id"].nunique()
    # His area: the area of his latest incident; ties by more of his incidents there, then alphabetical.
    mine = incidents[incidents["perpetrator_id"].isin(people.index)]
    areas = mine.groupby(["perpetrator_id", "area"]).agg(in_area=("days", "size"), latest=("days", "min")).reset_index()
    areas = areas.sort_values(["perpetrator_id", "latest", "in_area", "area"], ascending=[True, True, False, True])
    people["area"] = areas.drop_duplicates("perpetrator_id").set_index("perpetrator_id")["area"]

    cap = math.log10(1 + profile.gravity_cap_days)
    gravity = {h: min(100.0, 100 * math.log10(1 + h / 100) / cap) for h in people["H"].unique().tolist()}
    people["R"] = _up_to(people["d"].to_numpy(), profile.recency)
    people["F"] = _from(people["n"].to_numpy(), profile.frequency)
    people["V"] = _from(people["k"].to_numpy(), profile.victims)
    people["G"] = people["H"].map(gravity)
    u = profile.weight_units
    people["score"] = ((u["recency"] * people["R"] + u["frequency"] * people["F"] + u["victims"] * people["V"])
                       .astype("float64") + u["gravity"] * people["G"]) / profile.weight_scale
    ranked = people.reset_index().sort_values(
        ["area", "score", "G", "V", "d", "F", "perpetrator_id"],
        ascending=[True, False, False, False, True, False, True])
    ranked["rank"] = ranked.groupby("area").cumcount() + 1
    ranked = ranked[ranked["rank"] <= top_n]
    return [(a, int(r), p, f"{s:.4f}") for a, r, p, s in
            ranked[["area", "rank", "perpetrator_id", "score"]].itertuples(index=False)]


def _case(column: str, bands, *, up_to: bool) -> str:
    if up_to:
        whens = " ".join(f"WHEN {column} <= {limit} THEN {points}" for limit, points in bands)
    else:
        whens = " ".join(f"WHEN {column} >= {threshold} THEN {points}" for threshold, points in reversed(bands))
    return f"(CASE {whens} ELSE 0 END)"


def duckdb_rank(path: str, as_of: date, profile: Profile, top_n: int) -> Ranked:
    import duckdb

    con = duckdb.connect()
    codes = ", ".join(f"('{code}', {centidays})" for code, centidays in profile.harm_centidays.items())
    source = f"read_parquet('{path}')"
    columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise ValueError(f"missing columns: {missing}")
    blank = " OR ".join(f"coalesce({c}, '') = ''" for c in ("incident_id", "area", "perpetrator_id", "victim_id"))
    known = ", ".join(f"'{code}'" for code in profile.harm_centidays)
    problems = con.execute(f"SELECT count(*) FILTER (WHERE {blank}), count(*) FILTER (WHERE offence NOT IN ({known}))"
                           f" FROM {source}").fetchone()
    if any(problems):
        raise ValueError(f"{problems[0]} rows with an empty identifier, {problems[1]} with an unknown offence")
    age = "perpetrator_age" if "perpetrator_age" in columns else "NULL"
    u, cap = profile.weight_units, math.log10(1 + profile.gravity_cap_days)
    query = f"""
    WITH harm(code, centidays) AS (VALUES {codes}),
    counted AS (
        SELECT s.perpetrator_id, s.incident_id, s.victim_id, s.area,
               (DATE '{as_of.isoformat()}' - s.occurred_on) AS days, h.centidays AS harm
        FROM {source} s JOIN harm h ON h.code = s.offence
        WHERE (DATE '{as_of.isoformat()}' - s.occurred_on) BETWEEN 0 AND {profile.window_days - 1}
          AND ({age} IS NULL OR {age} >= {profile.minimum_age})),
    incidents AS (
        SELECT perpetrator_id, incident_id, max(harm) AS harm, min(days) AS days,
               min({{'d': days, 'a': area}}).a AS area
        FROM counted GROUP BY perpetrator_id, incident_id),
    people AS (
        SELECT perpetrator_id, count(*) AS n, sum(harm) AS h, min(days) AS d
        FROM incidents GROUP BY perpetrator_id HAVING count(*) >= {profile.eligible_min_incidents}),
    victims AS (
        SELECT perpetrator_id, count(DISTINCT victim_id) AS k
        FROM counted SEMI JOIN people USING (perpetrator_id) GROUP BY perpetrator_id),
    areas AS (
        SELECT perpetrator_id, area FROM (
            SELECT perpetrator_id, area, count(*) AS in_area, min(days) AS latest
            FROM incidents SEMI JOIN people USING (perpetrator_id) GROUP BY perpetrator_id, area)
        QUALIFY row_number() OVER (PARTITION BY perpetrator_id ORDER BY latest, in_area DESC, area) = 1),
    points AS (
        SELECT perpetrator_id, area, d, {_case('d', profile.recency, up_to=True)} AS r,
               {_case('n', profile.frequency, up_to=False)} AS f, {_case('k', profile.victims, up_to=False)} AS v,
               least(100.0, 100 * log10(1 + h / 100) / {cap!r}) AS g
        FROM people JOIN victims USING (perpetrator_id) JOIN areas USING (perpetrator_id)),
    scored AS (
        SELECT *, (CAST({u['recency']} * r + {u['frequency']} * f + {u['victims']} * v AS DOUBLE)
                   + {u['gravity']} * g) / {profile.weight_scale} AS score FROM points)
    SELECT area, rank, perpetrator_id, score FROM (
        SELECT area, perpetrator_id, score, row_number() OVER (
            PARTITION BY area ORDER BY score DESC, g DESC, v DESC, d ASC, f DESC, perpetrator_id ASC) AS rank
        FROM scored)
    WHERE rank <= {top_n} ORDER BY area, rank
    """
    return [(a, int(r), p, f"{s:.4f}") for a, r, p, s in con.execute(query).fetchall()]
