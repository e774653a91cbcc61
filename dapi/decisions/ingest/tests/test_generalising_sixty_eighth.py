"""Ways records are written that the extractor reads since the sixty-eighth round, on small hand-written snippets: a
sum whose next words name the funder whose grant or fund it is ("£212,400 from the DNAR's Safer Lanes Fund", "the
£3.4m DNAR in-year capital funding", "£1.2 million from the Government's Town Renewal Fund") is that funder's award;
and a sum a named body is said, just before it, to have applied for, to have requested or to be going to receive
("Westfield Hospice applied for £1,150", "The EVHC has requested a grant of £3,500", "Open Doors will receive
core funding of £84,250") is that body's."""

from .reading import lines_of


def test_a_sum_from_a_funders_own_fund_is_the_funders_award():
    text = ("Commissioner welcomes crime funding\n\nThe Commissioner has secured further money for the county this "
            "year. Northbury will also benefit from £212,400 from the DNAR’s Safer Lanes Fund, a scheme aimed at "
            "tackling theft in crime hotspots.\n")
    lines = lines_of(text, "212400")
    assert [(m.counterparty, m.role) for m in lines] == [("DNAR", "award")]


def test_a_sum_of_a_funders_capital_funding_named_by_its_initials_is_the_funders():
    text = ("Committee decisions\n\n5. To note the programme of highway schemes.\n\n6. The Committee endorses the "
            "approach for the £3.4m DNAR in-year capital funding as set out in the supplementary report;\n")
    assert [m.counterparty for m in lines_of(text, "3400000")] == ["DNAR"]


def test_a_sum_from_the_governments_fund_replaces_the_council_that_receives_it():
    text = ("Town Renewal\n\nEastvale District Council has been awarded £1.2 million from the Government’s Town "
            "Renewal Fund to support capital projects across the district.\n")
    assert [m.counterparty for m in lines_of(text, "1200000")] == ["Government"]


def test_initials_the_record_spells_out_as_a_fund_are_not_a_funder():
    text = ("Decision\n\nThe Council bid to the Northern Homes Fund (NHF) this year.\n\nThe Cabinet agreed the "
            "purchase of four homes, funded by £640,000 NHF grant.\n")
    assert [m.counterparty for m in lines_of(text, "640000")] != ["NHF"]


def test_a_funders_sum_split_among_many_is_no_ones_line_with_the_funder():
    text = ("Report\n\nThe £40 million Government funding released last autumn was split equally between police "
            "forces and councils for compliance work.\n")
    assert [m.counterparty for m in lines_of(text, "40000000")] != ["Government"]


def test_a_body_that_applied_for_a_sum_is_its_party():
    text = ("Development fund\n\nThe application for £10,000 towards the project was recommended for approval.\n\n"
            "Westfield Hospice applied for £1,150 to help with its warehouse carbon reduction initiative, which includes "
            "trialling tracking equipment on vehicles.\n")
    assert [m.counterparty for m in lines_of(text, "1150")] == ["Westfield Hospice"]


def test_a_body_named_by_its_initials_that_has_requested_a_grant_is_its_party():
    text = ("Grants requested for 2026/27\n\nThe EVHC has requested a grant of £3,500. Members will decide at the "
            "next meeting.\n")
    assert [m.counterparty for m in lines_of(text, "3500")] == ["EVHC"]


def test_a_body_that_will_receive_core_funding_is_its_party():
    text = ("Minister announces funding\n\nEleven projects are funded in all this year.\n\nOpen Doors will receive "
            "core funding of £84,250 for a counselling service in the valleys.\n")
    assert [m.counterparty for m in lines_of(text, "84250")] == ["Open Doors"]

