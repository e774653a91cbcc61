"""Properties of RFGV that must hold for any incident data (hypothesis), and a pure-Python oracle."""

import math
import random
from datetime import date, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from dapi.identification.engine import default_profile, score
from dapi.identification.engine.rank import rank

PROFILE = default_profile()
T = date(2024, 3, 31)
CODES = sorted(PROFILE.harm)

row = st.tuples(st.integers(0, 12), st.integers(-5, 800), st.sampled_from(["A", "B", "C"]), st.integers(0, 5),
                st.integers(0, 6), st.sampled_from(CODES), st.one_of(st.none(), st.integers(12, 60)))
tables = st.lists(row, min_size=1, max_size=40)


def frame(rows) -> pl.LazyFrame:
    # incident ids are per perpetrator so each incident has one perpetrator, as in police data
    return pl.DataFrame({
        "row": list(range(1, len(rows) + 1)),
        "incident_id": [f"P{p}-I{i}" for i, _, _, p, _, _, _ in rows],
        "occurred_on": [T - timedelta(days=d) for _, d, _, _, _, _, _ in rows],
        "area": [a for _, _, a, _, _, _, _ in rows], "perpetrator_id": [f"P{p}" for _, _, _, p, _, _, _ in rows],
        "victim_id": [f"V{v}" for _, _, _, _, v, _, _ in rows], "offence": [o for _, _, _, _, _, o, _ in rows],
        "perpetrator_age": pl.Series([a for *_, a in rows], dtype=pl.Int32),
    }, schema_overrides={"occurred_on": pl.Date}).lazy()


def table(rows) -> list[tuple]:
    return sorted(score(frame(rows), T, PROFILE).drop("profile_version").rows())


@settings(max_examples=60, deadline=None)
@given(tables, st.randoms(use_true_random=False))
def test_row_order_never_changes_the_output(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert table(rows) == table(shuffled)
    assert rank(score(frame(rows), T, PROFILE), 20).rows() == rank(score(frame(shuffled), T, PROFILE), 20).rows()


@settings(max_examples=60, deadline=None)
@given(tables, st.integers(0, 39))
def test_repeating_a_row_of_an_existing_incident_never_changes_n(rows, i):
    again = rows + [rows[i % len(rows)]]
    before = {r["perpetrator_id"]: r["incidents"] for r in score(frame(rows), T, PROFILE).iter_rows(named=True)}
    after = {r["perpetrator_id"]: r["incidents"] for r in score(frame(again), T, PROFILE).iter_rows(named=True)}
    assert before == after


@settings(max_examples=60, deadline=None)
@given(tables)
def test_scores_stay_within_0_and_100(rows):
    for r in score(frame(rows), T, PROFILE).iter_rows(named=True):
        assert 0 <= r["score"] <= 100 and 0 <= r["gravity"] <= 100


@settings(max_examples=60, deadline=None)
@given(tables, row)
def test_adding_an_incident_never_lowers_f_or_v(rows, extra):
    new = (99,) + extra[1:]  # a new incident id
    before = {r["perpetrator_id"]: r for r in score(frame(rows), T, PROFILE).iter_rows(named=True)}
    after = {r["perpetrator_id"]: r for r in score(frame(rows + [new]), T, PROFILE).iter_rows(named=True)}
    for pid, r in before.items():
        assert after[pid]["frequency"] >= r["frequency"] and after[pid]["victims"] >= r["victims"]


def oracle(rows) -> dict:
    """DOMAIN.md section 4 in plain Python, as a second reading of the specification."""
    def band_up(d):
        return next(p for limit, p in PROFILE.recency if d <= limit)

    def band_from(x, bands):
        return max(p for threshold, p in bands if x >= threshold)

    counted = [r for r in rows if -1 < r[1] < 730 and (r[6] is None or r[6] >= 16)]
    out = {}
    for pid in {r[3] for r in counted}:
        mine = [r for r in counted if r[3] == pid]
        harm = {}
        for r in mine:
            harm[r[0]] = max(harm.get(r[0], 0), PROFILE.harm[r[5]])
        n, k, d = len(harm), len({r[4] for r in mine}), min(r[1] for r in mine)
        h = sum(harm.values())
        g = min(100, 100 * math.log10(1 + h) / math.log10(1 + 1825))
        out[f"P{pid}"] = 0.2 * band_up(d) + 0.2 * band_from(n, PROFILE.frequency) + 0.4 * g + 0.2 * band_from(
            k, PROFILE.victims)
    return out


@settings(max_examples=80, deadline=None)
@given(tables)
def test_the_engine_agrees_with_a_plain_python_reading_of_the_method(rows):
    engine = {r["perpetrator_id"]: r["score"] for r in score(frame(rows), T, PROFILE).iter_rows(named=True)}
    expected = oracle(rows)
    assert engine.keys() == expected.keys()
    for pid, value in expected.items():
        assert abs(engine[pid] - value) < 1e-9


def test_the_oracle_is_not_trivially_equal():
    rows = [(1, 10, "A", 1, 1, "GBH", 30), (2, 20, "A", 1, 2, "NCI", 30)]
    assert round(oracle(rows)["P1"], 4) == round(score(frame(rows), T, PROFILE)["score"][0], 4) != 0
