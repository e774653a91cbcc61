"""Ways records are written that the extractor reads since the fifty-sixth round, on small hand-written snippets: a
direct award "made to" a provider names the contract's value on its line and the sum that restates it in brackets;
the body funding is "to be received from" funds the sums its sentence gives; a decision's own code on its title line
("- ABC12 (23/24)" at the end, "XYZQRSTU-02-23:" at the start) is its reference; a programme named with a body's
initials first ("the DTS Better Futures funding programme of £3.2m") is that body's award; and a term of whole years
stated with one end ("over 2 years (up to March 2026)", "commence on 1st April 2024 for a period of 2 years") is the
period."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_DIRECT = (
    "Decision details\n\nRecommissioning of falls prevention services\n\n"
    "Decision:\n\n"
    "(a) a direct award is made to Steady Steps Healthcare to deliver falls prevention classes for a period of up to "
    "two years with a maximum contract value of £212,400;\n"
    "(b) direct award is made to StepWise system to record the classes for a period of up to four years with a "
    "maximum contract value of £18,000 (£4,500 per annum).\n"
)


def test_a_direct_award_made_to_a_provider_names_the_contract_value_on_its_line():
    assert [(m.counterparty, m.role) for m in lines_of(_DIRECT, "212400")] == [("Steady Steps Healthcare", "contract")]


def test_a_one_word_provider_with_a_capital_inside_and_its_bracketed_yearly_sum_are_named():
    assert [(m.counterparty, m.role) for m in lines_of(_DIRECT, "18000")] == [("StepWise", "contract")]
    assert [(m.counterparty, m.role) for m in lines_of(_DIRECT, "4500")] == [("StepWise", "contract")]


_RECEIVED = (
    "Minutes\n\nHealthy weight services\n\n"
    "The Cabinet Member introduced the report. She said that the funding to be received from Northshire County "
    "Council would be a little more than the report had shown, up from £41,200 to around £43,900 a year.\n"
    "Resolved: that the funding be accepted.\n"
)


def test_the_body_funding_is_to_be_received_from_funds_the_sums_of_its_sentence():
    assert [(m.counterparty, m.role) for m in lines_of(_RECEIVED, "41200")] == [("Northshire County Council", "award")]
    assert [(m.counterparty, m.role) for m in lines_of(_RECEIVED, "43900")] == [("Northshire County Council", "award")]


def test_a_series_code_with_its_financial_year_ending_the_title_is_the_reference():
    text = ("Decision details\n\nWinter Support Grant Allocation of Funding - ABC12 (23/24)\n\n"
            "Decision Maker: Cabinet Member for Communities\n\nThe Cabinet Member agreed the allocation.\n")
    assert extract_text(text).reference.value == "ABC12 (23/24)"


def test_a_portfolio_code_opening_the_title_is_the_reference():
    text = ("Decision details\n\nXYZQRSTU-02-23: Winter Support Grant Acceptance\n\n"
            "Decision Maker: Cabinet Member for Communities\n\nThe Cabinet Member agreed to accept the grant.\n")
    assert extract_text(text).reference.value == "XYZQRSTU-02-23"


def test_a_number_of_years_up_to_march_is_that_many_financial_years():
    text = ("Minutes\n\nChanging lives programme\n\n"
            "The Board heard that the town had been chosen for the programme and would be given support over 2 years "
            "(up to March 2026).\n")
    assert extract_text(text).period.value == (date(2024, 4, 1), date(2026, 3, 31))


def test_a_term_to_commence_on_a_day_for_a_period_of_years_runs_from_that_day():
    text = ("Decision details\n\nHealth checks contract\n\n"
            "The Director approved the award of the contract, to commence on 1st April 2024 for a period of 2 years.\n")
    assert extract_text(text).period.value == (date(2024, 4, 1), date(2026, 3, 31))


def test_two_terms_that_disagree_date_no_period():
    text = ("Minutes\n\nChanging lives programme\n\n"
            "Support was given over 2 years (up to March 2026). A later phase runs over 3 years (up to March 2027).\n")
    assert extract_text(text).period.value is None


def test_a_programme_named_with_a_bodys_initials_first_is_that_bodys_award():
    text = ("Decision details\n\nChanging lives bid\n\n"
            "Decision:\n\n- Noted the submission of a bid for the DTS Better Futures funding programme of up to £3.2m "
            "over three years.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "3200000")] == [("DTS", "award")]
