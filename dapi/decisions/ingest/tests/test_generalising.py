"""The rules added so the extractor reads other bodies' records (issue 19), each on small hand-written
snippets: amounts in millions with decimals, misplaced thousands separators flagged, reference formats,
decision and meeting date layouts, direction of money and counterparties."""

from datetime import date
from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.amounts import find_amounts

D = Decimal


@pytest.mark.parametrize("written, value", [
    ("£0.200m", D("200000.00")),
    ("£0.075m", D("75000.00")),
    ("£1.286m", D("1286000.00")),
    ("£424.764 million", D("424764000.00")),
    ("£19.45m", D("19450000.00")),
    ("£4593", D("4593.00")),
])
def test_amounts_in_millions_keep_every_decimal_and_their_multiplier(written, value):
    [found] = find_amounts(f"The sum of {written} was agreed.")
    assert (found.value, found.warning) == (value, "")


@pytest.mark.parametrize("written, read", [
    ("£31,78", D("3178.00")),
    ("£1,234,5678", D("12345678.00")),
    ("£1.2345", D("1.23")),
])
def test_a_figure_that_cannot_be_read_for_certain_is_flagged_not_silently_misread(written, read):
    [found] = find_amounts(f"We propose {written} to introduce an advocate.")
    assert found.value == read
    assert written in found.warning and "check the amount" in found.warning


def test_a_flagged_figure_carries_its_warning_on_the_money_line_and_in_the_drafts_warnings():
    draft = extract_text("We will spend £31,78 to introduce a Fraud Victim Advocate at Safer Communities Limited.")
    [line] = draft.money
    assert "thousands separator in the wrong place" in line.warning
    assert line.warning in draft.warnings


def test_well_formed_amounts_in_a_list_carry_no_warning():
    draft = extract_text("Awards: £2,400, £2,000 and £57,244.20 in all.")
    assert [m.warning for m in draft.money] == ["", "", ""]


@pytest.mark.parametrize("text, reference", [
    ("Key information\nReference code: PCD 1041\nDate signed:\n", "PCD 1041"),
    ("Type of decision:\nAssistant Director's decision\nCode:\nADD304\nDate signed:\n20 April 2015\n", "ADD304"),
    ("\nDecision Record 118 – Voice for Victims and Witnesses\n\nDecision taken\n", "118"),
    ("Some background.\nDecision Notice 2022-0021: Core Victims Funding Uplift 2022/23 (application, 172kB)\n",
     "2022-0021"),
    ("Skip to content\n\nWPCC3-0067 – Domestic Abuse Perpetrator Programme funding 2022-23\n\nDecision summary:\n",
     "WPCC3-0067"),
    ("PCD 1436 Home Office Domestic Abuse Perpetrator Funding 2023-25\nThe Home Office are awarding funding.\n",
     "PCD 1436"),
])
def test_references_in_the_formats_bodies_publish(text, reference):
    assert extract_text(text).reference.value == reference


@pytest.mark.parametrize("text", [
    "Decision Ref:\nThe Police and Crime Commissioner for Lancashire's Revenue Budget for 2025/26\nDate of Decision:\n",
    "COVID19 has had a considerable impact on services.\n",
    "PART 1 Non-confidential facts and advice\n",
])
def test_a_title_under_an_empty_reference_label_or_a_word_with_digits_is_no_reference(text):
    assert extract_text(text).reference.value is None


@pytest.mark.parametrize("text, decided", [
    ("Agenda and minutes\n\nDyfed Powys Police and Crime Panel - Thursday, 16th November, 2017 10.30 am\n\n"
     "Venue: Chamber\n", date(2017, 11, 16)),
    ("Issue - decisions\n\nFull year Grants Monitoring\n\n28/04/2017 - Community Grants Scheme 2015/16 - Reference\n\n"
     "RESOLVED: That the reference be noted.\n", date(2017, 4, 28)),
    ("Meeting: 14/09/2021 - Cabinet\nThe Cabinet considered a report.\n", date(2021, 9, 14)),
    ("Decision details\nDecided at meeting: 09/02/2021 - Cabinet\n", date(2021, 2, 9)),
    ("Decision status: Recommendations Approved\nDecision due: 15 September 2022 by Cabinet\n", date(2022, 9, 15)),
])
def test_decision_dates_in_meeting_headers_date_first_lines_and_decided_issues(text, decided):
    assert extract_text(text).decision_date.value == decided


