"""Ways records are written that the extractor reads since the eighty-first round, on small hand-written snippets: in a
report of the Scottish or the Welsh Government's funding, a sum that the body opening its sentence "received", "has
received" or "will receive" ("Glenmore Food Share has received an award of almost £7,000") is a grant to that body, not
the government's award to the body that publishes the report."""

from decimal import Decimal

from dapi.decisions.ingest.extract.document import extract_text


def _lines_of(text: str, amount: str) -> list:
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]


def test_a_body_that_has_received_an_award_of_almost_a_sum_from_the_scottish_government_is_its_party():
    text = ("Supporting local communities\n\nThe Scottish Government has announced £250,000 of funding for community "
            "projects across Scotland.\n\nOne of the groups to benefit is Glenmore Food Share, which runs a weekly "
            "larder. Glenmore Food Share has received an award of almost £7,000 to keep its larder open.\n")
    lines = _lines_of(text, "7000")
    assert [(m.counterparty, m.role) for m in lines] == [("Glenmore Food Share", "grant")]


def test_a_body_with_a_which_clause_that_will_receive_a_sum_from_the_welsh_government_is_its_party():
    text = ("Recovery funding for health boards\n\nThe Welsh Government is investing £60m in planned care.\n\n"
            "Afon Valley Health Board, which covers Northtown, Easttown and Westtown, will receive £9m to open "
            "new theatres.\n")
    lines = _lines_of(text, "9000000")
    assert [(m.counterparty, m.role) for m in lines] == [("Afon Valley Health Board", "grant")]

