"""Ways records are written that the extractor reads since the ninth round (issue 19), each rule on small hand-written
snippets: a sum no word pays is not paid to the deciding body that minutes report speaking."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_sum_the_commissioner_speaks_of_in_minutes_is_paid_to_nobody():
    text = ("Minutes of the panel. The Commissioner outlined that a rise in the policing element of £10 for a Band D "
            "home was needed. The Commissioner described a shortfall of £3.2m in the coming year.")
    assert [counterparty for _, _, counterparty in lines(text)] == [None, None]


def test_a_sum_the_commissioner_could_fund_is_still_the_commissioners_own_spend():
    text = "The Chief Executive said that the Commissioner could fund a smaller service at a cost of about £80,000."
    assert lines(text) == [(D("80000.00"), "other", "Commissioner")]
