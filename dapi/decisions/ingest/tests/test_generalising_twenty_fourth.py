"""Ways records are written that the extractor reads since the twenty-fourth round, each rule on small hand-written
snippets: a CMIS page's "Date Decision Taken at Committee" dates the decision; a sum the other rules leave without a
counterparty is given the one body its sentence names right after it ("£403.62 as funding to", "for £2,165,000, with";
a department named there is given an allocation),
or the body a contract is "with" earlier in its sentence, with a warning for the reviewer; never the deciding body, a
budget named after a body, or the first of several bodies a total is shared by; the body its own sentence "awards" a
contract is a sum's party, not a body read from the title; and a decision ("Mayoral Decision 3386"), an activity
("Recommissioning ... Services") or a way of buying ("the DPS", a Dynamic Purchasing System) is no counterparty;
and sums listed with "respectively" go in order to the bodies listed after "to"."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_the_date_a_decision_was_taken_at_committee_is_the_decision_date():
    text = ("Issue\nDecision\nApprove the plan.\nDate Decision Taken at Committee\nThu 23 Jan 2025\nDirectorate\n"
            "Finance\n")
    assert extract_text(text).decision_date.value == date(2025, 1, 23)


def test_a_sum_as_funding_to_a_named_body_is_a_grant_to_it_with_a_warning():
    text = ("Decision\n(i) £403.62 as funding to Oakdale Park Community Centre for the purchase of a laptop for the "
            "centre.\n")
    line = _line(text, "403.62")
    assert (line.counterparty, line.role) == ("Oakdale Park Community Centre", "grant")
    assert line.warning


def test_a_sum_agreed_with_a_named_body_is_that_bodys():
    text = ("Decision\nApprove entering into a funding agreement, for £2,165,000, with NHS England for the Council’s "
            "share of the service for the period 1 April 2022 to 31 March 2023.\n")
    assert _line(text, "2165000").counterparty == "NHS England"


def test_the_body_a_contract_is_with_is_paid_its_annual_value_and_total():
    text = ("Decision\n1. Notes and ratifies the direct award of a contract with Harbourside for the provision of "
            "supported housing for young people from 1 April 2020 to 31 March 2022 at an annual value of £310,296 and "
            "total sum of £620,592 for the two-year contract period.\n")
    for amount in ("310296", "620592"):
        line = _line(text, amount)
        assert (line.counterparty, line.role) == ("Harbourside", "contract")
        assert line.warning


def test_a_budget_named_after_a_body_is_not_its_payee():
    text = "Decision\n(i) £97,165 as funding to the Oakdale Trust rough sleeping programme budget in 2023-24.\n"
    assert _line(text, "97165").counterparty is None


def test_a_total_shared_by_bodies_is_not_given_the_first_named():
    text = ("Background\nIn 2015/16, the Council awarded grants totalling £2.965m to Harbour Trust, Oakdale Trust and "
            "others.\n")
    assert _line(text, "2965000").counterparty is None


def test_a_decision_named_as_the_provider_of_a_delegation_is_no_body():
    text = ("Decision\nThat the Director, under the delegation provided by Mayoral Decision 3386, approves the receipt "
            "and expenditure of £3.49m of grant funding in 2025-26.\n")
    assert _line(text, "3490000").counterparty is None


def test_a_title_naming_the_commissioning_of_services_names_no_body():
    text = ("Decision details\nTitle:\nRecommissioning Drug and Alcohol Treatment Services for Adults\nDecision:\n"
            "The Committee approved a contract of £2.8m per year for the treatment service.\n")
    assert _line(text, "2800000").counterparty is None


def test_a_purchasing_system_spelled_out_is_no_body():
    text = ("Decision\n- Approved the set up of a Dynamic Purchasing System (DPS) to provide beds. This would entail "
            "the approval of providers to join the DPS and the award of call-off contracts through the system. The "
            "maximum spend over the term of the DPS would be £100,000,000.\n")
    assert _line(text, "100000000").counterparty is None


def test_a_body_awarded_a_contract_in_the_sums_sentence_is_its_party_not_the_title():
    text = ("Oakdale Housing Support Services\nDecision\n1. Cabinet awards Harbour Homes a 4-year contract for "
            "Supported Accommodation at £1,616,290.28\n")
    line = _line(text, "1616290.28")
    assert (line.counterparty, line.role) == ("Harbour Homes", "contract")


def test_sums_listed_with_respectively_go_in_order_to_the_bodies_listed():
    text = ("Decision\nThis decision also requests approval for £1.76m and £0.3m of the £9.25m second tranche of funding "
            "respectively to be allocated to the Harbour Fire Service and Oakdale Trust for their costs.\n")
    assert (_line(text, "1760000").counterparty, _line(text, "300000").counterparty) == (
        "Harbour Fire Service", "Oakdale Trust")



def test_a_further_pair_of_sums_allocated_respectively_are_allocations():
    text = ("Decision\nIn addition, a further £11,871 and £26,000 will be allocated to our Outreach Service and Housing "
            "Service respectively.\n")
    assert [(m.counterparty, m.role) for m in (_line(text, "11871"), _line(text, "26000"))] == [
        ("Outreach Service", "allocation"), ("Housing Service", "allocation")]


def test_a_sum_as_funding_to_a_named_department_is_its_allocation():
    text = ("Decision\n(iii) £100 as funding to the Street Lighting Department for one day’s work to clear the alleyway."
            "\n")
    line = _line(text, "100")
    assert (line.counterparty, line.role) == ("Street Lighting Department", "allocation")
    assert line.warning
