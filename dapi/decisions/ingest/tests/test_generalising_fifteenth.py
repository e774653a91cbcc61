"""Ways records are written that the extractor reads since the fifteenth round (issue 19), each rule on small
hand-written snippets: a notice's number and "Date" with the day on a line of their own near the top give the decision
date; a record's first line naming the meeting whose minutes it is, then the day, gives the decision date (not the
same words further down, where they name an earlier meeting's minutes being approved); a sum "of funding from" a fund
with a long name (up to nine words) "to" a body is paid to that body; a sum allocated "to all" of a kind of body (with
up to three words between) is their total; a sum whose two parts, each in brackets after its name, add up to another
figure is flagged, not corrected; a sum for "the Force" goes to the one police force the record names (not when it
names two); the sum by which something was "higher than expected" is paid to no one."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def test_a_notices_number_and_date_on_their_own_line_give_the_decision_date():
    text = ("DN 14/2022 Victims' Services Grant\n\n"
            "The Commissioner has decided to award £12,000 to Oakdale Women's Aid.\n\n"
            "DN 14/2022    Date 04/07/2022\n\n"
            "The grant runs for one year.\n")
    assert extract_text(text).decision_date.value == date(2022, 7, 4)


def test_a_notices_date_followed_by_more_words_is_not_read_as_its_decision_date():
    text = ("DN 14/2022 Victims' Services Grant\n\n"
            "DN 14/2022 Date 04/07/2022 was when the review began.\n")
    assert extract_text(text).decision_date.value is None


def test_a_first_line_naming_a_boards_minutes_and_a_day_gives_the_decision_date():
    text = ("Strategic Policing Board Minutes 21 March 2024\n\n"
            "1. Welcome and introductions\n\n"
            "The board agreed to fund the helpline with £8,000.\n")
    assert extract_text(text).decision_date.value == date(2024, 3, 21)


def test_a_boards_minutes_named_below_the_first_line_give_no_decision_date():
    text = ("Welcome and introductions\n\n"
            "2. Strategic Policing Board Minutes 21 March 2024\n\n"
            "The minutes were agreed as a true record.\n")
    assert extract_text(text).decision_date.value is None


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_sum_of_funding_from_a_long_named_fund_to_a_council_is_paid_to_the_council():
    text = ("The Director approved £250,000 of funding from the Oakdale City Region Combined Authority Town Centre Fund to "
            "Eastby Borough Council to undertake early works.")
    assert lines(text) == [(D("250000"), "grant", "Eastby Borough Council")]


def test_a_sum_allocated_to_all_the_areas_councils_is_their_total():
    text = "Of the national funding, the £4 million allocated to all district and unitary councils was spent on patrols."
    assert [role for _amount, role, _body in lines(text)] == ["total"]


def test_a_sum_whose_two_bracketed_parts_add_up_to_another_figure_is_flagged():
    text = "(i) a budget of up to £2,400,000 allocated from Growth Revenue (£1,900,000) and Growth Capital (£300,000)."
    warning = extract_text(text).money[0].warning
    assert "£2,400,000.00" in warning and "£2,200,000.00" in warning


def test_a_sum_whose_two_bracketed_parts_add_up_to_it_is_not_flagged():
    text = "(i) a budget of up to £2,200,000 allocated from Growth Revenue (£1,900,000) and Growth Capital (£300,000)."
    assert [m.warning for m in extract_text(text).money] == ["", "", ""]


def test_a_sum_for_the_force_goes_to_the_one_police_force_the_record_names():
    text = ("The Commissioner sets the budget for Oakshire Police each year.\n\n"
            "That the Force Revenue Budget is set at £201.5m.\n")
    assert [body for _amount, _role, body in lines(text)] == ["Oakshire Police"]


def test_a_sum_for_the_force_stays_with_the_force_where_two_forces_are_named():
    text = ("Oakshire Police and Eastby Police share a control room.\n\n"
            "That the Force Revenue Budget is set at £201.5m.\n")
    assert [body for _amount, _role, body in lines(text)] == ["Force"]


def test_a_sum_by_which_a_settlement_was_higher_than_expected_is_paid_to_no_one():
    text = "The settlement from the Home Office was higher than expected by around £0.4m on core grants."
    assert [role for _amount, role, _body in lines(text)] == ["other"]
