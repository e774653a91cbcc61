"""Ways records are written that the extractor reads since the eleventh round (issue 19), each rule on small
hand-written snippets: a council tax figure on a band of property is a rate charged per household, paid by nobody;
minutes, which discuss sums without paying them, do not make the one body they name the payee of every figure; a
portfolio of the deciding body ("the Executive Member for Culture, Arts and Housing") is no payee; and the ceiling of
a sum applied or bid for ("an application for grant funding of up to £3 million") is granted to nobody; a decision
number in its year ("Decision 43 – 2014") is the reference, and a reference or a date of decision whose label runs into
a flattened line is read; "the government" in lower case is a council's funder; a sum followed at once by "Funding
from" a body is that body's award, whatever its label; and a bracketed figure without "£" in a list of sums in "£" is
read, with a warning."""

from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


@pytest.mark.parametrize("text, amount", [
    ("The Government had announced a change, with the cap now £15 on a Band D property.", D("15")),
    ("The Government had said that residents could pay an extra £20.00 per year, for Band A to D properties.",
     D("20")),
    ("The Government confirmed a limit of £10 for each Band C home.", D("10")),
])
def test_a_council_tax_figure_on_a_band_of_property_is_paid_to_nobody(text, amount):
    assert lines(text) == [(amount, "other", None)]


def test_a_sum_to_a_body_beside_a_band_is_still_paid_to_it():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Council approves a grant of £5,000 to Oakdale Food Bank for Band D outreach."
    assert lines(text) == [(D("5000"), "grant", "Oakdale Food Bank")]


MINUTES = ("Minutes of the meeting of the Westshire Police and Crime Panel\n\n"
           "The Chief Finance Officer explained the budget. The force would receive £12.5m of core funding and the "
           "capital programme was £2.1m over the year.\n\n"
           "The Panel heard about the hub run by Oakdale Women's Aid.\n\n"
           "RESOLVED that the report be noted.\n")


def test_minutes_do_not_make_the_one_body_they_name_the_payee_of_every_figure():
    assert [(amount, counterparty) for amount, _, counterparty in lines(MINUTES)][1:] == [(D("2100000"), None)]


def test_a_record_that_is_not_minutes_still_pays_its_one_named_provider():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = MINUTES.replace("Minutes of the meeting of the", "Decision record:").replace("RESOLVED that", "Decision:")
    assert lines(text)[1:] == [(D("2100000"), "grant", "Oakdale Women's Aid")]


@pytest.mark.parametrize("text", [
    "The Director, in consultation with the Executive Member for Culture, Arts and Housing, approves a grant of £40,000.",
])
def test_a_portfolio_of_the_deciding_body_is_not_the_payee(text):
    assert [counterparty for _, _, counterparty in lines(text)] == [None]


def test_a_body_named_after_a_portfolio_is_still_the_payee():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = ("The Executive Member for Housing approves a grant of £40,000 to Oakdale Housing Association.")
    assert lines(text) == [(D("40000"), "grant", "Oakdale Housing Association")]


@pytest.mark.parametrize("text", [
    "The Director authorises the submission of an application for grant funding of up to £3 million.",
    "The Board agreed to submit a bid of up to £250,000 of grant funding.",
])
def test_the_ceiling_of_a_sum_applied_for_is_granted_to_nobody(text):
    assert [role for _, role, _ in lines(text)] == ["other"]


def test_a_bid_said_plainly_keeps_its_role():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Home Office accepted our bid for £50,000 of grant funding."
    assert [role for _, role, _ in lines(text)] != ["other"]


@pytest.mark.parametrize("text, reference", [
    ("Decision 43 – 2014. Release of partnership funding to the force\n\nThe Commissioner approves it.", "43 – 2014"),
    ("Decision 7 - 2019: Victims' services grant\n\nThe Commissioner approves it.", "7 - 2019"),
])
def test_a_decision_number_in_its_year_after_a_spaced_dash_is_the_reference(text, reference):
    assert extract_text(text).reference.value == reference


