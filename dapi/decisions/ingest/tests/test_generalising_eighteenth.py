"""Ways records are written that the extractor reads since the eighteenth round, each rule on small hand-written
snippets: a contract or grant paid to a named body, broken down into products ("£12,000 x3 = £36,000") that make it,
either in a bracket later in its own sentence or in the paragraph after a sentence ending "to include:", gives each
part to the same body (a place or purpose named before the bracket is not the payee); "funding to the Skills
Accelerator Programme" puts money into a programme, paid to no body yet; and the rows of a list set out as a bid ("the
approach to bid for the Growth Fund be approved as follows:") name schemes bid for, not payees, the bidder's own "Local
Contribution" being match funding, each row with a warning. A sum read as a total ("grant funding totalling £A (£B in
2022-23 and £C in 2023-24) to X") whose parts in brackets make it and all go to one body goes to it too; a sum
received under "a funding agreement with X" comes from X; a funder's money the deciding body "allocated", which the
next sentence says it awarded "with this funding" as a grant to X, is a grant to X; each sum of an offer the body
accepts ("Accept the X funding offer of £A capital and £B revenue funding") is an award from X; the body's own
money ("contributed S106 funding of £B") beside a funder's is match funding from no funder; and a figure whose "£"
or "1" was misread ("committed Elm of funding") is flagged."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


def _line(text: str, amount: str):
    return lines_of(text, amount)[0]


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


def test_a_total_whose_parts_in_brackets_go_to_one_body_goes_to_it():
    text = ("1.4 That approval is given to award grant funding totalling up to £50,000 (£30,000 in 2022-23 and £20,000 "
            "in 2023-24) to Oakdale Women’s Aid for a range of interventions.\n")
    line = _line(text, "50000")
    assert (line.counterparty, line.role) == ("Oakdale Women’s Aid", "grant")


def test_a_grant_received_under_a_funding_agreement_comes_from_the_other_party():
    text = ("Delegated approval for the Council to enter into a funding agreement with Greenway Trust and receive a "
            "grant of £120,000 for the delivery of the Riverside Cycle Route.\n")
    line = _line(text, "120000")
    assert (line.counterparty, line.role) == ("Greenway Trust", "award")


def test_a_figure_with_a_misread_pound_sign_is_flagged():
    draft = extract_text("The Commissioner committed E1.5m of funding from the budget towards prevention.\n")
    assert any("E1.5m" in w for w in draft.warnings)


def test_a_figure_with_a_misread_one_is_flagged_but_a_street_is_not():
    assert any("Elm" in w for w in extract_text("The PCC committed Elm of funding to it.\n").warnings)
    assert not any("Elm" in w for w in extract_text("The hub on Elm Road opened in May.\n").warnings)


def test_a_funders_money_allocated_then_granted_with_this_funding_is_a_grant_to_the_grantee():
    text = ("Decision 2023/14 allocated £90,000 of Home Office core grant funding to address gaps in support for "
            "victims of fraud. With this funding, the Commissioner awarded a grant to the Oakdale Helpline to deliver "
            "a pilot.\n")
    line = _line(text, "90000")
    assert (line.counterparty, line.role) == ("Oakdale Helpline", "grant")


def test_each_sum_of_an_accepted_funding_offer_is_an_award_from_the_body_offering_it():
    text = ("b) Accept the Sport England funding offer of £80,000 capital and £12,000 revenue funding for the Oakdale "
            "Leisure Project.\n")
    for amount in ("80000", "12000"):
        line = _line(text, amount)
        assert (line.counterparty, line.role) == ("Sport England", "award"), amount


def test_the_bodys_own_s106_money_beside_a_funders_is_match_funding_from_no_funder():
    text = ("The Council has bid for Home Office capital funds of £1.2m and contributed S106 funding of £300,000 "
            "towards the purchase of 12 homes.\n")
    line = _line(text, "300000")
    assert (line.counterparty, line.role) == (None, "match")
