"""The five seed documents: every figure DOMAIN.md section 2 quotes is extracted with its
counterparty, reference and dates, and every stated total is found and reconciled."""

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from dapi.decisions.ingest.extract import extract_path
from dapi.decisions.ingest.extract.amounts import find_amounts

SEEDS = Path(__file__).parent / "documents" / "seeds"
LEICESTER, INTERIM, CLEVELAND, GMCA, HAMPSHIRE = (
    "000_97173f9075f11a76.txt", "001_a65a7bead9fc2dd1.txt", "002_77636eefc96c41bc.txt", "003_6506066fdcbcc86a.txt",
    "004_90bb4337d5c5e469.txt")


@cache
def draft(name):
    return extract_path(SEEDS / name)


def money(name) -> list[tuple]:
    """(amount, role, counterparty, per annum, start, end) for each money line, in order."""
    return [(m.amount, m.role, m.counterparty, m.per_annum, m.start, m.end) for m in draft(name).money]


def line(name, amount: str):
    found = [m for m in draft(name).money if m.amount == Decimal(amount)]
    assert len(found) == 1, f"{amount} should be one money line, found {len(found)}"
    return found[0]


D = Decimal


def test_cleveland_2022_0007_is_read_as_a_decision_record_signed_on_5_september_2022():
    d = draft(CLEVELAND)
    assert d.document_type == "decision_record"
    assert d.reference.value == "2022-0007"
    assert d.title.value == "Home Office Funded Perpetrator Programme (2022/ 2023 Delivery)"
    assert d.decision_maker.value == "Police and Crime Commissioner for Cleveland"
    assert d.decision_date.value == date(2022, 9, 5)
    assert d.status.value == "approved"
    assert d.period.value == (date(2022, 4, 1), date(2023, 3, 31))  # "2022/ 2023 Delivery"


def test_cleveland_money_is_the_home_office_awards_the_match_and_three_grants():
    assert money(CLEVELAND) == [
        (D("157423.33"), "award", "Home Office", False, date(2022, 7, 1), None),
        (D("200124.66"), "award", "Home Office", False, date(2021, 7, 1), None),
        (D("71711.67"), "match", "Office of the Police and Crime Commissioner", False, None, None),
        (D("229135.00"), "total", None, False, None, None),
        (D("121197.00"), "grant", "Harbour Support Services", False, None, None),
        (D("99938.00"), "grant", "My Sister's Place", False, None, None),
        (D("8000.00"), "grant", "Barefoot Social Research", False, None, None),
    ]


def test_cleveland_total_reconciles_with_the_breakdown_and_with_award_plus_match():
    d = draft(CLEVELAND)
    found = {(r.kind, tuple(d.money[i].amount for i in r.parts)) for r in d.reconciliations}
    assert found == {("breakdown", (D("121197.00"), D("99938.00"), D("8000.00"))),
                     ("sources", (D("157423.33"), D("71711.67")))}
    assert all(r.reconciles(d.money) and d.money[r.total].amount == D("229135.00") for r in d.reconciliations)
    assert d.warnings == []


def test_cleveland_implications_checklist_is_all_yes():
    assert [(i.topic, i.considered) for i in draft(CLEVELAND).implications] == [
        ("Financial", True), ("Legal", True), ("Equality & Diversity", True), ("Human Rights", True),
        ("Sustainability", True), ("Risk", True)]


def test_cleveland_interim_coordinator_27690_goes_to_harbour_from_1_november_2023_to_31_july_2024():
    d = draft(INTERIM)
    coordinator = line(INTERIM, "27690")
    assert (coordinator.role, coordinator.counterparty) == ("grant", "Harbour")
    assert (coordinator.start, coordinator.end) == (date(2023, 11, 1), date(2024, 7, 31))
    assert len(coordinator.spans) == 2  # "Funding available ... is £27,690" is the same money
    assert d.period.value == (date(2023, 11, 1), date(2024, 7, 31))
    pilot = line(INTERIM, "200124.66")
    assert (pilot.role, pilot.counterparty, pilot.start) == ("award", "Home Office", date(2021, 7, 1))
    assert {(a.due, a.kind) for a in d.actions} >= {(date(2023, 10, 31), "deadline")}  # the pilot ends
    assert d.reference.value is None  # DRF 2021-7335 is the year-one record it cites, not this one


def test_gmca_decision_details_page_fields():
    d = draft(GMCA)
    assert d.document_type == "decision_details"
    assert d.title.value == "PCC - Domestic Abuse Perpetrator Interventions"
    assert d.decision_maker.value == ("Director for Police, Crime, Criminal Justice and Fire, GM Deputy Mayor, "
                                      "Treasurer GMCA")
    assert (d.decision_date.value, d.publication_date.value) == (date(2024, 3, 26), date(2024, 5, 9))
    assert (d.is_key_decision.value, d.is_subject_to_call_in.value) == (False, False)
    assert d.status_text.value == "Recommendations Approved"
    assert d.period.value == (date(2023, 4, 1), date(2024, 3, 31))