@pytest.mark.parametrize("text", [
    "Decision status: For Determination\nDecision due: 31 March 2022 by Director\n",
    "Decision status: Recommendations Approved\nDecision due: Not before 31st Mar 2022 by Director\n",
    "The contract runs until 31 March 2026 - the provider has been told.\n",
])
def test_a_decision_not_yet_taken_or_a_date_in_prose_gives_no_decision_date(text):
    assert extract_text(text).decision_date.value is None


def test_notice_first_published_is_the_publication_date():
    text = "Decision status: Recommendations Approved\nNotice of proposed decision first published: 17/08/2022\n"
    assert extract_text(text).publication_date.value == date(2022, 8, 17)


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_funder_awarding_the_deciding_body_is_an_award_from_the_funder_not_a_payment_to_the_body():
    text = ("Under Section 31 of the Local Government Act 2003, the Secretary of State for Department of Levelling Up, "
            "Housing and Communities (DLUHC) has awarded a total grant of £3,812,144 to Leeds City Council.")
    assert lines(text) == [(D("3812144.00"), "award", "Department of Levelling Up, Housing and Communities")]


def test_an_amount_from_a_funder_is_its_award_even_when_called_a_total():
    text = "The Deputy Mayor is recommended to formally accept funding awards totalling £976,890 from the Home Office."
    assert lines(text) == [(D("976890.00"), "award", "Home Office")]


def test_money_paid_out_of_a_funders_allocation_is_not_an_award_from_it():
    text = ("Approve the allocation of £40,000 from the Ministry of Justice’s victims allocation to Northfield "
            "Family Trust.")
    [(amount, role, counterparty)] = lines(text)
    assert role != "award" and counterparty != "Ministry of Justice"


def test_a_funders_grant_named_before_its_size_is_that_funders_award():
    text = ("Cabinet approval to allocate the remaining Department for Levelling Up Housing and Communities (DLUHC) "
            "Domestic Abuse section 31 grant funding for 2021/22 – 2024/25 of £1.286m.")
    assert lines(text) == [(D("1286000.00"), "award", "Department for Levelling Up Housing and Communities")]


def test_the_deciding_body_allocated_a_sum_receives_it_from_the_records_funder():
    text = ("MOPAC receives grant funding from the Ministry of Justice (MoJ). The package has been confirmed, with "
            "MOPAC allocated just under £4.2m for domestic abuse provision.")
    assert lines(text) == [(D("4200000.00"), "award", "Ministry of Justice")]


def test_the_body_named_after_a_bracketed_aside_receives_the_amount_and_its_parts():
    text = ("The decision is to provide grant assistance of £269,000 (made up of £200,000 capital and £69,000 "
            "revenue), to Groundwork London in 2015/16 and 2016/17.")
    assert [(a, c) for a, _, c in lines(text)] == [
        (D("269000.00"), "Groundwork London"), (D("200000.00"), "Groundwork London"),
        (D("69000.00"), "Groundwork London")]


def test_a_list_item_headed_by_a_name_is_paid_to_that_name():
    text = ("The Committee received a report of seven expenditure items.\n\n"
            "·         Cockpit Arts - £2,000 to match CEP funding towards the wage costs of 1 Apprentice.\n\n"
            "·         Spitalfields City Farm - £2,600 to provide an eco-audit.\n")
    assert lines(text) == [(D("2000.00"), "grant", "Cockpit Arts"), (D("2600.00"), "grant", "Spitalfields City Farm")]


def test_an_awarded_to_heading_names_the_body_of_every_item_under_it():
    text = ("The following grants were awarded to Harbour Support Services:\n"
            "- coordinator post: £30,000\n- navigator post: £25,000 for the year\n")
    assert [c for _, _, c in lines(text)] == ["Harbour Support Services", "Harbour Support Services"]


def test_a_sum_for_a_contract_described_in_another_recommendation_is_paid_to_the_body_named_there():
    text = ("2. Approve the allocation of £366,000 from the Domestic Abuse Grant for the purpose of funding the cost "
            "of the contract described in Recommendation 3.\n\n"
            "3. Approve the direct award of a three year contract (commencing 1 April 2025) to Stroud Beresford Group "
            "for the provision of support in refuge accommodation.\n")
    assert lines(text)[0][2] == "Stroud Beresford Group"


def test_a_recommendation_naming_two_bodies_leaves_the_counterparty_for_the_reviewer():
    text = ("2. Approve £50,000 for the contract described in Recommendation 3.\n\n"
            "3. Award contracts to Stroud Beresford Group and to Northfield Family Trust.\n")
    assert lines(text)[0][2] is None


