"""Ways records are written that the extractor reads since the fifty-seventh round, on small hand-written snippets: the
bounds of a procurement rule's value bands ("Up to £8,000 – two written quotes", "£8,001 to £60,000 – formal tender
process") are thresholds, not contracts; a sum said at once to have been allocated "to" a named body is that body's;
and a news page's day is read where it is printed "Posted on ..." at its foot, or alone under a headline printed
twice."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_BANDS = (
    "How we buy goods and services\n\n"
    "The Commissioner spends around £12 million a year on goods and services.\n\n"
    "Order value up to £8,000 – two written quotes.\n"
    "£8,001 - £60,000 – three written quotations.\n"
    "Over £60,000 – formal tender process under Contract Standing Orders.\n"
)


def test_the_bounds_of_a_procurement_band_are_thresholds_not_contracts():
    for amount in ("8000", "8001", "60000"):
        assert [(m.role, m.counterparty) for m in lines_of(_BANDS, amount)] == [("other", None)], amount


_A_CONTRACT_UP_TO = (
    "Decision\n\nCleaning contract\n\n"
    "The Commissioner approved the award of a contract of up to £90,000 to Brightway Cleaning Ltd, "
    "following a procurement exercise.\n"
)


def test_a_contract_of_up_to_a_sum_on_a_line_naming_no_quotes_or_tender_is_still_a_contract():
    # The rule's limit: it passes without the rule and must still pass with it.
    assert [m.role for m in lines_of(_A_CONTRACT_UP_TO, "90000")] == ["contract"]


_ALLOCATED = (
    "Youth fund\n\n"
    "The Commissioner bid for £300,000 from the Home Office's youth fund.\n\n"
    "The largest part of this money (£210,500) has been allocated by the Commissioner to the Harbour Lights Trust. "
    "The charity runs mentoring across the county.\n"
)


def test_a_sum_allocated_at_once_to_a_named_body_is_that_bodys():
    assert [m.counterparty for m in lines_of(_ALLOCATED, "210500")] == ["Harbour Lights Trust"]


_POSTED = (
    "Skip to content\n\nBid for new radios succeeds\n\n"
    "The Commissioner's bid to the Home Office for £45,000 has been successful.\n\n"
    "Posted on Tuesday 3rd March 2020\n"
)


def test_a_page_posted_on_a_day_at_its_foot_is_published_that_day():
    assert extract_text(_POSTED).publication_date.value == date(2020, 3, 3)


_TWICE = (
    "Partnership funding restored\n\nPartnership funding restored\n\n14 October 2016\n\n"
    "THE local partnership has welcomed the return of its grant of £120,000.\n"
)
_ONCE = (
    "Partnership funding restored\n\n14 October 2016\n\n"
    "THE local partnership has welcomed the return of its grant of £120,000.\n"
)


def test_a_day_alone_under_a_headline_printed_twice_is_the_pages_day():
    assert extract_text(_TWICE).publication_date.value == date(2016, 10, 14)


def test_a_day_under_a_headline_printed_once_is_not_taken_for_the_pages_day():
    # The rule's limit: it passes without the rule and must still pass with it.
    assert extract_text(_ONCE).publication_date.value is None
