"""Ways records are written that the extractor reads since the seventy-first round, on small hand-written snippets: a
report listing one fund's grants a recipient a sentence names each sum's recipient as the subject of "received",
perhaps with its place, a word of estimate or a "<Place>-based" lead between ("Brook Lane Family Trust in Eastmoor
received £3,300", "Riverside Rowing Club received over £8,000", "Westvale-based Open Kitchen has received £1,475"),
and that body is the sum's party rather than the fund named once for the whole report."""

from .reading import lines_of

_FUND = ("Hardship grants announced\n\nThe Northbury Community Fund has announced its latest round of emergency "
         "grants to groups across the county.\n\n")


def test_a_body_in_its_place_that_received_a_sum_is_its_party_not_the_fund():
    text = _FUND + ("Brook Lane Family Trust in Eastmoor received £3,300 to buy food parcels for families during the "
                    "winter.\n")
    assert [m.counterparty for m in lines_of(text, "3300")] == ["Brook Lane Family Trust"]


def test_a_body_that_received_over_a_sum_is_its_party():
    text = _FUND + ("Riverside Rowing Club received over £8,000 to run its summer sessions for young people.\n")
    assert [m.counterparty for m in lines_of(text, "8000")] == ["Riverside Rowing Club"]


def test_a_place_based_lead_is_not_part_of_the_recipients_name():
    text = _FUND + ("Westvale-based Open Kitchen has received £1,475 towards the cost of weekly cookery classes.\n")
    assert [m.counterparty for m in lines_of(text, "1475")] == ["Open Kitchen"]


def test_a_funder_named_in_the_sums_own_paragraph_stays_its_party():
    text = ("Uplift\n\nThe Ministry of Justice announced an in-year uplift to core grant funding in August. Greater "
            "Northbury received £185,000. It was agreed to spend it on support for victims.\n")
    assert [m.counterparty for m in lines_of(text, "185000")] != ["Greater Northbury"]

