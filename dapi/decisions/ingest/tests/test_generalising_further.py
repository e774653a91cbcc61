"""More of the ways records are written that the extractor reads (issue 19, third round), each rule on small
hand-written snippets: who a contract is with, a form's contractor field, thresholds, the national government and
departments' variant names, funders' verbs still to come, money the deciding body receives or claims, a sum said
again for a later period, a misprint flagged, a year that is no reference and a meeting's date under its name."""

from datetime import date
from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


@pytest.mark.parametrize("provider", ["Hestia Housing and Support", "St Christopher’s", "Centrepoint"])
def test_a_sum_under_a_contract_with_a_body_is_paid_to_that_body_not_to_the_service_it_delivers(provider):
    text = (f"1. approves the extension of the contract with {provider} to deliver a Domestic Violence Refuge for "
            "12 months, at a total value of £121,934;")
    assert lines(text) == [(D("121934.00"), "contract", provider)]


def test_a_forms_contractor_field_names_whom_its_contract_sums_are_paid():
    text = "Name of Successful Contractor:\nSafe In Northtown\nContract Value (£): £50,000\n"
    [line] = extract_text(text).money
    assert (line.amount, line.role, line.counterparty, line.warning) == (D("50000.00"), "contract", "Safe In Northtown",
                                                                         "")


def test_a_contractor_name_running_into_the_next_field_of_a_flattened_form_is_cut_there_and_flagged():
    text = ("I approve the award of the Contract: Name of Successful Contractor Safe In Northtown Supplier "
            "Registration Number 2472369 Contract Value (£) £50,000 Contract Start Date 01/04/2025")
    [line] = extract_text(text).money
    assert (line.amount, line.role, line.counterparty) == (D("50000.00"), "contract", "Safe In Northtown")
    assert "check where the name ends" in line.warning


@pytest.mark.parametrize("text", [
    "Applications for Small Grant Awards up to £5,000 – Community Safety Fund\n",
    "Applications for Standard Grant Awards of over £5,000\n",
    "Who will approve each extension? Procurement Board (extension > £150k)\n",
])
def test_a_threshold_on_many_sums_is_other_and_paid_to_nobody(text):
    [(_, role, counterparty)] = lines(text)
    assert (role, counterparty) == ("other", None)


def test_the_government_alone_is_a_funder():
    text = "It was reported that the Government provided the Council with a ‘New Burdens’ grant of £222,365."
    assert lines(text) == [(D("222365.00"), "award", "Government")]


def test_a_ministry_written_for_instead_of_of_is_still_the_department():
    text = ("To utilise the £650,902 Northtown Domestic Abuse Allocation from the Ministry for Housing, Communities and "
            "Local Government for 2021-2022.")
    assert lines(text) == [(D("650902.00"), "award", "Ministry for Housing, Communities and Local Government")]


def test_a_named_grant_allocation_from_a_funder_is_the_funders_award():
    text = "The report asks for authority around the £651,000 grant allocation from the Home Office to support victims."
    assert lines(text) == [(D("651000.00"), "award", "Home Office")]


def test_an_acronym_used_once_with_a_possessive_is_an_organisation():
    text = "The Mayor highlighted the RNLI’s announcement of a £100k contribution to the coastal safety scheme."
    assert lines(text) == [(D("100000.00"), "contribution", "RNLI")]


def test_an_acronym_used_before_its_definition_stands_for_the_defined_name():
    text = ("The GLA will lead. A duty falls on the Greater London Authority (GLA) in London. The Home Office will, "
            "from 1 April 2021, allocate funding of £2,000,000 to the GLA.")
    assert lines(text) == [(D("2000000.00"), "award", "Home Office")]


def test_a_funder_that_will_allocate_a_sum_pays_it():
    text = "The Ministry of Justice will, from 1 April 2025, allocate funding of £400,000 to the Commissioner."
    assert lines(text) == [(D("400000.00"), "award", "Ministry of Justice")]


def test_a_part_of_a_funders_money_is_the_funders_award():
    text = "The VRU will allocate all the £9,397,400 of the Home Office funding to a range of programmes."
    assert lines(text) == [(D("9397400.00"), "award", "Home Office")]


def test_a_funders_award_made_to_the_deciding_body_is_an_award_whatever_the_words_before_the_sum():
    text = "In addition the PCC is asked to approve the MOJ funding award made to the PCC for an additional £38,793."
    assert lines(text) == [(D("38793.00"), "award", "Ministry of Justice")]


def test_a_funders_allocations_for_the_deciding_body_are_its_award():
    text = ("The Ministry of Justice confirmed the grant. This is additional to the second year funding allocations for "
            "Northshire PCC in 2022/23 that were notified previously as £365,041.")
    assert lines(text) == [(D("365041.00"), "award", "Ministry of Justice")]


def test_a_body_writing_that_it_receives_a_sum_is_given_an_award_by_its_funder():
    text = ("Funding is provided on an annual basis by the Ministry of Justice. I receive this allocation based on a "
            "population formula, which for the 2021-22 year means a grant of £1,702,736.")
    assert lines(text) == [(D("1702736.00"), "award", "Ministry of Justice")]


