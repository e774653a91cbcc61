"""Ways records are written that the extractor reads since the fifty-ninth round, on small hand-written snippets: a
sentence that shares a fund out names the body beside each share, a grant to it ("Northvale Council receiving
£21,000", "£9,000 goes to Open Doors"), and a fund's sum stated after the body that allocated it to an area
("allocated by Government to Westshire for 2014/15 is £310,000") is that body's award."""

from .reading import lines_of

_SHARES = (
    "Community safety grants announced\n\n"
    "The Commissioner has shared out this year's fund between the councils of the county. Eastbrook Borough Council "
    "receives £48,000 with Northvale Council being awarded £21,000, Southmoor receiving £17,500 and Westfield "
    "getting £12,000.\n"
    "Of the rest, £9,000 goes to Open Doors and the Westshire Youth Justice Service will receive £6,500.\n"
)


def test_a_body_named_before_being_awarded_or_receiving_a_share_is_its_party():
    assert [(m.counterparty, m.role) for m in lines_of(_SHARES, "21000")] == [("Northvale Council", "grant")]
    assert [(m.counterparty, m.role) for m in lines_of(_SHARES, "17500")] == [("Southmoor", "grant")]
    assert [(m.counterparty, m.role) for m in lines_of(_SHARES, "12000")] == [("Westfield", "grant")]


def test_a_body_a_share_goes_to_or_that_will_receive_it_is_its_party():
    assert [(m.counterparty, m.role) for m in lines_of(_SHARES, "9000")] == [("Open Doors", "grant")]
    assert [(m.counterparty, m.role) for m in lines_of(_SHARES, "6500")] == [("Westshire Youth Justice Service", "grant")]


def test_a_pronoun_before_receives_names_no_party():
    text = ("Community safety grants announced\n\nThe scheme was set up last year. It receives £14,000 from the "
            "reserves.\n")
    assert all(m.counterparty in (None, "") for m in lines_of(text, "14000"))


def test_the_body_that_allocated_a_fund_to_an_area_is_its_funder():
    text = ("Community safety fund confirmed\n\nThe Commissioner is now responsible for the fund. The total fund "
            "allocated by Government to Westshire for 2014/15 is £310,000, less than the year before.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "310000")] == [("Government", "award")]
