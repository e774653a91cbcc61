from datetime import date
from decimal import Decimal

import pytest

from dapi.lib.money import FinancialYear, expand_per_annum, financial_years, spread_total


def test_financial_year_runs_from_april_to_march_and_is_written_2023_24():
    fy = FinancialYear.of(date(2024, 3, 31))
    assert str(fy) == "2023/24"
    assert (fy.start, fy.end) == (date(2023, 4, 1), date(2024, 3, 31))
    assert FinancialYear.of(date(2024, 4, 1)) == FinancialYear(2024)
    assert FinancialYear.parse("1999/00") == FinancialYear(1999)


def test_parse_refuses_a_label_whose_years_do_not_follow():
    with pytest.raises(ValueError, match="2023/25"):
        FinancialYear.parse("2023/25")


def test_per_annum_amount_over_five_whole_years_is_the_amount_each_year():
    shares = expand_per_annum(Decimal("70000"), date(2019, 4, 1), date(2024, 3, 31))
    assert [str(fy) for fy in shares] == ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    assert set(shares.values()) == {Decimal("70000.00")}


def test_per_annum_amount_for_part_of_a_year_is_pro_rata_by_days():
    shares = expand_per_annum(Decimal("36500"), date(2022, 4, 1), date(2022, 4, 10))  # 10 of 365 days
    assert shares == {FinancialYear(2022): Decimal("1000.00")}


def test_a_total_spread_over_years_adds_up_to_the_penny():
    total = Decimal("157423.33")
    shares = spread_total(total, date(2022, 7, 1), date(2023, 10, 31))
    assert list(shares) == [FinancialYear(2022), FinancialYear(2023)]
    assert sum(shares.values()) == total
    assert shares[FinancialYear(2022)] == Decimal("88389.33")  # 274 of 488 days: 157,423.33 x 274 / 488, rounded half up


def test_financial_years_between_two_dates_include_both_ends():
    assert financial_years(date(2023, 3, 31), date(2023, 4, 1)) == [FinancialYear(2022), FinancialYear(2023)]


def test_a_leap_financial_year_has_366_days_in_the_pro_rata():
    shares = expand_per_annum(Decimal("36600"), date(2023, 4, 1), date(2023, 4, 10))  # 2023/24 holds 29 Feb 2024
    assert shares == {FinancialYear(2023): Decimal("1000.00")}