def test_a_sum_the_body_claims_is_an_award_from_its_funder_but_a_tender_it_accepts_is_not():
    claimed = ("Home Office funding continues. The PFCC approves the request to claim the £795,706 grant funding "
               "available as the second year of the programme.")
    assert lines(claimed) == [(D("795706.00"), "award", "Home Office")]
    tender = "The Home Office funds the scheme. The Council will accept the £50,000 tender from Harbour Support Ltd."
    assert [(m.role, m.counterparty) for m in extract_text(tender).money] != [("award", "Home Office")]


def test_a_sum_awarded_to_a_public_body_with_no_funder_before_it_is_paid_out_by_the_deciding_body():
    text = "In 2021-22 £800,000 has been awarded to Northshire Police to deliver the victims' service."
    [(amount, role, counterparty)] = lines(text)
    assert (amount, counterparty) == (D("800000.00"), "Northshire Police") and role != "award"


def test_the_same_sum_from_the_same_funder_for_a_later_period_is_a_line_of_its_own():
    text = ("The Home Office awarded further grant funding of £246,000 for the period between October 2021 and March "
            "2022.\n\nIn April 2022 the Home Office awarded grant funding of £246,000 for a 1-year period between April "
            "2022 and March 2023.")
    assert lines(text) == [(D("246000.00"), "award", "Home Office")] * 2


def test_a_sum_to_one_body_called_a_grant_in_one_place_and_an_allocation_in_another_is_one_line():
    text = ("To award Elmbridge Borough Council £2,275 to support the Junior Citizen event.\n\n"
            "The Commissioner awards to the following:\n  • £2,275 to Elmbridge Borough Council for their programme\n")
    assert [(a, c) for a, _, c in lines(text)] == [(D("2275.00"), "Elmbridge Borough Council")]


def test_a_grant_funding_allocations_list_is_a_list_of_grants():
    text = ("4.1. The PFCC will provide the following grant funding allocations;\n\nYouth Justice Services\n"
            "Essex Youth Justice Service £253,233\nThurrock Youth Justice Service £81,347\n")
    assert {role for _, role, _ in lines(text)} == {"grant"}


def test_a_short_figure_one_digit_off_a_full_figure_of_the_record_is_flagged_not_read_as_a_sum_of_its_own():
    text = ("The MoJ has now awarded an additional £1,175,000 to MOPAC.\n\n"
            "Since then the MoJ have awarded an additional £1.75m to London's services.")
    short = [m for m in extract_text(text).money if m.amount == D("1750000.00")]
    assert short and "differs by one digit from £1,175,000" in short[0].warning


@pytest.mark.parametrize("text", [
    "The grant is £650,902. The report asks for authority around the £651,000 grant.",
    "The grant is £1,200,000 (£1.2m).",
    "The grant is £1,250,000, some £1.3m.",
])
def test_a_rounded_restatement_is_not_flagged(text):
    assert [m.warning for m in extract_text(text).money if m.warning] == []


def test_a_year_alone_after_decision_record_is_no_reference():
    text = "Skip Content\n\nDecision Record 2015\n\nView the Commissioner's latest decisions\n"
    assert extract_text(text).reference.value is None


def test_a_weekday_date_alone_under_a_panels_name_is_the_meetings_date():
    text = ("Agenda and draft minutes\n\nNorthshire Police and Crime Panel\nFriday, 7th February, 2020 1.00 pm\n\n"
            "Venue: Council Chamber\n\nRESOLVED, that the minutes of the meeting held on 14 October 2019 be confirmed.\n")
    assert extract_text(text).decision_date.value == date(2020, 2, 7)


def test_a_forms_labelled_start_and_end_dates_are_the_period():
    text = ("Name of Contractor: Safe In Northtown\nContract Value (£): £50,000\nContract Start Date 01/04/2025 "
            "Contract End Date 31/03/2026\n")
    assert extract_text(text).period.value == (date(2025, 4, 1), date(2026, 3, 31))


def test_a_financial_year_written_with_one_digit_for_the_next_year_is_a_financial_year():
    text = "PFCC core funding allocations 2024-5\n\nTo award Northtown Youth Service £2,500.\n"
    assert extract_text(text).period.value == (date(2024, 4, 1), date(2025, 3, 31))


@pytest.mark.parametrize("text", [
    "Approve the annual allocation of £1,225,955 to support partner organisations to deliver their core activity.",
    "Grants worth £80,000 to various community projects were agreed.",
])
def test_a_sum_for_several_bodies_at_once_is_their_total(text):
    assert lines(text) == [(lines(text)[0][0], "total", None)]


def test_a_funders_award_named_in_a_later_mention_leads_an_earlier_mention_that_names_nobody():
    text = ("The maximum grant available to claim this year is £795,706.\n\nThe PFCC approves the claim of the "
            "£795,706 grant funding from the Home Office.")
    assert lines(text) == [(D("795706.00"), "award", "Home Office")]


def test_a_financial_year_alone_in_a_short_heading_near_the_top_is_the_period():
    text = ("Commissioner's grants\n\n2017 – 2018\n\nThis page tells you about the grants I have made to help deliver "
            "my plan.\n\nIn 2015/16 the scheme began. £798,402 has been awarded to Victims First Northshire.\n")
    assert extract_text(text).period.value == (date(2017, 4, 1), date(2018, 3, 31))
