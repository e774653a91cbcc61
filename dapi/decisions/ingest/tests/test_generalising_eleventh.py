"""Ways records are written that the extractor reads since the eleventh round (issue 19), each rule on small
hand-written snippets: a council tax figure on a band of property is a rate charged per household, paid by nobody;
and minutes, which discuss sums without paying them, do not make the one body they name the payee of every figure."""

from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


@pytest.mark.parametrize("text, amount", [
    ("The Government had announced a change, with the cap now £15 on a Band D property.", D("15")),
    ("The Government had said that residents could pay an extra £20.00 per year, for Band A to D properties.",
     D("20")),
    ("The Government confirmed a limit of £10 for each Band C home.", D("10")),
])
def test_a_council_tax_figure_on_a_band_of_property_is_paid_to_nobody(text, amount):
    assert lines(text) == [(amount, "other", None)]


def test_a_sum_to_a_body_beside_a_band_is_still_paid_to_it():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = "The Council approves a grant of £5,000 to Oakdale Food Bank for Band D outreach."
    assert lines(text) == [(D("5000"), "grant", "Oakdale Food Bank")]


MINUTES = ("Minutes of the meeting of the Westshire Police and Crime Panel\n\n"
           "The Chief Finance Officer explained the budget. The force would receive £12.5m of core funding and the "
           "capital programme was £2.1m over the year.\n\n"
           "The Panel heard about the hub run by Oakdale Women's Aid.\n\n"
           "RESOLVED that the report be noted.\n")


def test_minutes_do_not_make_the_one_body_they_name_the_payee_of_every_figure():
    assert [(amount, counterparty) for amount, _, counterparty in lines(MINUTES)][1:] == [(D("2100000"), None)]


def test_a_record_that_is_not_minutes_still_pays_its_one_named_provider():
    # The rule's limit: it passes without the rule and must still pass with it.
    text = MINUTES.replace("Minutes of the meeting of the", "Decision record:").replace("RESOLVED that", "Decision:")
    assert lines(text)[1:] == [(D("2100000"), "grant", "Oakdale Women's Aid")]
