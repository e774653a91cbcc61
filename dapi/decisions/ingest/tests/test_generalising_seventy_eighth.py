"""Ways records are written that the extractor reads since the seventy-eighth round, on small hand-written snippets:
a listing's head line giving the day, the decision-maker and its kind in brackets ("March 3, 2025 Parks Committee
(Committee) Approved View on council website") dates the decision, where a meeting's bare day does not; and a news
report's "on Thursday (13)" or "on Wednesday (May 7)" in a sentence saying the thing was approved takes its year and month
from the page's date."""

from datetime import date

from dapi.decisions.ingest.extract.document import extract_text


def test_a_listings_day_before_the_decision_maker_and_its_kind_is_the_decision_day():
    text = ("New Play Areas\n\nMarch 3, 2025 Northvale Parks Committee (Committee) Approved View on council website\n\n"
            "The committee agreed the list of play areas to be renewed this year.\n")
    assert extract_text(text).decision_date.value == date(2025, 3, 3)


def test_a_meetings_day_with_no_decision_maker_is_not_a_decision_day():
    text = ("Parks Committee\n\nMarch 3, 2025 View on council website\n\n"
            "The committee heard about the play areas to be renewed this year.\n")
    assert extract_text(text).decision_date.value is None


def test_a_news_reports_bracketed_weekday_takes_the_month_and_year_of_the_page():
    text = (" date 2025-03-14 Northvale grants agreed\n\nThe Northvale council's cabinet approved the grants scheme "
            "on Thursday (13), setting aside money for village halls.\n")
    assert extract_text(text).decision_date.value == date(2025, 3, 13)


def test_a_news_reports_weekday_with_its_month_takes_the_year_of_the_dateline():
    text = ("Village halls to share new fund\n\n08 May 2025\nThe 2025/26 fund was approved by councillors at a meeting of "
            "the full council on Wednesday (May 7).\n")
    assert extract_text(text).decision_date.value == date(2025, 5, 7)


def test_a_bracketed_weekday_in_a_sentence_deciding_nothing_is_not_a_decision_day():
    text = (" date 2025-03-14 Northvale grants\n\nDuring a meeting on Thursday (13), members were told the grants "
            "scheme would open in the spring.\n")
    assert extract_text(text).decision_date.value is None