def test_rows_labelled_only_by_a_period_split_the_sum_above_them():
    text = ("Department for Levelling Up, Housing and Communities (DLUHC) has awarded a grant of £3,812,144 to the "
            "Council. The grant is split as follows:\n\n"
            "1st April 2023 – 31st March 2024: £1,888,259\n\n1st April 2024 – 31st March 2025: £1,923,885\n")
    found = extract_text(text).money
    assert [(m.amount, m.role, m.counterparty) for m in found] == [
        (D("3812144.00"), "award", "Department for Levelling Up, Housing and Communities"),
        (D("1888259.00"), "award", "Department for Levelling Up, Housing and Communities"),
        (D("1923885.00"), "award", "Department for Levelling Up, Housing and Communities")]
    assert (found[1].start, found[1].end) == (date(2023, 4, 1), date(2024, 3, 31))


def test_the_bodys_own_funding_is_its_contribution_or_match():
    text = ("Approve MOPAC match funding of £386,213 to fund delivery during 2025/26.\n\n"
            "Approve MOPAC funding of £1,580,700 for the delivery of both projects during 2026/27.\n")
    assert lines(text) == [(D("386213.00"), "match", "MOPAC"), (D("1580700.00"), "contribution", "MOPAC")]


@pytest.mark.parametrize("text", [
    "In 2024/25, the total budget for these grants is £300,000.",
    "This will include £253,000 of carry forward from the Drive budget line.",
])
def test_budgets_and_carry_forwards_are_not_payments(text):
    assert lines(text)[0][1] == "other"


def test_a_total_said_again_as_a_named_award_is_one_line():
    text = ("MOPAC submitted three bids totalling £1,565,047. All three bids were successful, and the Home Office "
            "have subsequently awarded MOPAC £1,565,047.")
    assert lines(text) == [(D("1565047.00"), "award", "Home Office")]


def test_a_total_of_a_table_said_again_in_prose_stays_one_total():
    text = ("Provider\tService\tAmount (£)\nTidewater Family Services\tGroup work\t54,000\n"
            "Kingsford Counselling Collective\tTherapy\t42,000\nTotal\t\t96,000\n\n"
            "To approve grants totalling £96,000 to the three organisations in the table above.\n")
    assert [(a, r) for a, r, _ in lines(text)].count((D("96000.00"), "total")) == 1
    assert len([a for a, _, _ in lines(text) if a == D("96000.00")]) == 1


def test_welsh_government_is_a_funder_and_a_sum_changed_from_one_amount_to_another_keeps_its_role():
    text = "The Welsh Government had increased its allocation to the Council from £37,500 to £112,750."
    assert [(a, r, c) for a, r, c in lines(text)] == [
        (D("37500.00"), "award", "Welsh Government"), (D("112750.00"), "award", "Welsh Government")]


@pytest.mark.parametrize("text, due", [
    ("The launch is scheduled for 3 June 2025 at the town hall.", date(2025, 6, 3)),
    ("The evaluation report is to be published on 30 September 2025.", date(2025, 9, 30)),
    ("The strategy will be published in January 2026.", date(2026, 1, 31)),
])
def test_what_is_to_happen_on_a_day_is_an_action(text, due):
    assert [(a.kind, a.due) for a in extract_text(text).actions] == [("deadline", due)]


def test_a_day_something_happened_is_no_action():
    assert extract_text("The board met on 3 June 2025 and the launch took place on 4 June 2025.").actions == []


def test_two_consecutive_financial_years_joined_by_and_are_one_period():
    text = "Approval for the acceptance of £0.600m, split equally between the financial years 2023/24 and 2024/25."
    assert extract_text(text).period.value == (date(2023, 4, 1), date(2025, 3, 31))


def test_financial_years_that_do_not_follow_each_other_are_not_a_period():
    text = "Funding was received in 2019/20 and 2023/24 for the service."
    assert extract_text(text).period.value != (date(2019, 4, 1), date(2024, 3, 31))


def test_the_period_decided_is_the_latest_stated_not_the_background_years():
    text = ("In late 2020, the Government announced funding (from April 2020 to March 2021) for interventions.\n\n"
            "The Home Office will extend the existing programmes by a further six months from 1 October 2021 to "
            "31 March 2022.\n")
    assert extract_text(text).period.value == (date(2021, 10, 1), date(2022, 3, 31))


