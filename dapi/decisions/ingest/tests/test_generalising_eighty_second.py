"""Ways records are written that the extractor reads since the eighty-second round, on small hand-written snippets:
the same sum given again for the next financial year in one run of a sentence ("£6,250 allocated for 2024/25 and
£6,250 for 2025/26", "£40,000 in 2019/20 and £40,000 in 2020/21") is two lines, each with the period of its own year, not
one line said twice."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract.document import extract_text


def _lines(text: str, amount: str) -> list:
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]


def test_a_two_year_settlement_of_the_same_sum_each_year_is_two_lines():
    text = ("RESOLVED:\n\n1. That a two-year funding settlement be allocated to Northfield Advice Centre with £6,250 "
            "allocated for 2024/25 and £6,250 for 2025/26.\n")
    lines = _lines(text, "6250")
    assert len(lines) == 2
    assert [(m.start, m.end) for m in lines] == [(date(2024, 4, 1), date(2025, 3, 31)),
                                                 (date(2025, 4, 1), date(2026, 3, 31))]
    assert lines[0].counterparty == lines[1].counterparty


def test_the_same_sum_for_two_years_in_a_bullet_is_two_lines():
    text = ("The DMPC is asked to approve the following:\n"
            "•    £40,000 in 2019/20 and £40,000 in 2020/21 to deliver community safety awareness events across "
            "the boroughs.\n")
    assert [m.start for m in _lines(text, "40000")] == [date(2019, 4, 1), date(2020, 4, 1)]


def test_the_same_sum_for_two_years_joined_by_a_semicolon_is_two_lines():
    text = ("That the Mayor approves expenditure of up to £1.5m (£500,000 in 2021-22; £500,000 in 2022-23; and "
            "£500,000 in 2023-24) on a programme of youth outreach across London.\n")
    assert [m.start.year for m in _lines(text, "500000")] == [2021, 2022, 2023]
