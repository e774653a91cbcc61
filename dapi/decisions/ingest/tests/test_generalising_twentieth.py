"""Ways records are written that the extractor reads since the twentieth round, each rule on small hand-written
snippets: a sum whose "m" runs into the next word ("£0.45mto develop") is read in millions, with a warning; a
department whose name is joined by "&" ("Department of Health & Social Care") is named whole; a number in a financial
year's series leading a heading ("14/2024-25 Youth Diversion Fund") and a code of slash-separated parts ending a
heading after a dash ("... Services - DEC21/CMDN/045") are references; a label giving a different reference on each
item of a page that lists decisions gives the page none; a heading naming a board's minutes or notes and the day, on
one of the first three lines, dates the decision; a town or city centre is a place, not a payee; and a sum the
decision accepts as funding from a funder ("To accept ... funding from the Department – £18,400") is an award."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.amounts import find_amounts
from dapi.decisions.ingest.extract.organisations import find_organisations

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_sum_whose_m_runs_into_the_next_word_is_read_in_millions_with_a_warning():
    [mention] = find_amounts("Oakdale: Market Street Scheme: £0.45mto develop the scheme to full business case.")
    assert mention.value == D("450000.00")
    assert "runs into the next word" in mention.warning



def test_a_department_joined_by_an_ampersand_is_named_whole():
    names = [m.name for m in find_organisations(
        "The grant of £120,000, as allocated by the Department of Health & Social Care, covers the year.")]
    assert "Department of Health & Social Care" in names
    assert "Department of Health" not in names


def test_a_number_in_a_financial_years_series_leading_a_heading_is_the_reference():
    text = ("14/2024-25 Youth Diversion Fund 2024/25\n\nAuthor: Jane Smith, Partnerships Lead\n\n"
            "The Commissioner approves a grant of £40,000 to Oakdale Youth Trust.\n")
    assert extract_text(text).reference.value == "14/2024-25"


def test_a_slash_separated_code_ending_a_heading_after_a_dash_is_the_reference():
    text = ("Decision details\n\nAward of the Contract for Refuge Services - DEC21/CMDN/045\n\n"
            "Decision Maker: Cabinet Member for Communities\n\n"
            "Decision: to award the contract of £80,000 to Oakdale Refuge.\n")
    assert extract_text(text).reference.value == "DEC21/CMDN/045"


def test_a_label_giving_each_listed_decision_its_own_reference_gives_the_page_none():
    text = ("Showing 1-20 of 300 results found\n\nCommissioner decisions\n\n"
            "  • OCD 210 Victims services grant\n\n    Page type: Decision\n\n    • Reference code: OCD 210\n\n"
            "  • OCD 211 Custody contract extension\n\n    Page type: Decision\n\n    • Reference code: OCD 211\n")
    assert extract_text(text).reference.value is None



def test_a_boards_notes_heading_with_the_day_dates_the_decision():
    text = ("Oakdale Accountability Board Notes 9th March 2021\n\n1. Welcome and introductions\n\n"
            "2. The Commissioner approved a grant of £12,000 to Oakdale Youth Trust.\n")
    assert str(extract_text(text).decision_date.value) == "2021-03-09"


def test_a_boards_minutes_heading_under_the_officers_name_dates_the_decision():
    text = ("Jane Smith - Oakdale Commissioner\n\nExecutive Board Minutes 12 May 2015\n\n"
            "Minutes of the meeting held at headquarters.\n\n"
            "The Commissioner approved a grant of £12,000 to Oakdale Youth Trust.\n")
    assert str(extract_text(text).decision_date.value) == "2015-05-12"


def test_a_town_centre_is_not_an_organisation():
    names = [m.name for m in find_organisations(
        "·   Oakdale Town Centre Streets for All Scheme: £0.62m to develop the scheme to business case.\n")]
    assert not any("Town Centre" in n for n in names)


def test_a_sum_the_decision_accepts_as_funding_from_a_funder_is_an_award():
    text = ("Decision: To accept Winter Pressures funding from the Department for Education – £18,400 in 2024/25 "
            "for emergency accommodation.\n")
    assert _line(text, "18400").role == "award"