def test_a_provider_named_in_the_neighbouring_sentence_across_a_line_break_receives_the_cost_of_its_services():
    text = ("To agree the grant agreement for services to victims required from Voice for\nVictims and Witnesses by "
            "the PFCC during 2019/20. The cost of providing these services is\n£1,191,000 for the 2019-20 financial "
            "year. The OPFCC increases\nthis amount by £334,847 to broaden the scope of services.\n")
    assert lines(text) == [(D("1191000.00"), "grant", "Voice for Victims and Witnesses"),
                           (D("334847.00"), "match", "OPFCC")]


def test_a_sum_with_no_named_recipient_is_still_left_as_other():
    assert lines("The cost of providing these services is £1,191,000 for the year.") == [
        (D("1191000.00"), "other", None)]


@pytest.mark.parametrize("text, funder", [
    ("The Council has received £644,001 from DLUHC for 2024/25.", "Department for Levelling Up, Housing and Communities"),
    ("The MOJ awarded the Commissioner £57,244.20.", "Ministry of Justice"),
    ("Funding of £20,000 from MHCLG was confirmed.", "Ministry of Housing, Communities and Local Government"),
])
def test_a_government_department_named_only_by_its_acronym_is_that_department(text, funder):
    assert lines(text) == [(lines(text)[0][0], "award", funder)]


def test_an_acronym_spelt_out_in_the_record_keeps_the_records_spelling():
    text = ("The Department of Levelling Up, Housing and Communities (DLUHC) confirmed the grant. "
            "The Council has received £644,001 from DLUHC.")
    assert lines(text) == [(D("644001.00"), "award", "Department of Levelling Up, Housing and Communities")]


def test_an_acronym_followed_by_a_number_is_a_reference_code_not_a_counterparty():
    text = ("PCD 1149 approves the allocation of £1,875,000 for funding years 2023-2025. "
            "PCD 1149 approves the allocation of £433,000 for funding years 2023-2025.")
    assert [c for _, _, c in lines(text)] == [None, None]


@pytest.mark.parametrize("verb", ["will be provided to", "will to be provided to", "is to be paid to",
                                  "has been allocated to"])
def test_an_amount_said_to_be_given_to_a_body_is_paid_to_it(verb):
    text = f"£4593 {verb} Manchester City Council for the commissioning of the LGBT IDVA."
    assert [(a, c) for a, _, c in lines(text)] == [(D("4593.00"), "Manchester City Council")]


def test_the_funding_allocated_to_the_deciding_body_is_an_award_from_the_records_funder():
    text = ("The Department for Levelling Up, Housing and Communities committed £257 million nationally. "
            "The funding allocated to the Council for the financial year 2024 – 25 is £34,064.00.")
    assert lines(text)[-1] == (D("34064.00"), "award", "Department for Levelling Up, Housing and Communities")


def test_the_bodys_share_of_a_funders_uplift_is_an_award_from_the_funder():
    text = ("The Ministry of Justice agreed an uplift to core funding. The MoJ used a population formula. "
            "For Northshire, this means an additional £41,210.50 of funding.")
    assert lines(text) == [(D("41210.50"), "award", "Ministry of Justice")]


def test_a_department_named_in_full_does_not_take_the_verb_after_it():
    text = "In 2022, the Department for Education committed £3,000 to the project."
    assert [c for _, _, c in lines(text)] == ["Department for Education"]


def test_a_list_introduced_by_a_line_naming_one_provider_is_paid_to_that_provider():
    text = ("Working with our commissioned service (Brightway Support Limited) we propose to spend this as below:\n"
            "- £12,000 to introduce a fraud advocate.\n"
            "- £8,500 to develop a youth offer.\n")
    assert [c for _, _, c in lines(text)] == ["Brightway Support Limited", "Brightway Support Limited"]


def test_a_list_introduced_by_a_line_naming_two_providers_leaves_the_counterparty_for_the_reviewer():
    text = ("Working with Brightway Support Limited and Northgate Refuge we propose to spend this as below:\n"
            "- £12,000 to introduce a fraud advocate.\n"
            "- £8,500 to develop a youth offer.\n")
    assert [c for _, _, c in lines(text)] == [None, None]


def test_the_meeting_in_the_heading_is_decided_on_not_a_meeting_the_minutes_say_will_be_held():
    text = ("Agenda and minutes\n\nNorthshire Police and Crime Panel - Thursday, 16th November, 2017 10.30 am\n\n"
            "Minutes:\n\nIt was anticipated a confirmation hearing would be held on the 16th February, 2018.\n")
    assert extract_text(text).decision_date.value == date(2017, 11, 16)


