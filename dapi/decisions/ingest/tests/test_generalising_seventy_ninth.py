"""Ways records are written that the extractor reads since the seventy-ninth round, on small hand-written snippets:
a news report's body said to be due to receive a sum, to have now received it or to have received more than it ("is
set to receive £10,000", "has now received £400,000", "is to receive over £21,000"), and a grant said to have helped,
or to be used by, a named body ("a grant of £1,185 helped ...", "... is using a £2,220 grant"), name the sum's party."""

from dapi.decisions.ingest.extract.document import extract_text


def _line(text: str, amount: str):
    return next(m for m in extract_text(text).money if str(m.amount) == amount)


def test_a_body_set_to_receive_a_sum_is_its_party():
    text = ("Community fund grants agreed\n\nThe fund helps local groups with small projects. Hollybank Bowls Club is "
            "set to receive £6,500 to resurface its green.\n")
    assert _line(text, "6500.00").counterparty == "Hollybank Bowls Club"


def test_a_body_that_has_now_received_a_sum_is_its_party():
    text = ("Support for victims\n\nWaiting lists had grown last year. Riverside Advice Centre has now received "
            "£48,000 to help support victims of fraud.\n")
    assert _line(text, "48000.00").counterparty == "Riverside Advice Centre"


def test_a_body_described_after_a_comma_that_is_to_receive_over_a_sum_is_its_party():
    text = ("Trust grants\n\nFour groups were chosen. Bright Stitches, a small charity based in the valley, is to "
            "receive over £12,000 from the fund.\n")
    assert _line(text, "12000.00").counterparty == "Bright Stitches"


def test_a_body_a_grant_of_a_sum_helped_is_its_party():
    text = ("Fund boosts village projects\n\nThe fund supports the countryside. A recent grant of £1,450 helped "
            "Westcombe Heritage Society in Westcombe print a walking guide.\n")
    line = _line(text, "1450.00")
    assert (line.counterparty, line.role) == ("Westcombe Heritage Society", "grant")


def test_a_body_using_its_grant_of_a_sum_is_its_party():
    text = ("Lottery grants\n\nDemand has grown this year. Quiet Minds UK is using a £3,300 grant to run "
            "weekly support groups.\n")
    line = _line(text, "3300.00")
    assert (line.counterparty, line.role) == ("Quiet Minds UK", "grant")


def test_a_body_in_its_place_that_used_their_grant_is_its_party():
    text = ("Safer communities fund\n\nLast year the fund backed many projects. Youth centre Maple House in "
            "Eastbridge, used their £4,000 grant to offer evening sessions.\n")
    assert _line(text, "4000.00").counterparty == "Maple House"
