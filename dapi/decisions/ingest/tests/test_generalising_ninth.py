"""Ways records are written that the extractor reads since the ninth round (issue 19), each rule on small hand-written
snippets: a sum no word pays is not paid to the deciding body that minutes report speaking; a funder named after a
sum with its year or its verb between, and a payee named after the year of its grant; a saving or underspend named
after its sum; an application from a body for a sum, and "the organisation" a record with one applicant then pays
(with a warning); a row labelled with what a sum pays for, said again as paid to a body; a payee after "in fees to"
and an agreement with a body after "of funding to enter into"; "This amounts to £1m" after a transfer to a named
body; a sum for many passed on via a fund manager."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_sum_the_commissioner_speaks_of_in_minutes_is_paid_to_nobody():
    text = ("Minutes of the panel. The Commissioner outlined that a rise in the policing element of £10 for a Band D "
            "home was needed. The Commissioner described a shortfall of £3.2m in the coming year.")
    assert [counterparty for _, _, counterparty in lines(text)] == [None, None]


def test_a_sum_the_commissioner_could_fund_is_still_the_commissioners_own_spend():
    text = "The Chief Executive said that the Commissioner could fund a smaller service at a cost of about £80,000."
    assert lines(text) == [(D("80000.00"), "other", "Commissioner")]


def test_a_funder_named_after_the_year_of_its_grant_is_the_source_of_the_sum():
    text = ("Cabinet accepted a grant of £412,500 for 2025/26 from the Department for Education to run the holiday "
            "programme. In 2024 it had accepted the grant of £398,000 in 2024/2025 from the Department for Education.")
    assert lines(text) == [(D("412500.00"), "award", "Department for Education"),
                           (D("398000.00"), "award", "Department for Education")]


def test_a_sum_awarded_by_a_funder_is_its_award():
    text = "The Unit has a budget of £9 million, which includes £4 million awarded by the Home Office for 2025/26."
    assert lines(text)[1] == (D("4000000.00"), "award", "Home Office")


def test_a_payee_named_after_the_year_of_its_grant_is_paid_the_sum():
    text = "The Commissioner approves a grant of £20,000 for 2025/26 to Harbour Lane Service from the Safer Fund."
    assert lines(text)[0][2] == "Harbour Lane Service"


def test_a_saving_named_after_its_sum_is_paid_to_nobody_even_beside_a_contract():
    text = ("The contract with Northline Telecom ends in March and a £41,000 saving has been made. A further £9,500 "
            "underspend is expected.")
    assert lines(text) == [(D("41000.00"), "other", None), (D("9500.00"), "other", None)]


def test_an_application_from_a_body_for_a_sum_names_its_payee():
    text = "The panel met to consider an application from Riverside Lads Club for £600 towards new kit."
    assert lines(text) == [(D("600.00"), "grant", "Riverside Lads Club")]


def test_the_organisation_a_record_with_one_applicant_pays_is_that_applicant_with_a_warning():
    text = ("The panel met to consider an application from Riverside Lads Club for £600 towards new kit.\n\n"
            "Decision: the panel awarded the organisation a further grant of £150 for transport.")
    money = extract_text(text).money
    assert [(m.amount, m.counterparty) for m in money] == [(D("600.00"), "Riverside Lads Club"),
                                                           (D("150.00"), "Riverside Lads Club")]
    assert "applicant" in money[1].warning


def test_the_organisation_is_not_read_as_one_of_two_applicants():
    text = ("The panel considered an application from Riverside Lads Club for £600 and an application from Hilltop "
            "Choir for £450.\n\nDecision: the panel awarded the organisation a further grant of £150.")
    assert lines(text)[-1][2] is None


def test_a_row_labelled_with_a_project_said_again_as_paid_to_a_body_is_one_line_to_that_body():
    text = ("The following projects are proposed:\n\n"
            "Street Kitchen Nights | £12,000 |\n"
            "Safer Parks – signage | £3,400 |\n\n"
            "The Commissioner awards the following: £12,000 to Eastfield Youth Trust for its Street Kitchen Nights "
            "project; £3,400 to Eastfield Borough Council for signage in the Safer Parks scheme.")
    assert [(amount, counterparty) for amount, _, counterparty in lines(text)] == [
        (D("12000.00"), "Eastfield Youth Trust"), (D("3400.00"), "Eastfield Borough Council")]


def test_a_row_paid_to_one_body_and_the_same_sum_paid_to_another_stay_two_lines():
    text = ("Grants:\n\n"
            "Street Kitchen Trust | £12,000 |\n"
            "Hilltop Choir | £5,000 |\n\n"
            "The Commissioner also awards £12,000 to Eastfield Youth Trust for its summer work.")
    assert [(amount, counterparty) for amount, _, counterparty in lines(text)] == [
        (D("12000.00"), "Street Kitchen Trust"), (D("5000.00"), "Hilltop Choir"), (D("12000.00"), "Eastfield Youth Trust")]


def test_a_sum_in_fees_to_a_body_is_paid_to_it():
    text = "The Deputy Mayor is asked to approve £9,250 in fees to the Northway Trust for running the fund."
    assert lines(text)[0][2] == "Northway Trust"


def test_funding_to_enter_into_an_agreement_with_a_body_is_paid_to_it():
    text = "The Deputy Mayor is asked to approve £61,000 of funding to enter into a local agreement with Safer Lives Ltd."
    assert lines(text)[0][2] == "Safer Lives Ltd"


def test_sums_a_transfer_to_a_named_body_amounts_to_are_allocated_to_it():
    text = ("Note the existing funding to be transferred to the Youth Safety Unit. This amounts to £2m in 2025/26 and "
            "£1.5m in 2026/27.")
    assert lines(text) == [(D("2000000.00"), "allocation", "Youth Safety Unit"),
                           (D("1500000.00"), "allocation", "Youth Safety Unit")]


def test_which_amounts_to_inside_a_sentence_points_back_to_nothing():
    text = ("The grant was transferred to the Youth Safety Unit last year. The uplift, which amounts to an increase to "
            "an existing budget of £200,000, is welcome.")
    assert lines(text)[0][2] is None


def test_grants_to_many_groups_via_a_named_body_are_allocated_to_that_fund_manager():
    text = ("The Deputy Mayor is asked to approve £240,000 for the award of grants to community groups via the Eastway "
            "Community Trust for 2025-26.")
    assert lines(text) == [(D("240000.00"), "allocation", "Eastway Community Trust")]


def test_a_body_paid_before_the_word_via_keeps_the_sum():
    text = "The Commissioner approves a grant of £5,000 to Hilltop Choir via the Eastway Community Trust."
    assert lines(text) == [(D("5000.00"), "grant", "Hilltop Choir")]


def test_a_body_named_office_for_something_is_paid_under_its_whole_name():
    text = "Allocation of £2.5m from the Youth Fund to the Mayor’s Office for Youth and Sport to fund new projects."
    assert lines(text)[0][2] == "Mayor’s Office for Youth and Sport"


def test_a_purpose_after_for_is_not_read_into_the_payees_name():
    text = "The Commissioner approves a grant of £8,000 to Harbour Lane Service for Outreach Work in Eastby."
    assert lines(text)[0][2] == "Harbour Lane Service"


def test_sums_of_grants_and_contracts_in_the_plural_with_no_payee_are_totals():
    text = ("The Deputy Mayor is asked to approve the award of £2.2m in 2025/26, £1.6m in 2026/27 and £0.3m in 2027/28 "
            "of direct grants and contracts to deliver the programme.")
    assert [role for _, role, _ in lines(text)] == ["total", "total", "total"]


def test_a_grant_for_one_purpose_with_no_payee_is_still_a_grant():
    text = "The Deputy Mayor is asked to approve a grant of £40,000 for the delivery of a youth mentoring service."
    assert lines(text) == [(D("40000.00"), "grant", None)]


def test_a_title_under_a_repeated_page_heading_names_the_payee_and_the_year():
    text = ("Decision details\n\nDecision details\n\nCommunity Chest 2024-25 Decision Meeting - Eastby Rowing Association\n\n"
            "Decision Maker: Head of Communities\n\nDecision:\n\nThe meeting agreed a grant of £700 for new oars.\n")
    draft = extract_text(text)
    assert draft.title.value == "Community Chest 2024-25 Decision Meeting - Eastby Rowing Association"
    assert [(m.amount, m.counterparty) for m in draft.money] == [(D("700.00"), "Eastby Rowing Association")]
    assert "title" in draft.money[0].warning
    assert draft.period.value == (date(2024, 4, 1), date(2025, 3, 31))


def test_a_title_under_a_pages_links_and_logos_is_its_heading():
    text = ("Skip to main content\nCity of Eastby logo Eastby Assembly logo\nHome\n\nED 204 Youth Outreach Grant\n\n"
            "Key information\n\nThe Mayor approves a grant of £20,000 for the outreach service.\n")
    assert extract_text(text).title.value == "ED 204 Youth Outreach Grant"


def test_a_list_items_help_in_kind_valued_in_brackets_is_paid_to_the_item():
    text = ("Grants approved:\n\n"
            "·         Riverside Youth Trust - £2,000 towards running costs\n\n"
            "·         Hillside Links Eastby - 5 days (value £2,000) to review its accounts\n")
    assert [(amount, counterparty) for amount, _, counterparty in lines(text)] == [
        (D("2000.00"), "Riverside Youth Trust"), (D("2000.00"), "Hillside Links Eastby")]


def test_equipment_named_by_an_acronym_is_not_a_payee():
    text = ("The Council will buy CCTV cameras for the town centre. The CCTV upgrade will cost £45,000 from the capital "
            "programme.")
    assert lines(text)[0][2] is None


def test_the_cost_of_each_unit_is_a_price_not_a_grant():
    text = ("The Cabinet agreed to buy 12 mobile cameras. The cost of each individual camera from Brightlens Systems Ltd "
            "would be in the region of £2,500.")
    assert lines(text)[0][:2] == (D("2500.00"), "other")


def test_the_cost_of_a_providers_services_is_still_paid_to_it():
    text = ("To agree the grant agreement for services required from Voice for Eastby Victims. The cost of providing "
            "these services is £120,000 for 2025/26.")
    assert lines(text)[0][2] == "Voice for Eastby Victims"


def test_a_service_commissioned_from_a_provider_is_a_contract():
    text = ("Commissioned by the Commissioner with an investment of £300,000 over three years, the service is delivered "
            "by Eastby Advice Centre.")
    assert lines(text)[0][:2] == (D("300000.00"), "contract")


def test_funding_for_commissioned_services_is_a_contract():
    text = "Other funding, such as for drug services (£40,000 in Eastby), is for commissioned services."
    assert lines(text) == [(D("40000.00"), "contract", None)]