@pytest.mark.parametrize("text, reference", [
    ("Decision:\n1.\nIt was agreed to commit a total of £21,352,966 to the schemes.\n", None),
    ("DECISION RECORD No.\nDR/2023/014\n\nTitle: Victims services\n", "DR/2023/014"),
])
def test_a_numbered_list_under_a_decision_heading_is_no_reference_but_a_code_on_the_next_line_is(text, reference):
    assert extract_text(text).reference.value == reference


def test_a_price_per_day_is_a_rate_not_a_sum_paid_to_the_list_items_body():
    text = ("The Committee approved these items.\n\n"
            "·         Northgate Arts Centre - £2,400 (6 days @ £400 per day) to provide an eco-audit.\n\n"
            "·         Riverside Farm Trust - £2,600 (6.5 days @ £400 per day) to provide an eco-audit.\n")
    assert lines(text) == [(D("2400.00"), "grant", "Northgate Arts Centre"), (D("400.00"), "other", None),
                           (D("2600.00"), "grant", "Riverside Farm Trust")]


def test_the_bodys_own_funding_said_as_a_total_is_still_its_own_contribution():
    text = ("MOPAC has reviewed the programme. "
            "This decision seeks approval to use MOPAC funding totalling £1,580,700 for delivery during 2026/27.")
    assert lines(text) == [(D("1580700.00"), "contribution", "MOPAC")]


def test_a_part_of_a_funders_award_stated_in_the_next_sentence_comes_from_that_funder():
    text = ("Formally accept funding awards totalling £2,704,562 from the Home Office for 2025/26. "
            "This will include a contribution of up to £16,473 towards MOPAC’s project management costs.")
    assert lines(text) == [(D("2704562.00"), "award", "Home Office"), (D("16473.00"), "award", "Home Office")]


@pytest.mark.parametrize("source", ["from the PCC", "form the PCC"])
def test_match_funding_named_as_coming_from_a_body_comes_from_that_body_not_the_funder_before(source):
    text = (f"The Home Office award of £0.600m is reliant on an additional £0.075m of match funding in each year "
            f"{source}, which can be met out of the annual budget.")
    assert lines(text) == [(D("600000.00"), "award", "Home Office"), (D("75000.00"), "match", "PCC")]


@pytest.mark.parametrize("text, reference", [
    ("DECISION NOTICE 015/2023\nDomestic abuse services\n", "015/2023"),
    ("Decision Log Number: 2021/22-045\n", "2021/22-045"),
    ("Key Decision reference: KD/2024/003\n", "KD/2024/003"),
    ("Decision Reference\nOPCC/2022/018\n", "OPCC/2022/018"),
])
def test_references_under_labels_in_other_words_or_alone_on_their_line(text, reference):
    assert extract_text(text).reference.value == reference


@pytest.mark.parametrize("text, decided", [
    ("Decision Record\nDate: 12 March 2024\nTitle: Victims services\n", date(2024, 3, 12)),
    ("Decision made: 04/05/2023\n", date(2023, 5, 4)),
    ("Date of Decision\n12 March 2024\n", date(2024, 3, 12)),
    ("15 March 2023\nDomestic Abuse Services Grant\nThe Commissioner approved the grant.\n", date(2023, 3, 15)),
    ("Cabinet - Tuesday 14 March 2023\n\nItem 7\n", date(2023, 3, 14)),
])
def test_decision_dates_in_fields_labelled_only_date_bare_labels_and_date_first_headings(text, decided):
    assert extract_text(text).decision_date.value == decided


@pytest.mark.parametrize("text", [
    "Background\n15 March 2023 was the date of the last review.\nThe Commissioner approved the grant.\n",
    "Date published: 12 March 2024\n",
])
def test_a_date_in_a_sentence_or_a_publication_field_is_no_decision_date(text):
    assert extract_text(text).decision_date.value is None


@pytest.mark.parametrize("text, reference", [
    ("PFCC Decision 2022/033: Domestic Abuse Services\n", "2022/033"),
    ("Executive Decision ED 2023/05 - Victims Services\n", "ED 2023/05"),
    ("Decision 1: To approve the grant.\n", None),
])
def test_a_decision_code_after_the_bodys_name_is_its_reference_but_a_numbered_decision_is_not(text, reference):
    assert extract_text(text).reference.value == reference


