"""Ways records are written that the extractor reads since the twelfth round (issue 19), each rule on small
hand-written snippets: a council's own unit, a directorate it names an officer of ("the Director of Corporate
Services") or an account of its books ("the CCTV Revenue Cost Centre"), is no payee; a change to a named body's award
("the award to Oakdale Mind, by increasing the allocation from £20,000 to £22,500") pays both sums to that body; a
decision numbered within its year ("Decision 2023/24 – 0043:") and a bracketed reference after a heading ("(Ref: CAB
11/12 7589)") are the reference."""

from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.names import without_own_parts
from dapi.decisions.ingest.extract.organisations import find_organisations

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_directorate_the_record_names_an_officer_of_is_not_a_possible_payee():
    text = ("The Director of Corporate Services asked Cabinet to agree the transfer of the £10,000 budget from "
            "Corporate Services to the Youth Department.")
    assert "Corporate Services" not in [m.name for m in without_own_parts(text, find_organisations(text))]


def test_a_body_with_no_officer_named_is_still_the_payee():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Director of Finance reported.\n\nThe Council approves a grant of £5,000 to Oakdale Food Bank."
    assert lines(text) == [(D("5000"), "grant", "Oakdale Food Bank")]


@pytest.mark.parametrize("account", ["Parks Revenue Cost Centre", "Community Safety Budget"])
def test_an_account_of_the_councils_own_books_is_not_the_payee(account):
    text = f"e) the allocation and draw down of £8,200 from the Capital Reserve to be allocated to the {account}."
    assert [counterparty for _, _, counterparty in lines(text)] == [None]


def test_a_change_to_a_named_bodys_award_pays_both_sums_to_that_body():
    text = ("A recommendation to reconsider the award to Oakdale Mind, by increasing the allocation from £20,000 to "
            "£22,500.")
    assert lines(text) == [(D("20000"), "grant", "Oakdale Mind"), (D("22500"), "grant", "Oakdale Mind")]


def test_a_decision_numbered_within_its_year_keeps_its_number():
    text = "Decision 2023/24 – 0043: Hotspot Patrols Funding\n\nThe Commissioner approves the grant."
    assert extract_text(text).reference.value == "2023/24 – 0043"


def test_a_bracketed_reference_after_a_heading_is_the_reference():
    text = "DECISION MADE (Ref: CAB 11/12 7589)\n\nThe Cabinet approved the scheme."
    assert extract_text(text).reference.value == "CAB 11/12 7589"


def test_a_bracketed_aside_without_a_reference_label_gives_no_reference():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "DECISION MADE (see 11/12 7589)\n\nThe Cabinet approved the scheme."
    assert extract_text(text).reference.value is None
