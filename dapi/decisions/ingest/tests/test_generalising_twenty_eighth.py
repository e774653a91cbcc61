"""Ways records are written that the extractor reads since the twenty-eighth round, each rule on small hand-written
snippets: a list item naming a body before "be awarded £X" ("- Oakdale be awarded £49,904") names the body, not the
body run on into "be"; and several posts together ("the Portfolio Holders for Resources and Housing") are posts that
decide for the deciding body, not a body the sum goes to; a sum "awarded ... by" a funder named just before it
("awarded a Homelessness Prevention Grant by the Department ... (DLUHC) totalling £165,612") comes from that funder."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_listed_body_that_is_to_be_awarded_a_sum_is_named_without_the_verb():
    text = ("Decision\nThis decision seeks approval for:\n- Oakdale Fern Brook be awarded £49,904 from 1 July 2020 to "
            "increase capacity of the existing service\n")
    assert _line(text, "49904").counterparty == "Oakdale Fern Brook"


def test_several_portfolio_holders_are_posts_not_the_other_party():
    text = ("Decision\nThe Portfolio Holders for Resources and Housing will be asked to make a decision on "
            "establishing a capital budget of up to £320,000 for the purchase of one unit of temporary accommodation.\n")
    assert _line(text, "320000").counterparty is None


def test_one_portfolio_holder_is_still_a_post_not_the_other_party():
    text = ("Decision\nThe Portfolio Holder for Resources and Housing will be asked to make a decision on "
            "establishing a capital budget of up to £320,000 for the purchase of one unit of temporary accommodation.\n")
    assert _line(text, "320000").counterparty is None


_AWARDED_BY = ("Minutes\nThe Council had been awarded a Homelessness Prevention Grant 2023/24 by the Department of "
               "Levelling Up, Housing and Communities (DLUHC) totalling £165,612. It is ringfenced.\n")


def test_a_sum_awarded_by_a_funder_named_just_before_it_comes_from_that_funder():
    line = _line(_AWARDED_BY, "165612")
    assert line.counterparty == "Department of Levelling Up, Housing and Communities"
    assert line.warning.startswith("Department of Levelling Up, Housing and Communities ")


def test_the_deciding_body_named_after_by_is_not_taken_as_the_funder():
    text = "Minutes\nSmall grants had been awarded by the Council totalling £40,000 this year.\n"
    assert _line(text, "40000").counterparty is None
