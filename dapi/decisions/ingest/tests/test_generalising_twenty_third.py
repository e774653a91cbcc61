"""Ways records are written that the extractor reads since the twenty-third round, each rule on small hand-written
snippets: the deciding body called by initials it never spells out (a council's record's "WBC", a mayor's record's
"HLA ... programme budget") is the deciding body, never the other party of a sum; and a funder named between a sum
and its funding words without "of" ("£199,505 Home Office funding") awards it; and "£125,000 of capital grant funding
to", "£71,500 on-grant to" a named body pays that body; a meeting of "Delegated Decisions - Tuesday 14th March, 2023"
dates its decisions, and so does an outcome opening "On 9 November 2021, Cabinet:-"; a total stated as the sum of the
sums listed before it stays a total when said again as a funder's funding; and a body named after several councils
("Northmoor Councils") is paid a grant, not a council's allocation; a contract's total whose sentence names nobody is
paid to the one body the sums in the sentence before are paid to."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_councils_own_initials_receiving_a_sum_are_the_decider_not_a_payee():
    text = "Reasons for the decision:\nThe Council agreed to act. WBC will receive £40,000 of grant.\n"
    line = _line(text, "40000")
    assert (line.counterparty, line.role) == (None, "award")


def test_initials_owning_the_budget_spent_are_the_decider_not_a_payee():
    text = ("Decision\nThat the Mayor approves the following:\ni. Expenditure of £2.4m, comprising £1.9m of HLA youth "
            "outreach programme budget and £512,300 government funding as follows:\nii. £30,000 for HLA staffing in "
            "2023-24\niii. £25,000 to procure an evaluation of the outreach service in 2023-24\n")
    for amount in ("512300", "30000"):
        assert _line(text, amount).counterparty is None


def test_initials_spelled_out_in_brackets_are_another_bodys():
    text = ("Decision\nThe Council agreed the plan. HDC will receive £40,000 of grant from the fund. Harbour District "
            "Council (HDC) is a partner.\n")
    line = _line(text, "40000")
    assert (line.counterparty, line.role) == ("Harbour District Council", "allocation")


def test_a_funder_named_between_the_sum_and_its_funding_is_who_awards_it():
    text = "Decision\n2. Approve the use of £199,505 Home Office funding in 2020/21.\n"
    line = _line(text, "199505")
    assert (line.counterparty, line.role) == ("Home Office", "award")


def test_a_sum_of_grant_funding_to_a_named_body_is_paid_to_it():
    text = "Decision\na. £125,000 of capital grant funding to Oakdale Trust for software purchase in 2022-23.\n"
    assert _line(text, "125000").counterparty == "Oakdale Trust"


def test_a_sum_on_granted_to_a_named_body_is_paid_to_it():
    text = "Decision\nb) £71,500 on-grant to Harbour Advice Trust for the advice line in 2023-24\n"
    assert _line(text, "71500").counterparty == "Harbour Advice Trust"


def test_a_meeting_of_delegated_decisions_dates_its_decisions():
    text = ("Agenda and decisions\n\nDelegated Decisions - Tuesday 14th March, 2023 5.30 pm\n\nVenue: Room 2, Civic "
            "Offices\n\nDecision:\n\nThat a grant of £0.120m be awarded to Oakdale Advice for one year.\n")
    assert extract_text(text).decision_date.value == date(2023, 3, 14)


def test_an_outcome_opening_with_the_day_and_the_body_dates_the_decision():
    text = ("Decision Outcome\n\nOn 9 November 2021, Cabinet:-\n\n(i) approved the installation of new cameras at a "
            "cost of £120,000;\n")
    assert extract_text(text).decision_date.value == date(2021, 11, 9)


def test_an_earlier_decision_told_as_background_does_not_date_the_record():
    text = ("Background\n\nOn 21st May 2018, Executive approved the award of the contract to Oakdale Care for the "
            "service.\n\nThe contract value is £50,000.\n")
    assert extract_text(text).decision_date.value != date(2018, 5, 21)


def test_a_total_of_the_sums_listed_before_it_stays_a_total_when_said_again_as_funding():
    text = ("1.1. To seek approval to receive £412,500 from the Home Office Violence Reduction fund and £88,250.40 from "
            "the Home Office Serious Violence fund, totalling £500,751.\n2.1. That the PFCC approves the receipt of up "
            "to £500,751 Home Office funding to the Oakdale Partnership.\n")
    assert _line(text, "500751").role == "total"
    assert _line(text, "412500").role == "award"


def test_a_body_named_after_several_councils_is_paid_a_grant_not_a_councils_allocation():
    text = "Decision\na. £50,000 of grant funding to Northmoor Councils for the shared data system in 2023-24.\n"
    line = _line(text, "50000")
    assert (line.counterparty, line.role) == ("Northmoor Councils", "grant")


def test_a_contracts_total_is_paid_to_the_one_body_the_sums_before_it_are_paid_to():
    text = ("1. Approved a variation of the Council’s treatment service contract with Oakdale Recovery Limited for "
            "2023/24 and 2024/25. The contract variation value shall be £70,000.00 in contract year 23/24 and "
            "£73,500.00 in contract year 24/25. The total value of the contract variation shall be £143,500.00.\n")
    assert _line(text, "143500").counterparty == "Oakdale Recovery Limited"
