"""Ways records are written that the extractor reads since the twenty-fifth round, each rule on small hand-written
snippets: a government agency named by its initials alone ("OHID") is that agency, the funder of a grant "from" it."""

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