@pytest.mark.parametrize("text, decided", [
    ("The grant was approved by the Police and Crime Commissioner on 3 April 2023.\n", date(2023, 4, 3)),
    ("The next review will be held on 3 April 2024.\n", None),
])
def test_approved_by_a_named_body_on_a_day_is_the_decision_date_but_a_day_to_come_is_not(text, decided):
    assert extract_text(text).decision_date.value == decided


@pytest.mark.parametrize("text", [
    "Using funding from the Home Office, the PCC will award a grant of £80,000 to Harbour Support Services.",
    "The Home Office funding will be used to award £80,000 to Harbour Support Services.",
    "Funding of £80,000 from the Violence Reduction Fund is awarded to Harbour Support Services.",
])
def test_a_grant_to_a_provider_is_the_bodys_grant_not_the_award_of_the_funder_named_before(text):
    assert lines(text) == [(D("80000.00"), "grant", "Harbour Support Services")]


def test_a_sum_approved_for_a_named_provider_is_paid_to_it_but_a_sum_for_a_year_names_no_body():
    assert lines("The Deputy Mayor approved £60,000 for Harbour Support Services in 2024/25.") == [
        (D("60000.00"), "grant", "Harbour Support Services")]
    assert lines("The Deputy Mayor approved £60,000 for 2024/25.") == [(D("60000.00"), "other", None)]


def test_a_programme_is_not_the_counterparty_the_body_running_it_is():
    text = "A grant of £30,000 was awarded to the Respect Programme run by Northgate Refuge."
    assert lines(text) == [(D("30000.00"), "grant", "Northgate Refuge")]


@pytest.mark.parametrize("written, department", [
    ("Home Offfice", "Home Office"), ("Home Ofice", "Home Office"), ("Minsitry of Justice", "Ministry of Justice")])
def test_a_department_misspelt_by_one_letter_is_that_department(written, department):
    assert lines(f"The {written} has awarded the Commissioner £40,000.") == [(D("40000.00"), "award", department)]


@pytest.mark.parametrize("written, read", [("£1,23,456", D("123456.00")), ("£12 500", D("12500.00"))])
def test_a_separator_misplaced_twice_or_a_space_for_a_separator_is_flagged_as_one_figure(written, read):
    [found] = find_amounts(f"We propose {written} to introduce an advocate.")
    assert found.value == read
    assert written in found.warning and "check the amount" in found.warning


@pytest.mark.parametrize("text", [
    "The additional £6m has been allocated across the 42 PCC areas.",
    "The Ministry of Justice agreed to an uplift of £6m to Police and Crime Commissioners for 2022/23.",
    "Local authorities would receive £127.3 million in 2023 to 2024 and £129.7 million in 2024 to 2025.",
])
def test_a_sum_shared_out_across_the_country_is_a_national_funds_size_not_an_allocation(text):
    assert {role for _, role, _ in lines(text)} == {"other"}


def test_awards_to_a_few_named_kinds_of_body_are_still_a_total():
    assert lines("Awards totalling £644,276 to three local authorities were agreed.") == [
        (D("644276.00"), "total", None)]


def test_a_financial_year_written_with_an_en_dash_is_a_financial_year():
    draft = extract_text("The funding allocated to the Council for the financial year 2024 – 25 is £34,064.00.")
    assert draft.period.value == (date(2024, 4, 1), date(2025, 3, 31))


@pytest.mark.parametrize("text, role", [
    ("Northgate Refuge has been awarded £30,000 by the PCC.", "grant"),
    ("A contract has been awarded to Northgate Refuge at a value of £30,000 over three years.", "contract"),
    ("Approval is sought to spend £30,000 with Northgate Refuge to deliver training.", "grant"),
])
def test_a_provider_awarded_a_sum_is_paid_it_by_the_body_and_is_no_award_to_the_body(text, role):
    assert lines(text) == [(D("30000.00"), role, "Northgate Refuge")]


def test_a_grant_whose_sentence_names_no_body_is_paid_to_the_one_body_the_sentence_before_names():
    assert lines("The PCC approves funding for Northgate Refuge. The grant is £30,000 for 2024/25.") == [
        (D("30000.00"), "grant", "Northgate Refuge")]
    assert lines("Northgate Refuge and Calm Minds CIC applied. The grant is £30,000 for 2024/25.") == [
        (D("30000.00"), "grant", None)]
