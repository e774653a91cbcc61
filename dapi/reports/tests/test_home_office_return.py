"""The Home Office quarterly return: quarters, money shared into them, disclosure control."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from dapi.demo.cases import load_demo_cases
from dapi.tests.demo_snapshot import loaded
from dapi.funding.models import Agreement, ReturnStatus, SpendReturn
from dapi.lib.money import FinancialYear
from dapi.reports.periods import Quarter, share_in


@pytest.mark.parametrize("text, start, end", [
    ("2023Q1", date(2023, 4, 1), date(2023, 6, 30)), ("2023Q3", date(2023, 10, 1), date(2023, 12, 31)),
    ("2023Q4", date(2024, 1, 1), date(2024, 3, 31)), ("2023q2", date(2023, 7, 1), date(2023, 9, 30))])
def test_quarters_are_financial_year_quarters(text, start, end):
    q = Quarter.parse(text)
    assert (q.start, q.end) == (start, end)


def test_a_bad_quarter_says_what_is_accepted():
    with pytest.raises(ValueError, match="like 2023Q3"):
        Quarter.parse("2023-Q3")


def test_money_is_shared_into_a_quarter_by_days():
    q = Quarter(FinancialYear(2023), 3)
    # 92 of 366 days of a total over 1 Apr 2023 - 31 Mar 2024 (a leap year)
    assert share_in(Decimal("366000"), False, date(2023, 4, 1), date(2024, 3, 31), q) == Decimal("92000.00")
    # a per-annum amount: 92 of the year's 366 days
    assert share_in(Decimal("70000"), True, date(2019, 4, 1), date(2024, 3, 31), q) == Decimal("17595.63")
    assert share_in(None, False, date(2023, 4, 1), date(2024, 3, 31), q) is None


def read(path):
    return {(r["section"], r["measure"]): r["value"] for r in csv.DictReader(path.open())}


def test_the_cleveland_return_holds_funnel_victims_risk_outcomes_and_money(seeded, tmp_path):
    loaded(load_demo_cases)
    out = tmp_path / "return.csv"
    call_command("report", "home-office", "--programme", "cleveland-complex-needs", "--quarter", "2022Q3",
                 "--output", str(out), "--today", "2023-01-15", stderr=io.StringIO())
    rows = read(out)
    assert rows["return", "period_start"] == "2022-10-01" and rows["return", "period_end"] == "2022-12-31"
    sections = {section for section, _ in rows}
    assert sections == {"return", "funnel", "exits", "engagement", "victims", "outcomes", "victim outcomes",
                        "equality", "money"}
    assert ("exits", "ended: disengaged: lost contact") in rows and ("exits", "cases ended in the quarter") in rows
    assert rows["money", "spend reported for the quarter (GBP)"] == "not recorded"
    assert rows["money", "cost per participant (GBP)"] == "not shown"
    assert Decimal(rows["money", "grant for the quarter (GBP)"]) > 0
    for value in rows.values():
        assert not value.startswith("P-")  # no person is named
    small = [v for v in rows.values() if v in ("1", "2", "3", "4")]
    assert small == []  # every published count of 1-4 is "<5"


def test_spend_returns_give_spend_against_grant(seeded, tmp_path):
    agreement = Agreement.objects.filter(programme__slug="cleveland-complex-needs").first()
    queried = SpendReturn.objects.create(agreement=agreement, financial_year=2022, quarter=3,
                                         amount=Decimal("30000.00"), status=ReturnStatus.QUERIED)
    out = tmp_path / "return.csv"

    def report():
        call_command("report", "home-office", "--programme", "cleveland-complex-needs", "--quarter", "2022Q3",
                     "--output", str(out), "--today", "2023-01-15", stderr=io.StringIO())
        return read(out)

    assert report()["money", "spend reported for the quarter (GBP)"] == "not recorded"  # queried: not spend
    queried.status = ReturnStatus.ACCEPTED
    queried.save()
    rows = report()
    assert rows["money", "spend reported for the quarter (GBP)"] == "30000.00"
    assert rows["money", "spend against grant"].endswith("%")


def test_a_bad_quarter_on_the_command_line_writes_nothing(seeded, tmp_path):
    with pytest.raises(CommandError, match="like 2023Q3"):
        call_command("report", "home-office", "--programme", "jenkins-centre", "--quarter", "Q3",
                     "--output", str(tmp_path / "r.csv"))
    assert not list(tmp_path.iterdir())
