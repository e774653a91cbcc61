"""Ranking within areas and every tie-break step."""

from dapi.identification.engine import default_profile, rank

from .engine_helpers import ago, scores_of


def ranked(tmp_path, rows, top=20):
    return [(r["area"], r["rank"], r["perpetrator_id"]) for r in
            rank(scores_of(tmp_path, rows), top).iter_rows(named=True)]


def pair(pid, days, offence="NCI", area="Hartlepool", victims=(1, 1), gap=1):
    return [(f"{pid}a", ago(days), area, pid, f"{pid}v{victims[0]}", offence, 30),
            (f"{pid}b", ago(days + gap), area, pid, f"{pid}v{victims[1]}", "NCI", 30)]


def test_only_eligible_perpetrators_are_ranked_per_area_and_areas_are_alphabetical(tmp_path):
    rows = pair("P1", 5, area="Stockton-on-Tees") + pair("P2", 5, "ABH") + [
        ("X1", ago(3), "Hartlepool", "P3", "V", "GBH", 30)]
    assert ranked(tmp_path, rows) == [("Hartlepool", 1, "P2"), ("Stockton-on-Tees", 1, "P1")]


def test_higher_score_ranks_first(tmp_path):
    assert ranked(tmp_path, pair("P1", 5) + pair("P2", 5, "CA")) == [("Hartlepool", 1, "P2"), ("Hartlepool", 2, "P1")]




def test_equal_scores_fall_to_gravity_then_victims(tmp_path):
    import polars as pl
    base = {"area": "A", "score": 50.0, "recency": 80, "frequency": 30, "victims": 60, "incidents": 2,
            "victim_count": 2, "harm_days": 2.0, "days_since": 1, "eligible": True, "serial": True,
            "profile_version": "t"}
    from datetime import date
    frame = pl.DataFrame([
        {**base, "perpetrator_id": "G-low", "gravity": 10.0, "last_incident": date(2024, 3, 1)},
        {**base, "perpetrator_id": "G-high", "gravity": 20.0, "last_incident": date(2024, 3, 1)},
        {**base, "perpetrator_id": "V-high", "gravity": 10.0, "victims": 80, "last_incident": date(2024, 3, 1)},
        {**base, "perpetrator_id": "Later", "gravity": 10.0, "last_incident": date(2024, 3, 2)},
        {**base, "perpetrator_id": "F-high", "gravity": 10.0, "frequency": 45, "last_incident": date(2024, 3, 1)},
        {**base, "perpetrator_id": "A-id", "gravity": 10.0, "last_incident": date(2024, 3, 1)},
    ])
    order = rank(frame, 10)["perpetrator_id"].to_list()
    # gravity first, then victims, then latest date, then frequency, then id ascending
    assert order == ["G-high", "V-high", "Later", "F-high", "A-id", "G-low"]


def test_the_tie_breaks_apply_to_real_scores_too(tmp_path):
    # Identical histories except the id: the id decides.
    rows = pair("P2", 5) + pair("P1", 5)
    assert ranked(tmp_path, rows) == [("Hartlepool", 1, "P1"), ("Hartlepool", 2, "P2")]


def test_only_the_top_n_of_each_area_are_kept(tmp_path):
    rows = pair("P1", 5) + pair("P2", 5, "CA") + pair("P3", 5, "ABH") + pair("P4", 5, area="Middlesbrough")
    assert ranked(tmp_path, rows, top=2) == [("Hartlepool", 1, "P3"), ("Hartlepool", 2, "P2"),
                                            ("Middlesbrough", 1, "P4")]
    assert default_profile().top_n == 20


def test_the_tie_break_order_is_as_published():
    from dapi.identification.engine.rank import TIE_BREAK
    assert TIE_BREAK == [("score", True), ("gravity", True), ("victims", True), ("last_incident", True),
                         ("frequency", True), ("perpetrator_id", False)]
