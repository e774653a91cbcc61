"""Ways records are written that the extractor reads since the fourth round (issue 19), each rule on small
hand-written snippets: the subject that receives a sum in a list under a funder's name, a table flattened to one
cell per line, a form's contractor cell, a sum something costs, a period or a funder's verb before "to", money the
body accepts or spends as its own grant, sums joined by "and" or "including", and a space after a comma."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_each_line_of_a_list_under_a_funders_award_is_paid_to_the_body_it_names_not_by_the_funder():
    text = ("In May 2023 the OPCC secured £900,000 from the Ministry of Justice to support survivors.\n"
            "- Northtown Women's Centre will receive £31,200 to run counselling sessions\n"
            "- SAFEHAVEN will receive £12,500 to provide advocacy\n")
    assert lines(text) == [(D("900000.00"), "award", "Ministry of Justice"),
                           (D("31200.00"), "grant", "Northtown Women's Centre"), (D("12500.00"), "grant", "SAFEHAVEN")]


def test_bodies_said_to_have_received_sums_in_running_text_are_each_paid_their_own_sum():
    text = ("Our outreach service was commissioned through local authorities. Northtown County Council received £13,000 "
            "and managed 346 referrals, Easton received £11,700 and managed 91 cases.")
    assert lines(text) == [(D("13000.00"), "allocation", "Northtown County Council"), (D("11700.00"), "grant", "Easton")]


def test_an_area_said_to_have_received_a_sum_right_after_a_funders_grant_to_the_body_is_the_funders_award():
    text = ("The Ministry of Justice announced an in-year uplift to the PCC’s core grant funding in August 2022. "
            "Northshire received £285,000.")
    assert lines(text) == [(D("285000.00"), "award", "Ministry of Justice")]


def test_the_deciding_body_or_a_pronoun_receiving_a_sum_is_no_recipient_of_the_bodys_payment():
    assert lines("The Ministry of Justice funds victims' services. The PCC will receive £50,000 in 2024/25.") == [
        (D("50000.00"), "award", "Ministry of Justice")]
    assert lines("Funding for counselling was agreed. They received £8,000 for the work.")[0][2] is None


def test_a_body_given_more_funding_from_one_sum_to_another_is_paid_both_and_a_sum_made_available_to_a_body():
    text = ("The Youth Offending Team in Northshire has been given additional funding by the Commissioner (from £20k "
            "to £45K per annum) and an additional £25k has been made available to the Community Safety Partnership.")
    assert [(a, c) for a, _, c in lines(text)] == [(D("20000.00"), "Youth Offending Team in Northshire"),
                                                   (D("45000.00"), "Youth Offending Team in Northshire"),
                                                   (D("25000.00"), "Community Safety Partnership")]


def test_a_table_flattened_to_one_cell_per_line_gives_each_sum_the_body_in_the_first_cell_of_its_row():
    text = ("The grants to be made in 2022-23 are outlined below.\nOrganisation |\nType of Funding |\nAmount |\n"
            "Easton Borough Council |\nCommunity Safety Funding |\n£81,962 |\nNorthtown Youth Justice Services |\n"
            "Preventing Youth Offending |\n£198,116 |\nTotal |\n|\n£280,078 |\nThe grants are monitored.\n")
    assert lines(text) == [(D("81962.00"), "grant", "Easton Borough Council"),
                           (D("198116.00"), "grant", "Northtown Youth Justice Services"),
                           (D("280078.00"), "total", None)]


def test_cells_one_per_line_with_a_long_preamble_or_two_sums_only_are_no_table():
    text = ("Detail required |\nAnswers |\n|||\nTitle |\nNorthtown Perpetrator Provision |\n|||\nContract Value |\n"
            "£108,476 |\nPer Annum (estimated average) |\n||\nApprover |\nDirector (extension < £150k) |\n")
    assert ("Per Annum (estimated average)" not in [c for _, _, c in lines(text)])


def test_a_form_flattened_to_cells_gives_the_whole_next_cell_as_the_contractor_as_written():
    text = ("award of the Contract as detailed below:\nName of Successful Contractor |\nTalk , listen Change |\n|||\n"
            "Contract Value |\n£108,476 |\n")
    assert lines(text) == [(D("108476.00"), "contract", "Talk , listen Change")]


def test_what_a_service_is_said_to_cost_is_its_price_not_a_funders_award():
    text = ("The PCC receives an annual grant from the Ministry of Justice. Our new hub opened in April. "
            "This service cost £200,063 and received 5,194 referrals.")
    assert lines(text) == [(D("200063.00"), "other", None)]


def test_a_period_between_a_sum_and_to_does_not_hide_whom_it_is_paid_to():
    text = ("The DMPC is asked to approve the award of £4,999,001 over two years to Northtown Support (with Easton "
            "Aid and Westshire Refuge) as a conditional grant.")
    assert lines(text) == [(D("4999001.00"), "grant", "Northtown Support")]


def test_a_funder_as_subject_pays_the_body_named_after_to_and_it_is_the_funders_award():
    text = ("The Department for Levelling Up, Housing and Communities has allocated support funding of £20,745,496 to "
            "the GLA to discharge its duty in 2022-23.")
    assert lines(text) == [(D("20745496.00"), "award", "Department for Levelling Up, Housing and Communities")]


def test_a_grant_the_body_accepts_by_name_comes_from_the_funder_and_so_does_the_sum_joined_to_it_by_and():
    text = ("Accept the now confirmed Core and General Grant funding of £9,981,911.06 and £12,362,832.67 "
            "respectively, from the Ministry of Justice (MoJ) for victim services.")
    assert [(a, r, c) for a, r, c in lines(text)] == [(D("9981911.06"), "award", "Ministry of Justice"),
                                                      (D("12362832.67"), "award", "Ministry of Justice")]


def test_the_bodys_own_grant_allocation_it_spends_is_the_funders_award():
    text = ("The PCC receives an annual grant from the Ministry of Justice (MoJ) to commission services. During "
            "2018/19 the PCC spent his full grant allocation of £2.765m on the following services.")
    assert lines(text) == [(D("2765000.00"), "award", "Ministry of Justice")]


def test_a_sum_said_to_be_included_in_the_one_before_it_goes_to_the_same_body():
    text = ("NRASAC have been awarded £1,530,959 for 22/23 to fund services including £100,000 to provide crisis "
            "support.")
    assert lines(text) == [(D("1530959.00"), "grant", "NRASAC"), (D("100000.00"), "grant", "NRASAC")]


def test_a_space_after_a_thousands_comma_is_read_as_the_digits_together_and_flagged():
    [line] = extract_text("Refuge received £334, 818 to provide an ISVA service.").money
    assert (line.amount, line.counterparty) == (D("334818.00"), "Refuge")
    assert "thousands separator" in line.warning


def test_a_line_opening_with_an_acronyms_name_and_going_straight_on_to_the_sum_names_its_recipient():
    text = "CSE\n\nNRSASC £305,000 annually for the provision of early intervention services.\n"
    assert lines(text) == [(D("305000.00"), "grant", "NRSASC")]


def test_a_plain_word_opening_a_line_before_a_sum_is_no_recipient():
    assert lines("Funding £5,000 for the provision of early intervention services.\n")[0][2] is None


def test_a_year_and_number_code_leading_an_issue_title_is_the_records_reference_but_a_date_is_not():
    text = "Issue details\n\n23/00060 - Domestic Abuse Act Framework 2023-25\n\nProposed decision: APPROVE the plan.\n"
    assert extract_text(text).reference.value == "23/00060"
    dated = "Issue details\n\n28/04/2017 - Community Grants Scheme\n\nDecision: APPROVE the plan.\n"
    assert extract_text(dated).reference.value is None
