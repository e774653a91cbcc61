"""Ways records are written that the extractor reads since the forty-ninth round, on small hand-written snippets: a
national sum shared out among many bodies ("made available to local authorities"), or a fund a body gets a slice of,
set up or provided, has no party; a scheme is no party ("the Mini-Holland Pilot Scheme", "the Oakfield Park scheme"),
nor is a unit money moves within ("budget transfers within Adult Services"); a grant's balance "for" a body goes to
it; a decision's number opening its paragraph ("112/2019 The Cabinet agreed ...") is the record's reference; and
"almost £150,000" said before an exact £149,400 is that sum said again."""

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_NATIONAL = (
    "Issue - meetings\n\nHomelessness support\n\nMeeting: 14/10/2021 - Cabinet (Item 4)\n\n"
    "The Cabinet was advised that the Scottish Government would make £15m available to local authorities to "
    "support homeless households over the winter.\n\n"
    "The Cabinet noted the report.\n"
)


def test_a_national_sum_made_available_to_local_authorities_has_no_party():
    lines = lines_of(_NATIONAL, "15000000")
    assert [m.counterparty for m in lines] == [None]
    assert [m.role for m in lines] == ["other"]


_SLICE = (
    "Oakshire Police and Crime Commissioner\n\nCommissioner welcomes £500k grant for youth work\n\n"
    "Oakshire Police has been granted £500,000 from the Home Office to fund youth diversion work.\n\n"
    "The Commissioner said the force had been successful in bidding for a share of the government's £20m Youth "
    "Diversion Fund, which pays for new diversion schemes.\n"
)


def test_the_fund_a_body_gets_a_share_of_has_no_party():
    assert [m.counterparty for m in lines_of(_SLICE, "20000000")] == [None]
    assert [m.counterparty for m in lines_of(_SLICE, "500000")] == ["Home Office"]


_PROVIDED = (
    "Issue - meetings\n\nWinter pressures\n\nMeeting: 02/11/2021 - Cabinet (Item 7)\n\n"
    "The Cabinet was advised that the Scottish Government had provided a £6m winter support fund to help councils "
    "meet the cost of emergency accommodation.\n\n"
    "The Cabinet noted the report.\n"
)


def test_a_fund_a_body_provided_has_no_party():
    assert [m.counterparty for m in lines_of(_PROVIDED, "6000000")] == [None]


_PILOT = (
    "Decision details\n\nInvestment Fund report\n\nDecision Maker: Oakshire Combined Authority Committee\n\n"
    "Decision:\n\nThe Combined Authority Committee RESOLVED:\n\n"
    "1)     To allocate £64k to the Riverside Pilot Scheme and delegate the approval of its business case to the "
    "Chief Executive.\n"
)


def test_a_pilot_scheme_is_no_party():
    assert [m.counterparty for m in lines_of(_PILOT, "64000")] == [None]


_CAPITAL_SCHEME = (
    "Issue - decisions\n\n12/03/2020 - CAPITAL MONITORING 2019/20 PERIOD 10\n\n"
    "To approve the following changes to the capital programme:\n\n"
    "a)         addition of £310k to the Oakfield Park scheme, as detailed in Appendix A of the report\n\n"
    "b)         addition of £120k for new play areas to be funded from S106 payments.\n"
)


def test_a_name_written_before_scheme_is_no_party():
    assert [m.counterparty for m in lines_of(_CAPITAL_SCHEME, "310000")] == [None]


_WITHIN = (
    "Issue - decisions\n\n12/03/2020 - CAPITAL MONITORING 2019/20 PERIOD 10\n\n"
    "To approve the following changes to the capital programme:\n\n"
    "a)         the budget transfers within Adult Services and the release of £925k from the Extra Care Housing "
    "provision to fund additional project costs as detailed in Appendix A, Adult Services, of the report.\n"
)


def test_a_unit_money_is_moved_within_is_no_party():
    lines = lines_of(_WITHIN, "925000")
    assert lines
    assert all(m.counterparty != "Adult Services" for m in lines)


_BALANCE = (
    "Agenda item\n\nVariations to Grants\n\nMinutes:\n\n"
    "The Committee received a report of the Chief Grants Officer on variations to grants agreed since the last meeting.\n\n"
    "A Member asked why the £12,500 balance for the Oakdale Youth Project had been withheld, to which officers advised "
    "that its annual monitoring return had not been received.\n"
)


def test_a_grants_balance_for_a_body_goes_to_that_body():
    lines = lines_of(_BALANCE, "12500")
    assert [m.counterparty for m in lines] == ["Oakdale Youth Project"]
    assert [m.role for m in lines] == ["grant"]


_NUMBERED = (
    "Issue - meetings\n\nHighways Capital Programme\n\nMeeting: 03/06/2019 - Cabinet (Item 5.)\n\n"
    "Decision:\n\n"
    "112/2019 The Cabinet agreed to add the resurfacing of Mill Lane to the capital programme, funded from the "
    "highways maintenance grant.\n"
    "113/2019 The Cabinet noted the progress of the footway programme.\n"
)


def test_a_decisions_number_opening_its_paragraph_is_the_reference():
    assert extract_text(_NUMBERED).reference.value == "112/2019"


_ROUNDED = (
    "Oakshire Policing Board funds community projects\n\n"
    "Almost £150,000 has been awarded to community projects across Oakshire.\n\n"
    "The Board's chair announced the award of £149,400 from the Community Safety Grants Scheme to 24 projects.\n"
)


def test_a_sum_said_as_almost_a_round_figure_is_the_exact_sum_said_again():
    assert lines_of(_ROUNDED, "150000") == []
    assert len(lines_of(_ROUNDED, "149400")) == 1
