"""Ways records are written that the extractor reads since the fifth round (issue 19), each rule on small
hand-written snippets: a numbered list's numerals are no recipients, a body described before its name, a service's
provider in brackets, a total said twice, precept levels and grant-size limits, a building named after a body, a sum
pointing back to an award or transfer in the sentence before, funding confirmed, a council's own grant, one area's
share, "the Force", "a further" sum, reference shapes, a signature date, and the year a record is for."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_roman_numerals_of_a_numbered_list_are_no_recipients_the_name_before_each_sum_is():
    text = ("RESOLVED - That the Committee make a one-off grant payment to the charities below:\n\n"
            "          i.        Northtown Children's Holiday Fund (£2,000)\n\n"
            "         ii.        City of Easton Youth Boxing Club (£1,500)\n\n"
            "        iii.        Westshire Riverside Rescue (£750)\n")
    assert [(a, c) for a, _, c in lines(text)] == [(D("2000.00"), "Northtown Children's Holiday Fund"),
                                                   (D("1500.00"), "City of Easton Youth Boxing Club"),
                                                   (D("750.00"), "Westshire Riverside Rescue")]


def test_lettered_items_that_start_with_their_sum_are_read_as_running_text_not_as_rows_named_by_the_letter():
    text = ("The Deputy Mayor is recommended to approve the grants below:\n\n"
            "a)    £410,000 to Northtown Aid for a refuge service;\n\n"
            "(b)    £95,500 to Easton Counselling Trust for a helpline; and\n")
    found = lines(text)
    assert [(a, c) for a, _, c in found] == [(D("410000.00"), "Northtown Aid"),
                                             (D("95500.00"), "Easton Counselling Trust")]
    assert {c for _, _, c in found}.isdisjoint({"a)", "(b)"})


def test_a_body_described_before_its_name_is_paid_by_that_name():
    assert lines("In 2023-24 £64,000 was awarded to the charity Northtown Rights, which runs the helpline.") == [
        (D("64000.00"), "grant", "Northtown Rights")]
    assert lines("Approve a grant of £210,500 to a consortium led by Easton Aid for the provision of advocacy.") == [
        (D("210500.00"), "grant", "Easton Aid")]


def test_a_service_named_before_its_provider_in_brackets_is_paid_to_the_provider_with_a_warning_to_check():
    text = ("Approve the grant funding extension for the following projects:\n\n"
            "• Safe Steps Outreach (Northtown Aid) £120,000\n\n"
            "• Easton Family Helpline (Brightways) £64,500\n")
    draft = extract_text(text)
    assert [(m.amount, m.counterparty) for m in draft.money] == [(D("120000.00"), "Northtown Aid"),
                                                                 (D("64500.00"), "Brightways")]
    assert "Brightways" in draft.money[1].warning  # not a recognised body's name: the reading is flagged


def test_a_bracket_that_is_the_services_own_acronym_names_no_other_body():
    text = ("Approve the grant funding extension for the following projects:\n\n"
            "• Northtown Advocacy Service (NAS) £120,000\n\n"
            "• Easton Family Helpline (EFH) £64,500\n")
    assert [c for _, _, c in lines(text)] == ["Northtown Advocacy Service (NAS)", "Easton Family Helpline (EFH)"]


def test_a_sum_said_with_no_payee_and_again_as_the_total_of_a_list_is_one_total():
    text = ("This decision extends funding for six months to three projects to the value of £300,000.\n\n"
            "Approve the grant funding extension for a total of £300,000 to the following projects:\n\n"
            "• Northtown Aid £100,000\n\n• Easton Refuge Trust £200,000\n")
    assert lines(text) == [(D("300000.00"), "total", None), (D("100000.00"), "grant", "Northtown Aid"),
                           (D("200000.00"), "grant", "Easton Refuge Trust")]


def test_precept_levels_and_rises_are_rates_paid_by_nobody_even_with_the_commissioner_named_beside_them():
    text = ("The Commissioner proposed a precept increase of £12.00 per year to the current Band D precept of "
            "£250.40, which would give a Band D precept for 2025-26 of £262.40. The Panel consulted on the proposed "
            "£9 a year, per household, increase in the policing precept.")
    assert lines(text) == [(D("12.00"), "other", None), (D("250.40"), "other", None), (D("262.40"), "other", None),
                           (D("9.00"), "other", None)]


def test_a_limit_on_all_expenditure_is_a_threshold_not_a_sum_paid_by_the_office_that_sets_it():
    text = "The Office of the Police and Crime Commissioner (OPCC) publishes all expenditure over £750 on its website."
    assert lines(text) == [(D("750.00"), "other", None)]


def test_a_sum_from_a_named_fund_of_a_year_is_paid_to_the_body_named_after_the_fund():
    assert lines("The PCC agrees to allocate £18,250 from the 2024-25 Community Fund to Northtown Business Forum "
                 "for the pilot.") == [(D("18250.00"), "grant", "Northtown Business Forum")]
    assert lines("This report proposes the allocation of £40,000 funding from the PCC’s Safer Streets Fund to "
                 "Easton Youth Forum to run the second stage.") == [(D("40000.00"), "grant", "Easton Youth Forum")]


def test_a_building_named_after_a_body_is_a_place_not_the_body_paid():
    found = lines("I have agreed to the refurbishment works for Northtown Police Station at a cost of £96,400.")
    assert [(a, c) for a, _, c in found] == [(D("96400.00"), None)]


def test_the_cost_of_this_award_is_paid_to_whom_the_sentence_before_awards_it():
    text = ("I have approved the award of the Design Services Agreement for the estates programme to Brightbuild "
            "Northern Limited. I note the cost of this award is £48,100.")
    assert lines(text) == [(D("48100.00"), "contract", "Brightbuild Northern Limited")]


def test_a_councils_own_record_of_a_grant_it_has_been_provided_is_the_departments_award_to_it():
    text = ("Domestic Abuse Act - MHCLG Funding\n\nNorthtown City Council has been provided a grant of £612,400 in "
            "2024/25 to fulfil the new duty. The Council will commission safe accommodation support.")
    assert lines(text) == [(D("612400.00"), "award", "Ministry of Housing, Communities and Local Government")]


def test_a_council_provided_a_grant_in_a_commissioners_record_is_not_taken_for_the_deciding_body():
    text = ("The Police and Crime Commissioner supports the Home Office programme. Northtown City Council has been "
            "provided a grant of £61,000 in 2024/25. The Council will run the service.")
    assert lines(text) == [(D("61000.00"), "allocation", "Northtown City Council")]


def test_one_areas_share_of_an_allocation_to_many_bodies_is_the_funders_award():
    text = ("In March, Government confirmed a further allocation from this fund to local authorities - with Easton "
            "receiving an allocation of £212,050 for 2024/25.")
    assert lines(text) == [(D("212050.00"), "award", "Government")]
    text = ("The Home Office has allocated the uplift to PCCs, with Northshire receiving £48,000 for the year.")
    assert lines(text) == [(D("48000.00"), "award", "Home Office")]


def test_the_police_named_as_the_force_are_paid_a_sum_earmarked_to_them_or_for_a_service_they_deliver():
    text = ("The budget included £900k for initiatives:\n- £200k earmarked to the Force to recruit volunteers. "
            "This has not been spent.\n- A further £200k for the delivery of custody referral by the Force.\n")
    assert [(a, c) for a, _, c in lines(text)] == [(D("900000.00"), None), (D("200000.00"), "Force"),
                                                   (D("200000.00"), "Force")]


def test_a_sum_allocated_to_a_programme_names_no_body():
    text = "There is debate about how much of the £150k allocated to Integrated Offender Management is needed."
    assert [c for _, _, c in lines(text)] == [None]


def test_a_further_sum_far_from_the_same_sum_in_the_summary_is_the_same_line():
    text = ("To seek approval for the acceptance and spending of £0.150m of perpetrator funding agreed with the Home "
            "Office.\n\nThe scheme was due to end. The Commissioner met partners. Officers reviewed the scheme. "
            "Discussions with the Home Office have resulted in a further £0.150m of funding being secured for 2024-25.")
    assert len(lines(text)) == 1


def test_references_in_the_shapes_councils_and_commissioners_give_them_at_the_top():
    assert extract_text("Decision details\n\nADSC.017.2023 OPCC Grant Funding\n\nDecision Maker: Director\n"
                        ).reference.value == "ADSC.017.2023"
    assert extract_text("Deputy Mayor\n\n112/2019 – Safer Streets Fund – 4 June 2019\n\nTo approve the fund.\n"
                        ).reference.value == "112/2019"
    assert extract_text("Your cookie preferences were saved\n0112 2024/25\n02/10/2024\nAll wards\nGrant Request\n"
                        ).reference.value == "0112 2024/25"
    assert extract_text("Guidance notes are attached.\nDecision 17-2016. Establishment of the Safer Streets Fund\n"
                        ).reference.value == "17-2016"


def test_a_year_range_leading_a_title_or_a_numbered_decision_is_no_reference():
    assert extract_text("2023/2024 – Community Safety Grants\n\nThe Panel noted the grants.\n").reference.value is None
    assert extract_text("Decision 1\nWe have received notification of the grant.\n").reference.value is None


def test_a_signature_date_without_a_colon_is_the_decision_date():
    text = "The Executive Board is asked to approve the fund.\n\nSignature Date 14 June 2016\nTitle Commissioner\n"
    assert str(extract_text(text).decision_date.value) == "2016-06-14"


def test_funding_a_funder_confirmed_is_its_award_and_a_sum_joined_by_and_then_is_the_same_funders():
    text = ("The Commissioner receives funding from the Ministry of Justice for victims' services. The total funding "
            "confirmed for 2024-25 is £3,400,000 and then £3,100,000 in 2025-26.")
    assert lines(text) == [(D("3400000.00"), "award", "Ministry of Justice"),
                           (D("3100000.00"), "award", "Ministry of Justice")]


def test_funding_confirmed_to_a_provider_by_the_commissioner_is_still_paid_out():
    text = "The Commissioner has confirmed funding of £45,000 to Northtown Women's Aid for 2024-25."
    assert lines(text) == [(D("45000.00"), "grant", "Northtown Women's Aid")]


def test_the_total_a_sum_brings_the_same_money_to_comes_from_the_same_funder():
    text = ("The Ministry of Justice has confirmed an uplift to the Commissioner. The Commissioner will accept the "
            "additional £120,000 grant funding from the Ministry of Justice, bringing the total victims grant for "
            "2024/25 to £1,920,000.")
    assert lines(text) == [(D("120000.00"), "award", "Ministry of Justice"),
                           (D("1920000.00"), "award", "Ministry of Justice")]


def test_sums_being_transferred_go_to_whom_the_sentence_before_transfers_the_money():
    text = ("Approve the transfer of victims funding from the Commissioner to a Grants Administrator to run the "
            "small grants. The total funding being transferred includes £210,000 in 2024-25 and £190,000 in 2025-26.")
    assert lines(text) == [(D("210000.00"), "allocation", "Grants Administrator"),
                           (D("190000.00"), "allocation", "Grants Administrator")]


def test_a_pot_the_commissioner_makes_available_is_paid_to_nobody_yet():
    text = "For 2024/25 the Police and Crime Commissioner has made available £250,000 of funding to support local groups."
    assert lines(text) == [(D("250000.00"), "other", None)]


def test_the_smallest_and_largest_grant_a_fund_gives_are_thresholds_paid_to_nobody():
    text = ("The Commissioner has launched a Community Fund for local groups to access grants of values between £250 "
            "and £5,000. The minimum award will be £250 and the maximum award will be £5,000 per grant.")
    assert lines(text) == [(D("250.00"), "other", None), (D("5000.00"), "other", None)]


def test_a_sum_to_the_organisations_listed_below_is_their_total():
    text = ("This report seeks approval for the allocation of £18,900 from the 2024/25 Joint Budget to the "
            "organisations detailed in section 4 below for delivery of the work programme.")
    assert lines(text) == [(D("18900.00"), "total", None)]


def test_grants_to_an_aggregate_value_are_their_total_said_again():
    text = ("The grant awards total £960,000. The Deputy Mayor is recommended to approve the award of 3 grants to the "
            "aggregate value of £960,000, allocated over three financial years.")
    assert lines(text) == [(D("960000.00"), "total", None)]


def test_the_financial_year_a_record_says_it_is_for_is_its_period():
    text = ("Minutes:\n\nThe Committee considered the charities proposed to receive grants from the Fund for 2025/26.\n"
            "RESOLVED - That the Committee make a grant of £2,000 to Northtown Boxing Club.\n")
    assert [str(d) for d in extract_text(text).period.value] == ["2025-04-01", "2026-03-31"]


def test_a_year_left_in_boilerplate_long_before_the_decision_is_not_its_period():
    text = ("Decision date: 14 March 2024\n\nFor 2021/22 the Commissioner has made available £500,000 of funding to "
            "support local groups. The Commissioner awards £4,000 to Northtown Boxing Club.\n")
    assert extract_text(text).period.value is None
