from datetime import date

from dapi.funding.models import Agreement
from dapi.funding.notice import last_notice_day


def test_the_last_notice_day_is_the_end_less_the_notice_months_kept_inside_the_month():
    assert last_notice_day(Agreement(end=date(2024, 3, 31), break_notice_months=6)) == date(2023, 9, 30)
    assert last_notice_day(Agreement(end=date(2024, 8, 31), break_notice_months=6)) == date(2024, 2, 29)


def test_an_agreement_without_a_break_clause_has_no_notice_day():
    assert last_notice_day(Agreement(end=date(2024, 3, 31), break_notice_months=None)) is None
