"""Ways records are written that the extractor reads since the eighteenth round, each rule on small hand-written
snippets: a contract or grant paid to a named body, broken down into products ("£12,000 x3 = £36,000") that make it,
either in a bracket later in its own sentence or in the paragraph after a sentence ending "to include:", gives each
part to the same body (a place or purpose named before the bracket is not the payee); "funding to the Town Centre
Programme" puts money into a programme, paid to no body yet; and the rows of a list set out as a bid ("the approach
to bid for the Growth Fund be approved as follows:") name schemes bid for, not payees, the bidder's own "Local
Contribution" being match funding, each row with a warning."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _lines(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)]


def _line(text: str, amount: str):
    return _lines(text, amount)[0]


_INCLUDES = ("Extend the existing contract with Oakdale Family Support up to the value of £300,000 over four years "
             "to include:\n\n"
             "1. Outreach (£50,000 x4 = £200,000) and Training (£25,000 x4 = £100,000)\n\n"
             "Note the report.\n")


def test_products_in_the_paragraph_after_to_include_go_to_the_contracts_provider():
    for amount in ("50000", "200000", "25000", "100000"):
        line = _line(_INCLUDES, amount)
        assert (line.counterparty, line.role) == ("Oakdale Family Support", "contract"), amount


def test_products_in_a_bracket_later_in_the_sentence_go_to_the_provider_not_a_place_named_before():
    text = ("2. Extend the existing contract with Oakdale Family Support up to the value of £60,000 over three years "
            "for outreach linked to call off contracts for Safe Houses and Dispersed Refuge (£12,000 x3 = £36,000; "
            "£8,000 x3 = £24,000)\n")
    for amount in ("12000", "36000", "8000", "24000"):
        assert _line(text, amount).counterparty == "Oakdale Family Support", amount


def test_funding_to_a_programme_is_paid_to_no_body():
    text = ("(i) That the change request to the Skills Accelerator Programme is approved to provide additional £2 million of "
            "funding to the Skills Accelerator Programme.\n")
    assert _line(text, "2000000").counterparty is None


_BID = ("The Combined Authority agreed that:\n\n"
        "(i) the proposed approach to bid for the Growth Fund be approved as follows:\n\n"
        "Northgate Station Quarter - £12.5m\n\n"
        "Riverside Link - £3.25m\n\n"
        "Eastway Corridor - £1.1m\n\n"
        "Local Contribution - £2.4m\n\n"
        "(ii) delegated authority be granted to the Director to submit the bid.\n")


def test_rows_of_a_bid_name_schemes_not_payees_with_a_warning():
    for amount in ("12500000", "3250000", "1100000"):
        line = _line(_BID, amount)
        assert (line.counterparty, line.role) == (None, "other"), amount
        assert "bid" in line.warning


def test_the_local_contribution_row_of_a_bid_is_match_funding():
    line = _line(_BID, "2400000")
    assert (line.counterparty, line.role) == (None, "match")
