"""Eleven invented documents in every format and layout, with wording, organisations and figures
unlike the seeds', so that the extractor is not fitted to five files. The sources of the .pdf and
.docx files are in documents/build.py."""

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from dapi.decisions.ingest.extract import extract_path
from dapi.decisions.ingest.extract.amounts import bare_amount, find_amounts
from dapi.decisions.ingest.extract.read import read_path

OWN = Path(__file__).parent / "documents" / "own"
D = Decimal


@cache
def draft(name):
    return extract_path(OWN / name)


def fields(name) -> dict:
    data = draft(name).to_json()
    return {k: data[k] for k in ("reference", "title", "decision_maker", "decision_date", "publication_date", "period")}


def money(name) -> list[tuple]:
    return [(m["amount"], m["role"], m["counterparty"], m["per_annum"], m["start"], m["end"])
            for m in draft(name).to_json()["money"]]


def test_there_are_at_least_ten_documents_in_all_three_formats():
    names = sorted(p.name for p in OWN.iterdir())
    assert len(names) >= 10
    assert {Path(n).suffix for n in names} == {".txt", ".pdf", ".docx"}


def test_moderngov_page_with_a_csp_table_and_a_regional_award_in_millions():
    name = "01_moderngov_northmoor.txt"
    assert draft(name).document_type == "decision_details"
    assert fields(name) == {
        "reference": None, "title": "Safer Streets – Perpetrator Behaviour Change Allocations 2024/25",
        "decision_maker": "Portfolio Lead for Policing and Community Safety, Northmoor Combined Authority",
        "decision_date": "2024-11-07", "publication_date": "2024-11-14",
        "period": {"start": "2024-04-01", "end": "2025-03-31"}}
    fy = ("2024-04-01", "2025-03-31")
    assert money(name) == [
        ("1200000.00", "award", "Home Office", False, *fy),  # "£1.2 million for 2024/25"
        ("48500.00", "allocation", "Ashbury Community Safety Partnership", False, *fy),
        ("36250.00", "allocation", "Cresthaven Community Safety Partnership", False, *fy),
        ("36250.00", "allocation", "Dunmere Community Safety Partnership", False, *fy),
        ("29000.00", "allocation", "Eastfold Community Safety Partnership", False, *fy),
        ("29000.00", "allocation", "Greywater Community Safety Partnership", False, *fy),
        ("179000.00", "total", None, False, *fy),
        ("62400.00", "grant", "Rowanfield Trust", False, "2024-06-01", "2025-03-31"),
    ]
    assert (draft(name).is_key_decision.value, draft(name).is_subject_to_call_in.value) == (True, True)
    assert [r.reconciles(draft(name).money) for r in draft(name).reconciliations] == [True]


def test_docx_record_form_with_bare_amounts_under_a_pound_heading_and_a_checklist():
    name = "02_record_form_wexcombe.docx"
    assert fields(name) == {
        "reference": "WX-2023-014", "title": "Respect in Relationships – perpetrator group work 2023/24",
        "decision_maker": "Police, Fire and Crime Commissioner for Wexcombe",
        "decision_date": "2023-02-06",  # the last signature, "6th Febuary 2023"
        "publication_date": None, "period": {"start": "2023-04-01", "end": "2024-03-31"}}  # "1st Aril 2023 to ..."
    assert [m[:3] for m in money(name)] == [
        ("54000.00", "grant", "Tidewater Family Services"), ("27500.00", "grant", "Kingsford Counselling Collective"),
        ("14500.00", "grant", "University of Wexcombe"), ("96000.00", "total", None)]
    assert len(draft(name).money[3].spans) == 2  # the table's Total and "grants totalling £96,000"
    assert [r.reconciles(draft(name).money) for r in draft(name).reconciliations] == [True]
    assert [(i.topic, i.considered) for i in draft(name).implications] == [
        ("Financial", True), ("Legal", True), ("Equality", True), ("Environmental", False)]
    assert {w.split(" (")[0] for w in draft(name).warnings} == {"“Aril” read as April", "“Febuary” read as February"}


