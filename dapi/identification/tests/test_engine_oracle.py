"""The engine against a plain-Python reading of DOMAIN.md section 4 (the oracle), on data made
up by hypothesis. The oracle is also the baseline of `bench/rank.py`.

The oracle shares nothing with the engine but the profile's numbers: rows are dicts, incidents
a dict per (perpetrator, incident), and ties are decided with exact fractions.
"""

import csv
import math
from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from dapi.identification.engine import default_profile, rank, read_incidents, score, validate_incidents
from dapi.identification.engine.files import rank_file

PROFILE = default_profile()
T = date(2024, 3, 31)
COLUMNS = ["incident_id", "occurred_on", "area", "perpetrator_id", "victim_id", "offence", "perpetrator_age"]


def _points_up_to(value, bands):
    return next((p for limit, p in bands if value <= limit), 0)


def _points_from(value, bands):
    return max((p for threshold, p in bands if value >= threshold), default=0)


def reference_scores(rows: Iterable[dict], as_of: date, profile) -> dict[str, dict]:
    """Every perpetrator with a counted row: his n, k, d, H, area, R, F, G, V and score."""
    incidents: dict[tuple[str, str], dict] = {}
    victims: dict[str, set] = {}
    for row in rows:
        day = row["occurred_on"]
        day = date.fromisoformat(day) if isinstance(day, str) else day
        age = row.get("perpetrator_age")
        age = int(age) if age not in (None, "") else None
        if not (0 <= (as_of - day).days < profile.window_days) or (age is not None and age < profile.minimum_age):
            continue
        pid = row["perpetrator_id"]
        victims.setdefault(pid, set()).add(row["victim_id"])
        incident = incidents.setdefault((pid, row["incident_id"]), {"harm": 0, "day": day, "areas": set()})
        incident["harm"] = max(incident["harm"], profile.harm_centidays[row["offence"].upper()])
        if day > incident["day"]:
            incident["day"], incident["areas"] = day, set()
        if day == incident["day"]:
            incident["areas"].add(row["area"])
    people: dict[str, list[dict]] = {}
    for (pid, _), incident in incidents.items():
        people.setdefault(pid, []).append({**incident, "area": min(incident["areas"])})
    w = {name: Fraction(repr(value)) for name, value in profile.weights.items()}
    cap = math.log10(1 + profile.gravity_cap_days)
    result = {}
    for pid, mine in people.items():
        latest = max(i["day"] for i in mine)
        count = {a: sum(1 for i in mine if i["area"] == a) for a in {i["area"] for i in mine}}
        area = min({i["area"] for i in mine if i["day"] == latest}, key=lambda a: (-count[a], a))
        n, k, h, d = len(mine), len(victims[pid]), sum(i["harm"] for i in mine), (as_of - latest).days
        r, f = _points_up_to(d, profile.recency), _points_from(n, profile.frequency)
        v = _points_from(k, profile.victims)
        g = min(100.0, 100 * math.log10(1 + h / 100) / cap)
        exact = w["recency"] * r + w["frequency"] * f + w["victims"] * v + w["gravity"] * Fraction(g)
        result[pid] = {"perpetrator_id": pid, "area": area, "incidents": n, "victim_count": k, "days_since": d,
                       "harm_days": h / 100, "last_incident": latest, "recency": r, "frequency": f, "gravity": g,
                       "victims": v, "exact": exact, "score": float(exact),
                       "eligible": n >= profile.eligible_min_incidents, "serial": k >= profile.serial_min_victims}
    return result


def reference_rank(rows: Iterable[dict], as_of: date, profile, top_n: int) -> list[tuple]:
    """(area, rank, perpetrator_id) for the top N eligible of each area, areas alphabetical."""
    eligible = [p for p in reference_scores(rows, as_of, profile).values() if p["eligible"]]
    eligible.sort(key=lambda p: (p["area"], -p["exact"], -p["gravity"], -p["victims"],
                                 -p["last_incident"].toordinal(), -p["frequency"], p["perpetrator_id"]))
    ranked, position = [], {}
    for p in eligible:
        position[p["area"]] = position.get(p["area"], 0) + 1
        if position[p["area"]] <= top_n:
            ranked.append((p["area"], position[p["area"]], p["perpetrator_id"]))
    return ranked