def test_gmca_csp_allocations_add_up_to_329450_and_cara_goes_to_gmp_and_the_hampton_trust():
    fy = (date(2023, 4, 1), date(2024, 3, 31))
    expected = [(D("60290"), "Manchester")] + [(D("33645"), name) for name in (
        "Bolton", "Stockport", "Wigan", "Bury", "Salford", "Rochdale", "Trafford", "Oldham")]
    allocations = [(m.amount, m.counterparty) for m in draft(GMCA).money if m.role == "allocation" and m.row]
    assert allocations == expected
    assert all((m.start, m.end) == fy for m in draft(GMCA).money if m.row)
    total = line(GMCA, "329450")
    assert total.role == "total"
    [reconciled] = draft(GMCA).reconciliations
    assert reconciled.reconciles(draft(GMCA).money) and len(reconciled.parts) == 9
    assert (line(GMCA, "90000").counterparty, line(GMCA, "90000").role) == ("GMP", "allocation")
    assert (line(GMCA, "44800").counterparty, line(GMCA, "44800").role) == ("Hampton Trust", "grant")


def test_gmca_fund_history_over_7m_in_2020_21_and_11m_in_2021_22():
    seven, eleven = line(GMCA, "7000000"), line(GMCA, "11000000")
    assert (seven.qualifier, seven.counterparty, seven.role) == ("over", "Home Office", "other")
    assert (seven.start, seven.end) == (date(2020, 4, 1), date(2021, 3, 31))
    assert (eleven.start, eleven.end) == (date(2021, 4, 1), date(2022, 3, 31))


def test_hampshire_request_for_decision_pccml_000407_2018_approved_23_may_2018():
    d = draft(HAMPSHIRE)
    assert d.document_type == "request_for_decision"
    assert d.reference.value == "PCCML/000407/2018"
    assert d.title.value.startswith("Domestic Abuse Support Service for Victims (Hampshire only)")
    assert d.decision_date.value == date(2018, 5, 23)  # not the report's "3rd April 2018"
    assert d.decision_maker.value == "Police and Crime Commissioner (Michael Lane)"
    assert d.period.value == (date(2019, 4, 1), date(2024, 3, 31))
    # "the option to extend for a further 2 years"; break clauses "giving 6 months-notice without reason"
    assert (d.extension_months.value, d.break_notice_months.value) == (24, 6)


def test_hampshire_per_annum_caps_for_victims_and_perpetrators_services():
    term = (date(2019, 4, 1), date(2024, 3, 31))
    assert money(HAMPSHIRE) == [
        (D("294500"), "contribution", "Police and Crime Commissioner", True, *term),
        (D("1483900"), "contribution", "Hampshire County Council", True, *term),
        (D("70000"), "contribution", "Police and Crime Commissioner", True, *term),
        (D("40000"), "contribution", "Southampton City Council", True, *term),
        (D("100000"), "contribution", "Hampshire County Council", True, *term),
    ]
    assert all(m.qualifier == "up to" for m in draft(HAMPSHIRE).money)
    # "up to £294,500 pa" (2.3) and "contribution of £294,500" (section 5) are the same money as 2.1
    assert len(line(HAMPSHIRE, "294500").spans) == 5


def test_hampshire_recommendations_are_numbered_once_each_though_printed_twice():
    recs = draft(HAMPSHIRE).recommendations
    assert [r.number for r in recs] == ["2.1", "2.1.1", "2.1.2", "2.2", "2.2.1", "2.2.2", "2.3", "2.3.1"]
    assert all(len(r.spans) == 2 for r in recs)
    assert "Southampton City Council contributing up to £40,000 per annum" in recs[3].text


def test_leicester_minutes_contract_end_bid_round_and_resolutions():
    d = draft(LEICESTER)
    assert d.document_type == "panel_minutes"
    assert d.decision_maker.value == "Police and Crime Panel"
    assert d.period.value == (date(2023, 4, 1), date(2025, 3, 31))  # "1st Aril 2023 to 31st March 2025"
    assert any("“Aril” read as April" in w for w in d.warnings)
    resolutions = [(a.number, a.due) for a in d.actions if a.kind == "resolution"]
    assert resolutions == [("1", None), ("2", date(2023, 3, 17)), ("3", date(2023, 6, 30))]
    assert "outcome of the Home Office bid" in d.actions[1].text and "17th March 2023" in d.actions[1].due_note
    deadlines = {a.due: a.text for a in d.actions if a.kind == "deadline"}
    assert "contracted until 31st March 2023" in deadlines[date(2023, 3, 31)]
    assert "by 17th March 2023" in deadlines[date(2023, 3, 17)]
    assert "mid-March 2023" in deadlines[date(2023, 3, 15)]
    assert d.money == []


@pytest.mark.parametrize("name", [LEICESTER, INTERIM, CLEVELAND, GMCA, HAMPSHIRE])
def test_every_span_points_at_what_was_read_from_it(name):
    d = draft(name)
    for item in d.money:
        for start, end in item.spans:
            assert [a.value for a in find_amounts(d.text[start:end])] == [item.amount], d.text[start:end]
        for start, end in item.counterparty_spans:
            assert d.text[start:end].strip(), item
    for found in (d.reference, d.title, d.decision_date):
        for start, end in found.spans:
            assert d.text[start:end].strip()
    if d.reference.value:
        start, end = d.reference.spans[0]
        assert d.text[start:end].replace(" ", "") == d.reference.value