def test_pdf_request_for_decision_with_a_wrapped_reference_and_per_annum_caps():
    name = "03_request_kestrel.pdf"
    assert draft(name).document_type == "request_for_decision"
    assert fields(name) == {
        "reference": "KPCC/0123/2022", "title": "Kestrel Vale Domestic Abuse Perpetrator Service contract 2023 to 2026",
        "decision_maker": "Police and Crime Commissioner", "decision_date": "2022-10-12", "publication_date": None,
        "period": {"start": "2023-04-01", "end": "2026-03-31"}}
    assert money(name) == [
        ("2300000.00", "contract", "Harrowgate Behaviour Change Services", False, "2023-04-01", "2026-03-31"),
        ("85000.00", "contribution", "Commissioner", True, None, None),
        ("515000.00", "contribution", "Kestrel Vale County Council", True, None, None),
        ("166667.00", "contribution", "Moorbank City Council", True, None, None),
    ]
    assert [m.qualifier for m in draft(name).money] == ["", "up to", "up to", "up to"]
    assert [r.number for r in draft(name).recommendations] == ["2.1", "2.2", "2.3"]
    assert (draft(name).extension_months.value, draft(name).break_notice_months.value) == (24, 3)
    assert [(a.kind, a.due) for a in draft(name).actions] == [("deadline", date(2023, 3, 31))]


def test_pdf_panel_minutes_with_lettered_resolutions():
    name = "04_panel_minutes_marshfield.pdf"
    d = draft(name)
    assert d.document_type == "panel_minutes"
    assert fields(name)["title"] == "Perpetrator programme: funding beyond March 2025"
    assert fields(name)["decision_maker"] == "Marshfield Police and Crime Panel"
    assert fields(name)["decision_date"] == "2024-07-18"  # "held on 18 July 2024"
    assert money(name) == [("310000.00", "award", "Home Office", True, None, "2025-03-31"),
                           ("150000.00", "other", "Commissioner", True, None, None)]
    assert [(a.number, a.due) for a in d.actions if a.kind == "resolution"] == [
        ("a", None), ("b", date(2024, 10, 31)), ("c", date(2024, 12, 5))]
    assert sorted(a.due for a in d.actions if a.kind == "deadline") == [date(2024, 9, 30), date(2025, 3, 31)]


def test_prose_record_with_ordinal_dates_and_70000_per_annum():
    name = "05_prose_brackenridge.txt"
    assert fields(name) == {
        "reference": None, "title": "Perpetrator Pathfinder: continuation grant 2023 to 2025",
        "decision_maker": "Police and Crime Commissioner", "decision_date": "2023-03-14",  # "Approved on 14th March"
        "publication_date": None, "period": {"start": "2023-04-01", "end": "2025-03-31"}}
    assert money(name) == [
        ("64380.00", "award", "Ministry of Justice", False, "2022-10-01", None),
        ("70000.00", "grant", "Larchfield Outreach Services", True, "2023-04-01", "2025-03-31"),
        ("15000.00", "contribution", "Brackenridge Borough Council", True, "2023-04-01", "2025-03-31"),
    ]
    assert [(a.kind, a.due) for a in draft(name).actions] == [("deadline", date(2023, 3, 31))]  # "ends on 31st March"


def test_docx_moderngov_page_for_a_council_contribution_over_three_years():
    name = "06_moderngov_ravensmoor.docx"
    assert fields(name) == {
        "reference": None, "title": "Domestic abuse perpetrator intervention: contribution to the joint commissioning pool",
        "decision_maker": "Cabinet Member for Communities", "decision_date": "2025-01-28",
        "publication_date": "2025-02-03", "period": {"start": "2025-04-01", "end": "2028-03-31"}}
    assert money(name) == [
        ("5000000.00", "other", "Home Office", True, None, None),  # "over £5m a year" nationally
        ("120000.00", "contribution", "Council", True, "2025-04-01", "2028-03-31"),  # "for three years from April 2025"
    ]
    assert draft(name).money[0].qualifier == "over"
    assert (draft(name).is_key_decision.value, draft(name).is_subject_to_call_in.value) == (False, True)


def test_pdf_record_form_whose_table_does_not_add_up_is_warned_about():
    name = "07_record_form_fairhaven.pdf"
    assert fields(name)["reference"] == "FH/DR/2024/031"
    assert fields(name)["decision_maker"] == "Police and Crime Commissioner for Fairhaven"
    assert fields(name)["decision_date"] == "2024-03-22"
    assert [m[:3] for m in money(name)] == [
        ("118400.00", "grant", "Saltmarsh Advocacy Trust"), ("52750.00", "grant", "Northgate Women's Aid"),
        ("9900.00", "grant", "Coastline Research Ltd"), ("182050.00", "total", None)]
    assert draft(name).warnings == ["The breakdown under “Organisation Role Amount” adds up to £181,050.00, "
                                    "£1,000.00 less than the stated total of £182,050.00."]
    [reconciliation] = draft(name).reconciliations
    assert not reconciliation.reconciles(draft(name).money)


