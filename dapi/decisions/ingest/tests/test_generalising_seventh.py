"""Ways records are written that the extractor reads since the seventh round (issue 19), each rule on small
hand-written snippets: sums paid to nobody (a saving or a cut, money drawn from reserves, a body's whole budget), a
pronoun standing for the funder named as subject in the sentence before, a date printed on a page's first line as its
publication date, and a subject awarded a sum "from" a named funder as that funder's award (flagged when the subject is
another body), and a sum a funder is said to meet ("will be met by the Home Office") as its award. Eight of the tests
guard what the rules must not take."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_saving_a_body_must_make_is_paid_to_nobody():
    text = "Like every force, Northshire Constabulary is required to save £4.5million over the next three years."
    assert lines(text) == [(D("4500000.00"), "other", None)]


def test_a_cut_in_funding_is_paid_to_nobody_not_to_the_funder_named_in_its_sentence():
    text = ("Westshire Police will receive a grant of £42,118,906 from the Home Office. The figure is a reduction of "
            "about £310,000 on the funds the force received last year.")
    assert (D("310000.00"), "other", None) in lines(text)


def test_money_drawn_from_reserves_is_paid_to_nobody():
    text = ("Besides funding from central Government and council tax, a further £3.1m from financial reserves will "
            "need to be spent next year.")
    assert lines(text) == [(D("3100000.00"), "other", None)]


def test_a_grant_to_a_named_body_funded_from_reserves_is_still_paid_to_it():
    text = "The Commissioner awards a grant of £25,000 to Eastbridge Women's Aid, funded from reserves."
    assert lines(text) == [(D("25000.00"), "grant", "Eastbridge Women's Aid")]


def test_a_bodys_whole_budget_is_paid_to_nobody():
    text = ("Running my office cost £1.9m, under 1% of Southvale Police's £296m budget. We also received £2.1m "
            "for victim services.")
    assert (D("296000000.00"), "other", None) in lines(text)


def test_a_budget_for_a_named_provider_is_not_taken_for_a_whole_budget():
    text = "The Commissioner awards a grant of £40,000 to Safe Harbour Trust for its outreach project."
    assert lines(text) == [(D("40000.00"), "grant", "Safe Harbour Trust")]


def test_a_pronoun_for_the_funder_named_as_subject_just_before_makes_the_sum_its_award():
    text = ("For 2025/26 the Ministry of Justice has agreed to keep funding the victims' hub. They have made available "
            "£212,450 to the Police and Crime Commissioner for the hub.")
    assert lines(text) == [(D("212450.00"), "award", "Ministry of Justice")]


def test_a_pronoun_for_a_funder_that_pays_another_named_body_is_no_award_to_the_deciding_body():
    text = ("The Ministry of Justice has agreed to fund the scheme. It has allocated £120,000 to Westshire Council "
            "for 2025/26.")
    assert (D("120000.00"), "award", "Ministry of Justice") not in lines(text)


def test_a_pronoun_for_the_deciding_body_names_no_funder():
    text = "The Commissioner has agreed to fund the scheme. It has allocated £90,000 to the project for 2025/26."
    assert all(c is None or c == "Commissioner" for _, _, c in lines(text))


def test_a_date_printed_alone_at_the_top_of_a_page_is_when_it_was_published():
    text = ("3rd March 2024\nNews\nThe Commissioner has awarded £15,000 to Riverside Youth Trust for its summer "
            "programme.\n")
    assert extract_text(text).publication_date.value == date(2024, 3, 3)


def test_a_top_date_with_the_time_and_the_sites_note_of_its_age_is_the_publication_date():
    text = ("June 5, 2019 9.41 am This story is over 60 months old\n\nForce to receive extra funding\n\n"
            "Northshire Police will receive £1.2 million from the Home Office.\n")
    assert extract_text(text).publication_date.value == date(2019, 6, 5)


def test_a_meeting_date_below_a_pages_heading_is_no_publication_date():
    text = ("Agenda and minutes\n\nWestshire Police and Crime Panel\nMonday, 9th March, 2020 10.00 am\n\n"
            "The panel noted the precept of £250.50 for a Band D property.\n")
    assert extract_text(text).publication_date.value is None


def test_a_labelled_decision_date_leaves_the_top_date_alone():
    text = ("12 May 2023\nDecision Record 14/2023\nDecision date: 10 May 2023\n"
            "The Commissioner approves a grant of £8,000 to Safe Harbour Trust.\n")
    assert extract_text(text).publication_date.value is None


def test_a_subject_awarded_a_sum_from_a_funder_is_the_funders_award_flagged_to_check():
    text = "Northshire has been awarded £215,500 from the Home Office to set up a perpetrator programme."
    found = extract_text(text).money
    assert [(m.amount, m.role, m.counterparty) for m in found] == [(D("215500.00"), "award", "Home Office")]
    assert "Northshire" in found[0].warning


def test_a_subject_awarded_a_sum_by_the_deciding_body_is_still_its_grant():
    text = "Harbour Refuge has been awarded £30,000 by the Commissioner to run a helpline."
    found = extract_text(text).money
    assert [(m.amount, m.role, m.counterparty) for m in found] == [(D("30000.00"), "grant", "Harbour Refuge")]
    assert not found[0].warning


def test_a_sum_a_funder_is_said_to_meet_is_its_award():
    text = "The Commissioner agreed the scheme, of which £40,000 will be met by the Home Office."
    assert lines(text) == [(D("40000.00"), "award", "Home Office")]


def test_a_sum_the_deciding_body_meets_names_no_funder():
    text = "The remaining £12,000 will be met by the Commissioner from reserves."
    assert lines(text) == [(D("12000.00"), "other", None)]
