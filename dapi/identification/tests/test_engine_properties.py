"""Properties of RFGV that hold for any incident data (hypothesis)."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from dapi.identification.engine import perpetrators, rank, score

from .test_engine_oracle import PROFILE, T, frame_of, row_strategy, tables

FAST = settings(max_examples=60, deadline=None)


def scores(rows):
    return score(frame_of(rows), T, PROFILE)


@FAST
@given(tables, st.randoms(use_true_random=False))
def test_row_order_never_changes_the_output(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert scores(rows).equals(scores(shuffled))
    assert rank(scores(rows), 3).equals(rank(scores(shuffled), 3))


@FAST
@given(tables, st.integers(0, 59), st.sampled_from(PROFILE.offence_codes), st.integers(0, 9))
def test_another_row_of_an_existing_incident_never_changes_n(rows, i, offence, victim):
    number, days, area, perpetrator, _, _, age = rows[i % len(rows)]
    again = [*rows, (number, days, area, perpetrator, victim, offence, age)]
    before = {r["perpetrator_id"]: r["incidents"] for r in scores(rows).iter_rows(named=True)}
    after = {r["perpetrator_id"]: r["incidents"] for r in scores(again).iter_rows(named=True)}
    assert before == after


@FAST
@given(tables, st.integers(0, 59))
def test_repeating_a_row_changes_nothing(rows, i):
    assert scores(rows).equals(scores([*rows, rows[i % len(rows)]]))


@FAST
@given(tables)
def test_scores_and_gravity_stay_within_0_and_100(rows):
    for r in scores(rows).iter_rows(named=True):
        assert 0 <= r["score"] <= 100 and 0 <= r["gravity"] <= 100


@FAST
@given(tables, row_strategy)
def test_adding_an_incident_never_lowers_f_or_v(rows, extra):
    new = (99, *extra[1:])  # an incident number no other row has
    before = {r["perpetrator_id"]: r for r in scores(rows).iter_rows(named=True)}
    after = {r["perpetrator_id"]: r for r in scores([*rows, new]).iter_rows(named=True)}
    for pid, r in before.items():
        assert after[pid]["frequency"] >= r["frequency"] and after[pid]["victims"] >= r["victims"]


@FAST
@given(tables, st.sampled_from([64, 3]))
def test_the_hashed_path_always_gives_the_exact_path_s_rows(rows, bits):
    # With 3-bit hashes collisions are the rule: they must be caught, never counted.
    frame = frame_of(rows)
    exact = perpetrators(frame, T, PROFILE, method="exact").sort("perpetrator_id")
    assert perpetrators(frame, T, PROFILE, method="hashed", key_bits=bits).sort("perpetrator_id").equals(exact)


def test_the_properties_see_a_real_difference():
    # The comparisons above are not vacuous: a changed row does change the output.
    rows = [(1, 5, "Hartlepool", 1, 1, "CA", 30), (2, 9, "Hartlepool", 1, 2, "NCI", 30)]
    changed = list(rows)
    changed[0] = (1, 5, "Hartlepool", 1, 1, random.Random(1).choice(["GBH", "RAPE"]), 30)
    assert not scores(rows).equals(scores(changed))
