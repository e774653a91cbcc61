"""Ways records are written that the extractor reads since the sixth round (issue 19), each rule on small
hand-written snippets: a sum's parts in brackets, tranches of a sum said before, the period of one body's tranches
over consecutive years, figures that contradict each other by two swapped digits, a figure cut off by the end of the
text, "Decision Log N/YYYY" and slash-separated codes as references, a sum from a named fund or "directly" or "each"
to a body, money passed from a funder's funding to a public body, sums delegated, community safety partnerships by
their local names, the sum of a programme the body receives a funder's money for, rows whose name and description run
together under a "£" heading (the name flagged), a department's full name slightly changed, a named fund "from" a
funder, and a body that approves a sum. Ten of the tests guard what the rules must not take."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.organisations import find_organisations

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_sums_in_brackets_that_add_up_to_a_grant_are_its_parts_paid_to_the_same_body():
    text = ("The amounts to be granted to districts will be:\n"
            "£310,000.00 to Northtown (£110,000.00 in FY 2024/25 and £200,000 in FY 2025/26).\n")
    assert lines(text) == [(D("310000.00"), "grant", "Northtown"), (D("110000.00"), "grant", "Northtown"),
                           (D("200000.00"), "grant", "Northtown")]


def test_a_bracket_that_does_not_add_up_to_the_sum_before_it_is_no_split_of_it():
    text = "Approve a grant to Easton Green Trust of £2,400 (6 days @ £400 per day) to provide an eco-audit."
    found = lines(text)
    assert (D("2400.00"), "grant", "Easton Green Trust") in found
    assert all(c is None for a, _, c in found if a == D("400.00"))


def test_tranches_of_a_sum_awarded_in_the_paragraph_before_come_from_the_same_funder():
    text = ("On 3rd May 2024, the Home Office confirmed that the Commissioner had been successful in applying for "
            "£600,000.00 in funding from its Safer Streets Fund. The funding covers two financial years and will be "
            "paid in two tranches. The first tranche for 2024/25 is £250,000.00 and the second tranche in 2025/26 "
            "will be £350,000.00.\n")
    found = lines(text)
    assert (D("250000.00"), "award", "Home Office") in found
    assert (D("350000.00"), "award", "Home Office") in found


def test_a_tranche_with_no_body_stated_before_it_is_left_unnamed():
    text = "The scheme will be paid in two tranches. The first tranche for 2024/25 is £250,000.00.\n"
    assert lines(text) == [(D("250000.00"), "other", None)]


def test_the_period_of_one_bodys_tranches_over_consecutive_years_runs_from_the_first_to_the_last():
    text = ("The Home Office awarded £600,000.00 to the Commissioner. The first tranche for 2024/25 is £250,000.00 and "
            "the second tranche in 2025/26 will be £350,000.00.\n")
    assert extract_text(text).period.value == (date(2024, 4, 1), date(2026, 3, 31))


def test_lines_of_different_bodies_in_consecutive_years_do_not_make_one_period():
    text = ("Approve grants of £40,000 for 2024/25 to Northtown Aid, £30,000 for 2024/25 to Easton Aid and "
            "£20,000 for 2025/26 to Weston Trust.\n")
    assert extract_text(text).period.value == (date(2024, 4, 1), date(2025, 3, 31))


def test_two_figures_that_differ_by_two_swapped_digits_are_both_flagged():
    text = ("The paper seeks approval for a grant payment of £318,400 to Northtown Aid for training.\n\n"
            "Recommendation: approve a grant to Northtown Aid to the value of £381,400.\n")
    draft = extract_text(text)
    flagged = {m.amount for m in draft.money if "swapped digits" in m.warning}
    assert flagged == {D("318400.00"), D("381400.00")}


def test_figures_that_differ_otherwise_or_are_too_short_to_tell_are_not_flagged():
    text = ("Approve a grant of £318,400 to Northtown Aid and a grant of £318,500 to Easton Aid, "
            "with £12 and £21 of fees.\n")
    assert not [m for m in extract_text(text).money if m.warning]


def test_a_figure_cut_off_by_the_end_of_the_text_is_flagged():
    text = ("Funding recipients\n\nOrganisation Nature of Project £\n"
            "Northtown Aid Support for victims of crime.  30,000\n"
            "Easton Trust Counselling for young people.  49,89")
    assert any("49,89" in w and "cut off" in w for w in extract_text(text).warnings)


def test_a_whole_figure_at_the_end_of_the_text_is_no_cut_off_figure():
    text = "Approve a grant of £30,000 to Northtown Aid. Total: 49,890"
    assert not any("cut off" in w for w in extract_text(text).warnings)


def test_a_decision_logs_number_leading_its_title_is_the_reference():
    text = "Decision Log 027/2023 – Youth Diversion Fund\n\nThe Commissioner approves a grant of £12,000 to Easton Aid.\n"
    assert extract_text(text).reference.value == "027/2023"


def test_a_decision_log_heading_with_a_year_alone_gives_no_reference():
    text = "Decision Log 2023\n\nThe Commissioner approves a grant of £12,000 to Easton Aid.\n"
    assert extract_text(text).reference.value is None


def test_a_code_of_letter_groups_and_numbers_between_slashes_alone_on_its_line_is_the_reference():
    text = "OPCC/KD/2024/07\nExecutive Summary\nThe Commissioner approves a grant of £12,000 to Easton Aid.\n"
    assert extract_text(text).reference.value == "OPCC/KD/2024/07"


def test_a_sum_delegated_from_a_fund_with_a_defined_name_to_a_partnership_is_an_allocation_to_it():
    text = ("To delegate £80k from the Victims and Witnesses Support Fund (“the Fund”) to the Northshire Road Safety "
            "Partnership to manage and allocate in line with its strategy.\n")
    assert lines(text) == [(D("80000.00"), "allocation", "Northshire Road Safety Partnership")]


def test_community_safety_partnerships_known_by_their_local_names_are_public_bodies():
    assert lines("Approve a grant of £12,000 to the Safer Easton Partnership for street lighting.\n") == [
        (D("12000.00"), "allocation", "Safer Easton Partnership")]
    assert lines("Approve a grant of £12,000 to the Easton Families Partnership for a helpline.\n") == [
        (D("12000.00"), "grant", "Easton Families Partnership")]


def test_a_grant_to_a_public_body_named_in_the_sentence_before_is_an_allocation():
    text = ("That Cabinet approves the Council act as lead body for revenue funding allocated to the SaferNorth "
            "Partnership. The Youth Crime Grant 2012/13 of £41,200 is included.\n")
    assert lines(text) == [(D("41200.00"), "allocation", "SaferNorth Partnership")]


def test_a_sum_paid_directly_to_a_body_is_paid_to_it():
    assert lines("To agree to allocate £7,500 directly to Easton Aid for communications work.\n") == [
        (D("7500.00"), "grant", "Easton Aid")]


def test_a_sum_passed_from_a_funders_money_to_a_public_body_is_paid_to_that_body_not_the_funder():
    text = "1. Approve the allocation of £95,000 from the Home Office Serious Violence Fund to Northshire Police.\n"
    assert lines(text) == [(D("95000.00"), "allocation", "Northshire Police")]


def test_a_funder_allocating_to_a_public_body_is_still_the_funders_award():
    text = "The Home Office has allocated £95,000 to Northshire Police for 2024/25.\n"
    assert [c for _, _, c in lines(text)] == ["Home Office"]


def test_the_same_sum_each_to_one_body_is_paid_to_it():
    text = "2. Approve the awarding of 3 grants to the value of £15,000 each to the Easton Traders Network.\n"
    assert lines(text) == [(D("15000.00"), "grant", "Easton Traders Network")]


def test_the_sum_of_a_programme_the_body_receives_a_funders_money_for_is_the_funders_award():
    text = ("Decision:\n\nThe Commissioner receives the Home Office Safer Streets Fund for the programme being delivered "
            "by Easton Council across 2024/25 and 2025/26.\n\nThe total budget for this programme is £240,000\n"
            "2024/25 = £100,000\n2025/26 = £140,000\n")
    assert lines(text) == [(D("240000.00"), "award", "Home Office"), (D("100000.00"), "award", "Home Office"),
                           (D("140000.00"), "award", "Home Office")]


def test_the_sum_of_a_programme_with_no_funders_money_received_before_it_names_no_funder():
    text = ("The Home Office published its Safer Streets prospectus in May.\n\n"
            "The total budget for this programme is £240,000\n")
    assert lines(text) == [(D("240000.00"), "other", None)]


def test_rows_whose_name_and_description_run_together_under_a_pound_heading_are_read_with_a_warning_on_the_name():
    text = ("Funding recipients\n\nOrganisation Nature of Project £\n"
            "Easton Young Carers A weekly club for children who care for a parent.  12,500\n"
            "NAWS Safe Steps: an outreach service for older victims.  8,000\n"
            "Brightways Counselling for survivors of abuse.  21,000\n")
    draft = extract_text(text)
    assert [(m.amount, m.counterparty) for m in draft.money] == [
        (D("12500.00"), "Easton Young Carers"), (D("8000.00"), "NAWS"), (D("21000.00"), "Brightways")]
    assert all("check where the name ends" in m.warning for m in draft.money)


def test_lines_ending_in_a_number_under_a_heading_without_a_pound_sign_are_no_money_rows():
    text = ("Attendance\n\nOrganisation Nature of Project Visits\n"
            "Easton Young Carers A weekly club for children.  1,250\n"
            "Brightways Counselling for survivors.  2,100\n")
    assert extract_text(text).money == []


def test_a_departments_full_name_with_a_small_word_or_a_capital_changed_is_taken_whole():
    text = ("The Council had received allocated funding from the Department of Levelling up, Housing and Communities "
            "of approximately £1.2 million yearly.\n")
    assert lines(text) == [(D("1200000.00"), "award", "Department of Levelling up, Housing and Communities")]
    names = [m.name for m in find_organisations("Funding was confirmed by the Department For education.")]
    assert names == ["Department For education"]


def test_a_named_fund_from_a_funder_is_the_funders_award():
    text = ("3. That authority be delegated to the Cabinet Member to utilise the £84,300 Safer Streets Fund from the "
            "Home Office for 2024-2025 and to approve the award of grants for the activity in the report.\n")
    assert lines(text) == [(D("84300.00"), "award", "Home Office")]


def test_a_grant_from_a_funders_named_funding_to_a_public_body_is_paid_to_that_body():
    text = "1. Approve the allocation of £60,000 grant from the HO Grip funding to Northshire Police.\n"
    assert lines(text) == [(D("60000.00"), "allocation", "Northshire Police")]


def test_a_body_that_approves_a_sum_is_the_decider_not_the_payee():
    assert [(a, c) for a, _, c in lines("• Easton City Council approves £120,000 for library repairs\n")] == [
        (D("120000.00"), None)]


def test_a_body_named_before_a_sum_without_approving_it_may_still_be_the_payee():
    assert [c for _, _, c in lines("• Easton Aid receives £12,000 for library outreach\n")] == ["Easton Aid"]