def test_a_decision_heading_with_a_year_alone_gives_no_reference():
    # The rule's limit: it passes without the rule and must still pass with it.
    assert extract_text("Decision 2014. Release of funding\n\nThe Commissioner approves it.").reference.value is None


FLATTENED = ("EXECUTIVE DECISION NOTICE Title of decision CAPITAL RELEASE DEPARTMENT: Finance RELEASE NO: 2 "
             "Reference No. 212 Date of decision 9 June 2021 Call-in expiry date 16 June 2021 Decision made: the "
             "release of £40,000 is approved.")


def test_a_reference_whose_label_runs_into_a_flattened_line_is_read():
    assert extract_text(FLATTENED).reference.value == "212"


def test_a_decision_date_whose_label_runs_into_a_flattened_line_is_read():
    assert str(extract_text(FLATTENED).decision_date.value) == "2021-06-09"


def test_a_reference_number_mentioned_in_lower_case_prose_is_no_reference():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Commissioner approves the grant. Please quote the reference number 4471 when you write to us."
    assert extract_text(text).reference.value is None


def test_the_government_in_lower_case_is_the_funder_of_what_a_council_is_offered():
    text = ("In May the government had announced a housing scheme. The council had been offered a grant of £400,000 "
            "to deliver ten homes, and accepted it.")
    assert lines(text) == [(D("400000"), "award", "government")]


def test_a_named_funder_is_preferred_to_the_government_in_lower_case():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = ("The scheme follows the government's plan. The council had been offered a grant of £400,000 by the Home "
            "Office to deliver ten homes, and accepted it.")
    assert [counterparty for _, _, counterparty in lines(text)] == ["Home Office"]


def test_a_listed_sum_followed_by_funding_from_a_body_is_received_from_that_body():
    text = ("The money will be spent on the following:\n"
            "- Youth Boxing (£2,150.) Funding was received from Oakdale Borough Council to run weekly sessions.\n"
            "- Bike Marking (£940.) Funding from Lowmoor Rotary towards the purchase of kits.\n")
    assert lines(text) == [(D("2150"), "award", "Oakdale Borough Council"), (D("940"), "award", "Lowmoor Rotary")]


def test_a_sum_followed_by_other_words_about_funding_is_not_an_award():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "- Youth Boxing (£2,150.) Funding will be spent on weekly sessions.\n"
    assert [role for _, role, _ in lines(text)] != ["award"]


LISTED = ("The money will be spent on the following:\n"
          "- Youth Boxing (£2,150.) Funding from Oakdale Rotary for weekly sessions.\n"
          "- Bike Marking (£940.) Funding from Lowmoor Rotary towards kits.\n"
          "- Rail Patrols (12,300) Funding from Eastway Rail to patrol stations.\n")


def test_a_bracketed_figure_without_a_pound_sign_in_a_list_of_sums_is_read_with_a_warning():
    money = extract_text(LISTED).money
    assert [(m.amount, m.counterparty) for m in money][2:] == [(D("12300"), "Eastway Rail")]
    assert "without “£”" in money[2].warning


def test_a_bracketed_figure_without_a_pound_sign_outside_a_list_of_sums_is_no_sum():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "- Rail Patrols (12,300) Funding from Eastway Rail to patrol stations.\n- Bike Marking (940) kits.\n"
    assert extract_text(text).money == []


def test_funding_from_a_body_after_a_sum_outweighs_the_label_before_it():
    text = ("The money will be spent on the following:\n"
            "- Community Arts Network (£496.) Funding from Oakdale Borough Council will fund a youth scheme.\n"
            "- Bike Marking (£940.) Funding from Lowmoor Rotary towards kits.\n")
    assert [(m.amount, m.counterparty) for m in extract_text(text).money][:1] == [(D("496"), "Oakdale Borough Council")]
