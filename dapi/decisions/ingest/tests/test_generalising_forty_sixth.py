"""Ways records are written that the extractor reads since the forty-sixth round, on small hand-written snippets: the
total of a fund a national body launched ("the Home Office launched a £12 million ... fund"), a pot for others to bid
for rather than a payment to or from that body; and the least or most an applicant may ask for ("apply for funding of
up to £4,000", "apply for between £500 and £4,000 via a process run by the Oakdale Community Foundation"), which goes
to no one named body."""

from .reading import lines_of

_LAUNCHED = (
    "Office of the Police and Crime Commissioner for Oakshire\n\nVictims funding\n\n"
    "In April 2021 the Home Office launched a £12 million emergency fund for charities that support victims of "
    "crime. Commissioners were asked to run the fund locally on behalf of the Home Office.\n"
)


def test_a_launched_funds_total_has_no_party():
    lines = lines_of(_LAUNCHED, "12000000")
    assert lines and all(m.counterparty is None for m in lines)


_BIDS = (
    "Oakshire Gazette\n\nCommunity safety grants open\n\n"
    "Groups running youth activities in Oakshire are being invited to apply for funding of up to £4,000.\n\n"
    "Organisations have until June 30 to apply for between £500 and £4,000 via a simple process run by the "
    "Oakdale Community Foundation.\n"
)


def test_a_limit_on_bids_has_no_party():
    for amount in ("4000", "500"):
        lines = lines_of(_BIDS, amount)
        assert lines and all(m.counterparty is None for m in lines), amount
