"""The bounds on what a request may ask about (issue 16, item 5): as-of dates from 1 Jan 2000 to ten
years after today, financial years inside that span; anything else is refused, never replaced."""

from datetime import date

import pytest
import time_machine

from dapi.lib import clock
from dapi.lib.errors import OutOfBounds
from dapi.lib.forms import AsOfField, PeriodField
from dapi.lib.money import FinancialYear
from django.core.exceptions import ValidationError

travel = time_machine.travel("2024-02-29 12:00 +00:00", tick=False)


@travel
def test_as_of_dates_run_from_2000_to_ten_years_after_today():
    assert clock.latest() == date(2034, 2, 28)  # no 29 February in 2034
    assert clock.parse_as_of("2000-01-01") == date(2000, 1, 1)
    assert clock.parse_as_of("2034-02-28") == date(2034, 2, 28)
    assert clock.parse_as_of("") == clock.parse_as_of(None) == date(2024, 2, 29)
    assert clock.as_of(None) == date(2024, 2, 29)


@travel
@pytest.mark.parametrize("value", ["9999-12-30", "2034-03-01", "1999-12-31", "0001-01-01", "not-a-date", "2023-02-30"])
def test_a_date_out_of_range_or_not_a_date_is_refused_naming_the_range(value):
    with pytest.raises(OutOfBounds) as refused:
        clock.parse_as_of(value)
    assert refused.value.field == "today"
    assert refused.value.message == "?today= must be a date like 2023-02-01, from 1 Jan 2000 to 28 Feb 2034."


@travel
def test_an_api_date_out_of_range_is_refused_too():
    with pytest.raises(OutOfBounds):
        clock.as_of(date(9999, 12, 30))


@travel
def test_periods_are_the_financial_years_holding_those_dates():
    assert clock.parse_period("1999/00") == FinancialYear(1999)
    assert clock.parse_period("2033/34") == FinancialYear(2033)
    assert clock.parse_period("") is None
    for value in ("9999/00", "-1/00", "1998/99", "2034/35", "2023", "2023/25", "x"):
        with pytest.raises(OutOfBounds, match=r"\?period= must be a financial year like 2023/24, from 1999/00 to "
                                              r"2033/34\."):
            clock.parse_period(value)


def test_a_year_whose_end_no_date_can_hold_is_not_a_financial_year():
    for label in ("9999/00", "0/01", "-1/00"):
        with pytest.raises(ValueError, match="is not a financial year"):
            FinancialYear.parse(label)
    assert FinancialYear.parse("9998/99").end == date(9999, 3, 31)


@travel
def test_the_form_fields_refuse_out_of_range_values_with_a_message():
    assert AsOfField().clean("2023-06-01") == date(2023, 6, 1)
    with pytest.raises(ValidationError, match="Enter a date from 1 Jan 2000 to 28 Feb 2034"):
        AsOfField().clean("9999-12-30")
    assert PeriodField().clean("2023/24") == 2023
    with pytest.raises(ValidationError, match="Enter a financial year from 1999/00 to 2033/34"):
        PeriodField().clean("2099/00")
    with pytest.raises(ValidationError, match="Enter a financial year like 2023/24"):
        PeriodField().clean("9999/00")


@time_machine.travel("2026-12-06 12:00", tick=False)
def test_the_as_of_date_comes_from_the_date_inputs_boxes_or_an_iso_date_and_a_bad_day_is_refused():
    assert clock.as_of_from({"today_day": "1", "today_month": "3", "today_year": "2023"}) == date(2023, 3, 1)
    assert clock.as_of_from({"today": "2023-03-01"}) == date(2023, 3, 1)
    assert clock.as_of_from({"today": "2023-03-01", "today_day": "9"}) == date(2023, 3, 1)  # the link wins
    assert clock.as_of_from({}) == clock.today() == clock.as_of_from({"today_day": "", "today_month": ""})
    for bad in ({"today_day": "31", "today_month": "2", "today_year": "2023"}, {"today_day": "1", "today_year": "2023"},
                {"today_day": "1", "today_month": "3", "today_year": "9999"}):
        with pytest.raises(OutOfBounds):
            clock.as_of_from(bad)
