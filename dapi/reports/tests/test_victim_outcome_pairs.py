"""Victim-reported outcomes in the dashboard, pack and Home Office return: matched pairs only, under
disclosure control."""

import csv
import io
from collections import Counter
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from dapi.cases.outcomes.example import example_questionnaire
from dapi.cases.outcomes.services import victim_outcome_record
from dapi.cases.models import Case, Stage
from dapi.cases.tests.builders import tatc_case
from dapi.lib.money import FinancialYear
from dapi.reports.evidence import programme_evidence
from dapi.reports.pack import pack_html
from dapi.reports.periods import Quarter
from dapi.reports.returns import home_office_csv
from dapi.reports.victim_outcomes import matched_pairs, pair_table

pytestmark = pytest.mark.django_db

CALM = {1: 5, 2: 5, 3: 1, 4: 1, 5: 1, 6: 1, 7: 5}  # total 35
UNEASY = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3}  # total 21
AFRAID = {1: 1, 2: 2, 3: 4, 4: 3, 5: 5, 6: 5, 7: 1}  # total 11
YEAR = FinancialYear(2023)  # 1 Apr 2023 to 31 Mar 2024


@pytest.fixture(autouse=True)
def on_1_june_2024():
    with time_machine.travel("2024-06-01 09:00 +00:00", tick=False):
        yield


def answered(cast, *stages):
    """A new case whose victim answered at each (stage, day, answers)."""
    _, victim, _ = tatc_case(cast)
    for stage, on, answers in stages:
        victim_outcome_record(member=victim, by=cast["partner-support-worker"], stage=stage, recorded_on=on,
                              answers=answers)
    return victim


@pytest.fixture
def victims(cast):
    first, _, _ = tatc_case(cast)
    example_questionnaire(first.programme)
    intake = (Stage.INTAKE, date(2023, 5, 1))
    answered(cast, (*intake, AFRAID), (Stage.EXIT, date(2024, 1, 10), CALM),
             (Stage.FOLLOW_UP, date(2024, 3, 1), UNEASY))  # improved at exit and follow-up
    answered(cast, (*intake, CALM), (Stage.EXIT, date(2024, 1, 10), AFRAID))  # worse
    answered(cast, (*intake, UNEASY), (Stage.EXIT, date(2023, 12, 1), UNEASY))  # the same
    answered(cast, (*intake, AFRAID), (Stage.MIDPOINT, date(2023, 9, 1), CALM))  # no exit yet: no pair
    answered(cast, (*intake, AFRAID), (Stage.EXIT, date(2024, 4, 2), CALM))  # exit after the year: not in it
    return first.programme


def test_only_victims_with_intake_and_a_later_answer_in_the_period_make_pairs(victims):
    pairs = matched_pairs(Case.objects.filter(programme=victims).values("pk"), YEAR.start, YEAR.end)
    assert pairs == Counter({("exit", "improved"): 1, ("exit", "worse"): 1, ("exit", "same"): 1,
                             ("follow_up", "improved"): 1})
    next_year = matched_pairs(Case.objects.filter(programme=victims).values("pk"), date(2024, 4, 1), date(2025, 3, 31))
    assert next_year == Counter({("exit", "improved"): 1})


def test_internal_evidence_shows_exact_pairs_and_shares(victims):
    ev = programme_evidence(victims, YEAR, date(2024, 4, 1), published=False)
    exit_row, follow_up_row = ev.victim_outcomes.rows
    assert exit_row.pairs.text == "3"
    assert [(cell.text, share) for cell, share in exit_row.changes] == [
        ("1", "33.3%"), ("1", "33.3%"), ("1", "33.3%")]
    assert follow_up_row.pairs.text == "1"


def test_published_pairs_are_suppressed_like_every_other_count(victims):
    ev = programme_evidence(victims, YEAR, date(2024, 4, 1), published=True)
    exit_row, follow_up_row = ev.victim_outcomes.rows
    # Every count is small, so even "<5" would pin some of them: all are shown as "[c]".
    assert exit_row.pairs.hidden and follow_up_row.pairs.hidden
    assert {exit_row.pairs.text, follow_up_row.pairs.text} <= {"<5", "[c]"}
    assert all(cell.hidden and share == "not shown" for cell, share in exit_row.changes)


def test_secondary_suppression_hides_a_second_cell_so_a_small_one_cannot_be_worked_out():
    pairs = Counter({("exit", "improved"): 20, ("exit", "same"): 9, ("exit", "worse"): 2,
                     ("follow_up", "improved"): 12, ("follow_up", "same"): 7, ("follow_up", "worse"): 6})
    exit_row, follow_up_row = pair_table(pairs, True, 1).rows
    assert exit_row.pairs.text == "31"
    assert [(cell.text, share) for cell, share in exit_row.changes] == [
        ("20", "64.5%"), ("[c]", "not shown"), ("<5", "not shown")]
    assert follow_up_row.pairs.text == "25" and follow_up_row.changes[0] == (follow_up_row.changes[0][0], "48.0%")
    # Its column's other small-count partner is hidden too, so the 9 cannot be worked out from a column total.
    assert follow_up_row.changes[1][0].hidden
    shown = pair_table(pairs, False, 1).rows[0]
    assert [cell.text for cell, _ in shown.changes] == ["20", "9", "2"]


def test_the_pack_and_the_home_office_return_carry_the_pairs(victims):
    html = pack_html(victims, YEAR, date(2024, 4, 1))
    assert "Victim-reported outcomes: matched pairs" in html and "Intake to follow-up" in html
    rows = list(csv.DictReader(io.StringIO(home_office_csv(victims, Quarter(YEAR, 4), date(2024, 4, 1)))))
    values = {r["measure"]: r["value"] for r in rows if r["section"] == "victim outcomes"}
    assert values["intake to exit: matched pairs"] in ("<5", "[c]")
    assert values["intake to exit: improved (share of pairs)"] == "not shown"
    assert "intake to follow-up: worse" in values


def test_a_commissioner_sees_the_pairs_on_the_dashboard(victims, cast, client_for):
    html = client_for(cast["commissioner"]).get(reverse("reports:dashboard", args=[victims.slug]),
                                                 {"period": "2023/24", "today": "2024-04-01"}).content.decode()
    assert "Victim-reported outcomes: matched pairs" in html
    assert "Intake to exit" in html