def reference_rank_csv(path, as_of: date, profile, top_n: int) -> list[tuple]:
    """The oracle over a CSV file, read row by row with the csv module."""
    with open(path, newline="", encoding="utf-8") as f:
        return reference_rank(csv.DictReader(f), as_of, profile, top_n)


# One row: (incident number, days before T, area, perpetrator, victim, offence, age or None).
# Incident numbers are shared across perpetrators on purpose: a joint incident counts for each.
# A few days come up often, so that latest incidents tie and window edges are crossed.
days = st.one_of(st.sampled_from([-1, 0, 3, 28, 29, 729, 730]), st.integers(-3, 760))
row_strategy = st.tuples(st.integers(0, 15), days, st.sampled_from(["Hartlepool", "Middlesbrough", "Stockton-on-Tees"]),
                         st.integers(0, 6), st.integers(0, 5), st.sampled_from(PROFILE.offence_codes),
                         st.one_of(st.none(), st.integers(13, 60)))
tables = st.lists(row_strategy, min_size=1, max_size=60)


def as_dicts(rows) -> list[dict]:
    return [{"incident_id": f"I{i}", "occurred_on": (T - timedelta(days=d)).isoformat(), "area": a,
             "perpetrator_id": f"P{p}", "victim_id": f"V{v}", "offence": o, "perpetrator_age": age}
            for i, d, a, p, v, o, age in rows]


def frame_of(rows) -> pl.LazyFrame:
    """The rows, validated as a file would be."""
    return validate_incidents(pl.DataFrame(as_dicts(rows), schema=dict.fromkeys(COLUMNS[:-1], pl.String)
                                           | {"perpetrator_age": pl.Int64}), PROFILE)


@settings(max_examples=80, deadline=None)
@given(tables)
def test_every_component_agrees_with_the_oracle(rows):
    engine = {r["perpetrator_id"]: r for r in score(frame_of(rows), T, PROFILE).iter_rows(named=True)}
    expected = reference_scores(as_dicts(rows), T, PROFILE)
    assert engine.keys() == expected.keys()
    for pid, want in expected.items():
        got = engine[pid]
        assert {k: got[k] for k in ("area", "incidents", "victim_count", "days_since", "harm_days", "last_incident",
                                    "recency", "frequency", "gravity", "victims", "eligible", "serial")} == {
            k: want[k] for k in ("area", "incidents", "victim_count", "days_since", "harm_days", "last_incident",
                                 "recency", "frequency", "gravity", "victims", "eligible", "serial")}
        assert abs(got["score"] - want["score"]) < 1e-9


@settings(max_examples=80, deadline=None)
@given(tables, st.integers(1, 4))
def test_the_ranking_agrees_with_the_oracle(rows, top_n):
    engine = [(r["area"], r["rank"], r["perpetrator_id"]) for r in
              rank(score(frame_of(rows), T, PROFILE), top_n).iter_rows(named=True)]
    assert engine == reference_rank(as_dicts(rows), T, PROFILE, top_n)


@settings(max_examples=25, deadline=None)
@given(tables)
def test_ranking_a_file_in_one_pass_agrees_with_the_oracle(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("oracle") / "incidents.csv"
    pl.DataFrame(as_dicts(rows), schema=dict.fromkeys(COLUMNS[:-1], pl.String) | {"perpetrator_age": pl.Int64}) \
        .write_csv(path)
    ranked = rank_file(path, T, PROFILE, 3)
    assert [(r["area"], r["rank"], r["perpetrator_id"]) for r in ranked.iter_rows(named=True)] == \
        reference_rank_csv(path, T, PROFILE, 3)
    assert ranked.equals(rank(score(read_incidents(path, PROFILE), T, PROFILE), 3))


def test_the_oracle_reads_the_method_as_the_hand_computed_example():
    # As in test_engine_score: CA 10 + ABH 365, two victims, latest 29 days ago: 65.582857.
    rows = as_dicts([(1, 29, "Hartlepool", 1, 1, "CA", 30), (2, 40, "Hartlepool", 1, 2, "ABH", 30)])
    assert f"{reference_scores(rows, T, PROFILE)['P1']['score']:.6f}" == "65.582857"
