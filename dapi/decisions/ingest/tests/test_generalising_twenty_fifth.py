"""Ways records are written that the extractor reads since the twenty-fifth round, each rule on small hand-written
snippets: a government agency named by its initials alone ("OHID") is that agency, the funder of a grant "from" it;
a sum the other rules leave without a counterparty is an award from the one funder or public body named right after
it and "from", with a warning (a combined authority too, in a council's record, its name wrapped over two lines), never
the first of several bodies; and a CMIS page's "On 3 June 2025" with the body on the line below ("Cabinet:-") dates
the decision; a post ("the Cabinet Member for Housing") or a contract's title ("a Contract for Supported Housing") is
no counterparty (a sum read as paid to a post is the deciding body's own spending); and a grant the deciding body
accepts ("Accepted from NCA £1,860,000 revenue grant funds", "the grant of £111,364 be accepted") is an award."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_grant_from_an_agency_named_by_its_initials_is_its_award():
    text = "Decision\n1. The scheduled 2024/25 grant of £4,376,408 from OHID be accepted and the plan agreed.\n"
    line = _line(text, "4376408")
    assert (line.counterparty, line.role) == ("Office for Health Improvement and Disparities", "award")


def test_an_agencys_name_misspelt_does_not_hide_the_contracts_other_party():
    text = ("Decision\n1. Approved a variation of the Council’s Treatment Service contract with Oakdale Care Limited to "
            "incorporate additional grant funding received from the Office of Health Improvement and Disparities for "
            "Treatment for contract year 2023/24 and 2024/25. The contract variation value shall be £707,126.00 in "
            "contract year 23/24 and £734,803.00 in contract year 24/25.\n2. Authorised the Council to enter into a "
            "contract variation with the provider, Oakdale Care Limited, for the contract years 2023/24 and 2024/25.\n")
    assert _line(text, "707126").counterparty == "Oakdale Care Limited"


def test_a_sum_from_a_public_body_named_right_after_it_is_its_award_with_a_warning():
    text = "Decision\n(iv) Accepted £1,250,000 grant funds to be passed on in 2025/26 from Northmoor Police.\n"
    line = _line(text, "1250000")
    assert (line.counterparty, line.role) == ("Northmoor Police", "award")
    assert line.warning


def test_a_sum_from_several_bodies_is_not_given_the_first_named():
    text = ("Decision\n(iv) Accepted £1,250,000 grant funds to be passed on in 2025/26 from Northmoor Police and "
            "Oakdale Police.\n")
    assert _line(text, "1250000").counterparty is None

def test_a_combined_authority_a_councils_record_takes_money_from_is_the_funder_though_its_name_is_wrapped():
    text = ("Decision\n(iv) Accepted\n£75,902,277 grant funds devolved to the council from the Northmoor Combined\n"
            "Authority (NCA) integrated settlement for 2025/26;\n")
    line = _line(text, "75902277")
    assert (line.counterparty, line.role) == ("Northmoor Combined Authority", "award")



def test_the_day_above_the_body_that_resolved_is_the_decision_date():
    text = "On 3 June 2025\nCabinet:-\n(i)\nApproved the adoption of the Economy Strategy at Appendix 1 of the report;\n"
    assert extract_text(text).decision_date.value == date(2025, 6, 3)


def test_a_day_above_a_line_that_resolves_nothing_is_not_the_decision_date():
    text = "Background\nOn 21 May 2018\nthe Executive approved the award of the first contract.\n"
    assert extract_text(text).decision_date.value is None


def test_a_post_consulted_is_not_the_counterparty():
    text = ("Decision\n  1. Authorised the Executive Director of Growth in consultation with the Cabinet Member for "
            "Housing Delivery and Homes to continue the use of the emergency accommodation framework until February "
            "2024, with a forecast expenditure of £11m p/a.\n")
    line = _line(text, "11000000")
    assert (line.counterparty, line.role) == (None, "other")


def test_a_contracts_title_is_not_the_counterparty_nor_its_warning():
    text = ("Decision details\n\nExtension to a Contract for Supported Housing Service for Young People.\n\nDecision "
            "Maker: Director of Commissioning\n\nPurpose of report:\nThe current contract provides support "
            "accommodation across the City. The current contract price is £485,000.\n")
    line = _line(text, "485000")
    assert (line.counterparty, line.warning) == (None, "")


def test_a_grant_accepted_right_before_its_sum_is_an_award():
    text = "Decision\n(v) Accepted\nfrom NCA £1,860,000 revenue grant funds for 2025/2026 Youth Employment;\n"
    assert _line(text, "1860000").role == "award"


def test_a_grant_whose_sum_is_accepted_is_an_award():
    text = "Decision\n2. The 2024/25 Inpatient Detoxification grant of £111,364 be accepted and approved.\n"
    assert _line(text, "111364").role == "award"


def test_an_accepted_grant_paid_to_a_named_body_is_still_a_grant():
    text = "Decision\n2. Accepted £25,000 revenue grant to Oakdale Trust for the outreach service.\n"
    assert _line(text, "25000").role != "award"
