"""Ways records are written that the extractor reads since the thirteenth round (issue 19), each rule on small
hand-written snippets: a charitable incorporated organisation ("Oakdale Youth CIO") and a club ("The OKT Club") are
named whole, not by their short form; words before "Council of" that name a body of their own ("Parochial Church
Council of St Anne") are part of its name; a committee of the deciding body ("the Community Policy Development
Group") recommends but is never paid; the advice charity is named without a suffix ("Citizens Advice"); a table kept
as text with " | " between cells reads its sums without "£" under a "Grant value (£)" heading; a form kept as a list
("- Report reference number:" / "- 017-25") gives its fields; a grant the sentence before leaves to "the one body it
names" is not given to one of two bodies it pays; sums for numbered years ("£2k in year 1 and £1k in year 2 be made
to ...") are paid to the body after them; a cut in a named body's grant and "the total reducing from £44k to £27k" are
that body's grant; the value of the bids received is paid to nobody; work "undertaken by" a named firm "at a total
cost of" a sum is a contract with that firm."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_charitable_incorporated_organisation_is_named_whole_not_by_its_cio():
    text = ("Oakdale Youth CIO – Open Access Provision\n"
            "To provide Oakdale Youth CIO £8,000 as start-up funding for a youth club.\n"
            "- £8,000 to Oakdale Youth CIO for start-up funding.")
    assert {counterparty for _, _, counterparty in lines(text)} == {"Oakdale Youth CIO"}


def test_a_club_is_named_whole_not_by_its_short_form():
    text = ("The OKT Club\n"
            "To provide The OKT Club £5,000 to go towards staffing.\n"
            "- £5,000 to The OKT Club for running costs.")
    assert {counterparty for _, _, counterparty in lines(text)} == {"OKT Club"}


def test_words_naming_a_body_before_council_of_are_part_of_its_name():
    text = "The Committee approved: Parochial Church Council of St Anne - £7,500 towards the costs of a tutor."
    assert lines(text) == [(D("7500"), "grant", "Parochial Church Council of St Anne")]


def test_a_post_before_council_of_is_not_part_of_the_councils_name():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Leader of the Council of Calderdale approved a grant of £4,000 to Oakdale Food Bank."
    assert lines(text) == [(D("4000"), "grant", "Oakdale Food Bank")]


def test_a_committee_of_the_deciding_body_is_not_the_payee():
    text = ("Arising from a report, the Community Policy Development Group had recommended an additional £3k per annum "
            "for the advice service;")
    assert [counterparty for _, _, counterparty in lines(text)] == [None]


def test_the_advice_charity_is_named_without_a_suffix():
    text = "The Cabinet approved an additional £3k per annum for Citizens Advice;"
    assert [counterparty for _, _, counterparty in lines(text)] == ["Citizens Advice"]


def test_a_table_with_rules_between_cells_reads_sums_under_a_pound_heading():
    text = ("The Commissioner will provide the following grants;\n"
            "Applicant | Brief Description | Grant value (£) |\n"
            "Oakdale Boxing Club | Sessions for young people in Oakdale | 10,000 |\n"
            "Millbrook House | Core funding for staff | 16,852 |\n")
    assert lines(text) == [(D("10000"), "grant", "Oakdale Boxing Club"), (D("16852"), "grant", "Millbrook House")]


def test_a_form_kept_as_a_list_gives_its_reference():
    text = ("Oakdale grants\n- Report reference number:\n- 017-25\n- Title of report:\n- Grants\n\n"
            "The Commissioner approves a grant of £5,000 to Oakdale Food Bank.")
    assert extract_text(text).reference.value == "017-25"


def test_a_grant_after_sums_to_two_bodies_is_not_given_to_the_one_recognised():
    # "Oakdale Boxing Club" is recognised as an organisation and "Hilltop Choir" is not; both are paid in the sentence
    # before, so that sentence does not name one body only.
    text = ("The panel considered a bid from Oakdale Boxing Club for £600 and a bid from Hilltop Choir for £450.\n\n"
            "The grant is £150.")
    assert lines(text)[-1] == (D("150"), "grant", None)


def test_sums_for_numbered_years_before_their_recipient_are_paid_to_it():
    text = "b) An allocation of £2k in year 1 and £1k in year 2 be made to the Oakdale Drop in Centre."
    assert lines(text) == [(D("2000"), "grant", "Oakdale Drop in Centre"), (D("1000"), "grant", "Oakdale Drop in Centre")]


def test_a_change_to_a_bodys_grant_and_its_total_before_and_after_are_that_bodys_grant():
    text = ("The Council has approved a reduction in grant to Oakdale Advice Centre of £17k per annum, the total reducing "
            "from £44k to £27k;")
    assert lines(text) == [(D("17000"), "grant", "Oakdale Advice Centre"), (D("44000"), "grant", "Oakdale Advice Centre"),
                           (D("27000"), "grant", "Oakdale Advice Centre")]


def test_a_sum_followed_by_in_total_is_still_a_total():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Council will pay £5,000 in total to Oakdale Food Bank."
    assert lines(text) == [(D("5000"), "total", None)]


def test_the_value_of_the_bids_received_is_paid_to_nobody():
    text = ("The Commissioner received 40 bids, valued at £900,000.\n"
            "Applicant | Brief Description | Grant value (£) |\n"
            "Oakdale Boxing Club | Sessions for young people | 10,000 |\n"
            "Millbrook House | Core funding for staff | 16,852 |\n")
    assert lines(text)[0] == (D("900000"), "other", None)


def test_work_done_by_a_named_firm_at_a_cost_is_a_contract_with_it():
    text = "The Cabinet Member approved new gates. This work will be undertaken by Oakdale Metalworks at a total cost of £2394."
    assert lines(text) == [(D("2394"), "contract", "Oakdale Metalworks")]


def test_a_total_cost_with_no_firm_named_is_still_a_total():
    # The rule's limit: it passes without the rule and must still pass with it.
    assert lines("The project has a total cost of £5,000.") == [(D("5000"), "total", None)]
