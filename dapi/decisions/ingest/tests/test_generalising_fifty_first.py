"""Ways records are written that the extractor reads since the fifty-first round, on small hand-written snippets: a
figure with a space after its separators and pence ("£2, 345, 678.90") is one figure, flagged; a figure without "£"
before "of capital" is a sum, flagged; an applicant that "is applying for" a sum is its payee (and, so named, the
payee of the sum "the Group" is said to seek); the one funder said to have "offered funding to the PCC" funds the
sums that name nobody; a name on a "Contact:" line is no party; a sum a minister announced is a national sum with no
party; funding "from" a named programme is its award; a "funding grant for" a named body is paid to it; a numbered
decision's heading, a meeting page's long heading and a linked decision file's name give the day and the
reference."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_SPACED = (
    "Decision record\n\nForensic services contract\n\n"
    "The Commissioner approves the contract with the national framework provider. The overall value for five years, "
    "should the extension options be used, is £2, 345, 678.90.  This is an estimate.\n"
)


def test_a_figure_with_spaces_after_its_separators_and_pence_is_one_figure_flagged():
    lines = lines_of(_SPACED, "2345678.90")
    assert len(lines) == 1
    assert "thousands separator" in lines[0].warning
    assert lines_of(_SPACED, "2") == []


_UNSIGNED = (
    "Decision record\n\nVehicles for firearms enquiry officers\n\n"
    "The Commissioner is recommended to approve:\n\n"
    "o The use of up to 180,000 of capital to purchase six vehicles for the licensing unit.\n"
)


def test_a_figure_without_a_pound_sign_before_of_capital_is_a_sum_flagged():
    lines = lines_of(_UNSIGNED, "180000")
    assert len(lines) == 1
    assert "without “£”" in lines[0].warning
    assert lines[0].qualifier == "up to"


_APPLYING = (
    "Item 12 Oakdale Street Pastors Application for Financial Assistance\n\n"
    "Executive Summary\n"
    "Oakdale Street Pastors is applying for revenue support of £3,200 towards the costs of its night patrols in "
    "2025/26.\n"
    "Whilst it is noted that the Group is seeking an increase in the Council's support from £1,500 (awarded for "
    "2024/25), it is not felt that an increase can be justified.\n"
)


def test_a_body_that_is_applying_for_a_sum_is_its_payee():
    assert [m.counterparty for m in lines_of(_APPLYING, "3200")] == ["Oakdale Street Pastors"]


def test_the_applicant_called_the_group_is_the_payee_of_its_earlier_sum():
    assert [m.counterparty for m in lines_of(_APPLYING, "1500")] == ["Oakdale Street Pastors"]


_OFFERED = (
    "The Secretary of State for Justice has offered funding to the PCC to enable the county's courts to run a "
    "pilot.\n"
    "The pilot will test a new approach to diverting young adults from custody.\n"
    "Funding of £600k is available with indicative grants being £200k in 2021/22 and £400k in 2022/23.\n"
)


def test_the_funder_that_offered_the_body_funding_funds_its_sums():
    for amount in ("600000", "200000", "400000"):
        lines = lines_of(_OFFERED, amount)
        assert [m.counterparty for m in lines] == ["Secretary of State for Justice"], amount
        assert [m.role for m in lines] == ["award"]


_CONTACT = (
    "Agenda and decisions\n\n"
    "Town Centre Lighting Grant Support, Community Safety Fund (CSF) / Rural Halls Improvement Fund (RHIF) update, "
    "Portfolio Holder Decisions - Friday, 7th March, 2025 10.00 am\n\n"
    "Contact: Alex Sample  Democratic Services Officer\n\n"
    "Items\n\n1.\n\nTown Centre Lighting Grant Support\n\n"
    "Towns which were allocated £2,000 as their base funding would be eligible to apply for an additional £750.\n"
)


def test_a_name_on_a_contact_line_is_no_party():
    lines = lines_of(_CONTACT, "750")
    assert lines
    assert all(m.counterparty is None for m in lines)


def test_a_meeting_pages_long_heading_gives_the_day():
    assert extract_text(_CONTACT).decision_date.value == date(2025, 3, 7)


_ANNOUNCED = (
    "Key information\n\n"
    "1. The Deputy Mayor is recommended to approve the MPS to accept £1,200,000 Home Office grant for the knife "
    "crime taskforce.\n\n"
    "Background\n\n"
    "1.1. All of the funding in this paper is funding that the Home Office have allocated after the Home "
    "Secretary's announcement of £25m to tackle knife crime was launched.\n"
)


def test_a_sum_the_home_secretary_announced_has_no_party():
    lines = lines_of(_ANNOUNCED, "25000000")
    assert [m.counterparty for m in lines] == [None]
    assert [m.role for m in lines] == ["other"]


_PROGRAMME = (
    "Funding for the regional analyst\n\n"
    "The Deputy Mayor for Policing and Crime is recommended to:\n"
    "1.    Approve funding of £45,000 in 2021/22 from the National Rural Crime Programme for the regional analyst.\n"
)


def test_funding_from_a_named_programme_is_its_award():
    lines = lines_of(_PROGRAMME, "45000")
    assert [m.counterparty for m in lines] == ["National Rural Crime Programme"]
    assert [m.role for m in lines] == ["award"]


_GRANT_FOR = (
    "Monday, March 3, 2025\n\n"
    "Commissioner backs night patrols\n\n"
    "The Police and Crime Commissioner for Oakshire has agreed a £7,500 funding grant for Oakdale Street Pastors in "
    "Oakshire. The money comes from the Community Safety Fund.\n"
)


def test_a_funding_grant_for_a_named_body_is_paid_to_it():
    assert [m.counterparty for m in lines_of(_GRANT_FOR, "7500")] == ["Oakdale Street Pastors"]


_NUMBERED_HEADING = (
    "Decisions\n\n"
    "045/2016: Custody Nurses Contract – 12 May 2016\n\n"
    "Approval to extend the custody nurses contract for a further year at a cost of £85,000.\n"
)


def test_the_day_ending_a_numbered_decisions_heading_is_its_date():
    assert extract_text(_NUMBERED_HEADING).decision_date.value == date(2016, 5, 12)


_LINKED = (
    "Funding for Oakshire Youth Boxing Club\n\n"
    "Funding of £12,000 will cover coaching, hall hire and equipment for the club.\n"
    "Decision 2021-123456-Funding-for-Oakshire-Youth-Boxing-Club (application, 90kB)\n"
)


def test_a_linked_decision_files_number_is_the_reference():
    assert extract_text(_LINKED).reference.value == "2021-123456"


_INITIALS_PROGRAMME = (
    "Delegated decision\n\n"
    "Approval of the Director of Housing for the receipt of grant funding of £120,000 from the GLA Rough Sleeping "
    "Programme to fund a new outreach worker.\n"
)


def test_a_programme_named_with_its_bodys_initials_first_is_that_bodys_funding():
    assert [m.counterparty for m in lines_of(_INITIALS_PROGRAMME, "120000")] == ["GLA"]
