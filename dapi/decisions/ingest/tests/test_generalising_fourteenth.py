"""Ways records are written that the extractor reads since the fourteenth round (issue 19), each rule on small
hand-written snippets: a sum "of <funder> (<acronym>) <named> grant" is the funder's award; a source written in lower
case that ends in a fund's word ("from the home office safer streets funding to ...") does not hide the body paid
after it."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_sum_of_a_funders_named_grant_with_its_acronym_is_the_funders_award():
    text = "This paper seeks approval for the acceptance of £412,300 of Home Office (HO) Safer Streets Fund grant for 2023/24."
    assert lines(text) == [(D("412300"), "award", "Home Office")]


def test_a_lower_case_source_before_the_recipient_does_not_make_the_sum_an_award():
    text = ("The Commissioner is recommended to approve the allocation of £45,000 grant from the home office safer "
            "streets funding to Oakdale Borough Council.")
    assert lines(text) == [(D("45000"), "allocation", "Oakdale Borough Council")]
