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
