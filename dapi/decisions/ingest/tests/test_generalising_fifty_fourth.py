"""Ways records are written that the extractor reads since the fifty-fourth round, on small hand-written snippets: the
one funder the deciding body's allocation is received "from" funds the allocations that name nobody; a sum joined by
"and" to the next before one "from" has the same funder, and a body named with its programme after it is the body; a
sum of a body's "fees of" is that body's contract; a total a further term "would take" a contract to is the same
contract's; a board that only "considered" and "agreed" is no party; a sum said to be the nation's ("Nationally", "the
national", what a government "is investing" or "has committed") has no party; and "At its meeting on <day>, Council
agreed" dates the decision."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_RECEIPT = (
    "Mayoral Decision\n\nSupported housing programme\n\n"
    "The Mayor approves:\n\n"
    "i. receipt by the GLA from the Department for Transport and Skills (DTS) of London's share of the capital "
    "funding allocation; and\n"
    "ii. expenditure of the funding on new homes.\n\n"
    "London's indicative allocation, to be confirmed in the spring, is circa £42.5m of capital.\n"
)


def test_the_one_funder_an_allocation_is_received_from_funds_the_allocation_flagged():
    lines = lines_of(_RECEIPT, "42500000")
    assert [(m.counterparty, m.role) for m in lines] == [("Department for Transport and Skills", "award")]
    assert "received from" in lines[0].warning


_PAIRED = (
    "Minutes\n\nHousing First bid\n\n"
    "The Committee considered a report seeking authority to bid for capital funds to the value of £250,000 and "
    "revenue funds to the value of £95,500 from the Department for Transport and Skills Rural Homes Programme to buy "
    "four homes.\n"
    "The bid to the Department for Transport and Skills would be made in May.\n"
)


def test_a_sum_joined_by_and_to_the_next_before_one_from_has_the_same_funder():
    assert [m.counterparty for m in lines_of(_PAIRED, "250000")] == ["Department for Transport and Skills"]


def test_a_body_named_with_its_programme_after_it_is_the_body():
    assert [m.counterparty for m in lines_of(_PAIRED, "95500")] == ["Department for Transport and Skills"]


_FEES = (
    "Minutes\n\nYouth programme\n\n"
    "Members asked about the costs. Officers clarified that £38k was the figure for the management fees of NYPT and "
    "the rest would go to the clubs.\n"
)


def test_a_sum_said_to_be_a_bodys_fees_is_its_contract():
    assert [(m.counterparty, m.role) for m in lines_of(_FEES, "38000")] == [("NYPT", "contract")]


_TOTAL = (
    "Delegated decision\n\nDementia support service\n\n"
    "The Council will award a contract to Memory Matters Trust to provide support to people with dementia for three "
    "months. The financial value of a three-month contract would be £30,000, and if required, a further three months "
    "would take the total to £60,000.\n"
)


def test_the_total_a_further_term_would_take_a_contract_to_is_the_same_contracts():
    assert [m.counterparty for m in lines_of(_TOTAL, "30000")] == ["Memory Matters Trust"]
    assert [(m.counterparty, m.role) for m in lines_of(_TOTAL, "60000")] == [("Memory Matters Trust", "contract")]


_BOARD = (
    "Decision\n\nCarers support service\n\n"
    "On 3 March 2025, the Northtown Health Partnership Board considered the future of the service and agreed that it "
    "should be recommissioned. The estimated cost of the first year of the new contract would be £210,000.\n"
)


def test_a_board_that_only_considered_and_agreed_is_no_party():
    assert [m.counterparty for m in lines_of(_BOARD, "210000")] == [None]


_NATIONALLY = (
    "Mayoral Decision\n\nSupported housing programme\n\n"
    "Nationally, £180.5m of grant funding from the Department for Transport and Skills will be made available for the "
    "programme in 2024-26.\n"
)
_NATIONAL = (
    "Mayoral Decision\n\nSupported housing programme\n\n"
    "The Mayor approves receipt by the GLA from the Department for Transport and Skills of London's capital "
    "allocation from the national £180.5m Rural Homes Programme.\n"
)


def test_a_sum_said_to_be_made_available_nationally_has_no_party():
    assert [(m.counterparty, m.role) for m in lines_of(_NATIONALLY, "180500000")] == [(None, "other")]


def test_a_sum_said_to_be_the_national_programmes_has_no_party():
    assert [(m.counterparty, m.role) for m in lines_of(_NATIONAL, "180500000")] == [(None, "other")]


_INVESTING = (
    "News\n\nGovernment commits extra money to tackle homelessness\n\n"
    "The Scottish Government has committed an extra £15m to go towards its goal of ending homelessness.\n"
)


def test_a_sum_a_government_has_committed_has_no_party():
    assert [(m.counterparty, m.role) for m in lines_of(_INVESTING, "15000000")] == [(None, "other")]


_AT_MEETING = (
    "Technical Note\n\nWinter support grants\n\n"
    "1. At its meeting on 6 October 2022, Council agreed to allocate £25,000 to a grant scheme for local groups.\n"
    "2. Groups can apply for up to £1,000 each.\n"
)


def test_at_its_meeting_on_a_day_council_agreed_dates_the_decision():
    assert extract_text(_AT_MEETING).decision_date.value == date(2022, 10, 6)