def test_board_minutes_with_agreed_actions_day_first_dates_and_a_misspelt_month():
    name = "08_board_minutes_harrowdale.txt"
    d = draft(name)
    assert d.document_type == "panel_minutes"
    assert fields(name)["decision_maker"] == "Harrowdale Perpetrator Programme Project Board"
    assert fields(name)["decision_date"] == "2022-09-05"  # 05/09/2022 is 5 September
    assert money(name)[1:] == [
        ("91500.00", "grant", "Fernlea Recovery Services", False, "2022-10-01", "2023-09-30"),  # "1st Octber 2022"
        ("20000.00", "match", "Harrowdale City Council", False, None, None)]
    assert [(a.number, a.due) for a in d.actions if a.kind == "resolution"] == [
        ("1", date(2023, 1, 31)), ("2", date(2022, 10, 14)), ("3", date(2022, 12, 31))]
    assert "14/10/2022" in d.actions[1].due_note  # the circulation date comes from the discussion


def test_docx_request_with_a_contract_value_and_a_council_contribution_in_thousands():
    name = "09_request_thornvale.docx"
    assert fields(name) == {
        "reference": "TV/PCC/2025/007", "title": "Commissioning a multi-agency perpetrator hub 2025 to 2028",
        "decision_maker": "Police and Crime Commissioner", "decision_date": "2025-06-09", "publication_date": None,
        "period": {"start": "2025-07-01", "end": "2028-06-30"}}
    assert money(name) == [
        ("3500000.00", "other", "Home Office", False, "2025-04-01", "2026-03-31"),  # "more than £3.5m in 2025/26"
        ("1245000.00", "contract", "Millbrook Hub Partnership", False, "2025-07-01", "2028-06-30"),
        ("45000.00", "contribution", "Thornvale District Council", True, None, None),  # "£45k per annum"
        ("300000.00", "other", "Commissioner", True, None, None),  # a budget, not a payment
    ]
    assert [r.number for r in draft(name).recommendations] == ["2.1", "2.2"]


def test_record_with_a_bulleted_joint_funding_list_reconciled_with_its_annual_total():
    name = "10_record_wyndham.txt"
    assert fields(name) == {
        "reference": "WV 2025/12", "title": "Wyndham Vale perpetrator behaviour change contract",
        "decision_maker": "Police and Crime Commissioner for Wyndham Vale", "decision_date": "2025-03-26",
        "publication_date": None, "period": {"start": "2025-04-01", "end": "2028-03-31"}}
    assert [m[:4] for m in money(name)] == [
        ("110000.00", "contribution", "Commissioner", True), ("60000.00", "contribution", "Wyndham Vale County Council", True),
        ("25000.00", "contribution", "Eastmere Borough Council", True),
        ("25000.00", "contribution", "Westmere Borough Council", True), ("220000.00", "total", None, False),
        ("660000.00", "other", None, False)]
    assert [r.reconciles(draft(name).money) for r in draft(name).reconciliations] == [True]
    assert "Cobalt Pathways Ltd" in draft(name).to_json()["organisations"]
    assert (draft(name).extension_months.value, draft(name).break_notice_months.value) == (12, 6)


def test_record_whose_total_is_both_the_grants_and_the_award_plus_match():
    name = "11_record_hollinsford.txt"
    d = draft(name)
    assert fields(name)["reference"] == "HPCC 2021/044"
    assert (fields(name)["decision_date"], fields(name)["publication_date"]) == ("2021-08-16", "2021-08-20")
    assert money(name)[:3] == [
        ("245600.00", "award", "Home Office", False, "2021-08-02", "2022-03-31"),
        ("61400.00", "match", "Hollinsford Unitary Council", False, None, None),
        ("307000.00", "total", None, False, None, None)]
    assert {r.kind for r in d.reconciliations if r.reconciles(d.money)} == {"breakdown", "sources"}
    assert [m.counterparty for m in d.money if m.role == "grant"] == [
        "Quayside Family Trust", "Hollinsford Mediation Service CIC", "Brookvale Research Associates"]


@pytest.mark.parametrize("name", sorted(p.name for p in OWN.iterdir()))
def test_spans_point_at_the_amounts_and_the_text_is_what_the_reader_returns(name):
    d = draft(name)
    assert d.text == read_path(OWN / name)
    for item in d.money:
        for start, end in item.spans:
            written = d.text[start:end]
            found = find_amounts(written) or [bare_amount(written, 0, len(written))]  # "54,000" under "Amount (£)"
            assert [a.value for a in found] == [item.amount], written
