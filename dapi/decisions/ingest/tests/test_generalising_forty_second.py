"""Ways records are written that the extractor reads since the forty-second round, on small hand-written snippets:
pounds and pence joined by a hyphen ("£2,367-29"), a funder's own page announcing the awards it makes to named bodies,
and a virement between a body's own budgets, which pays no one."""

from .reading import lines_of

_HYPHEN = (
    "Oakdale Parish Council\n\nMinutes of the meeting held on Tuesday, 16th November 2010\n\n"
    "The clerk asked for a vote on agreeing the transfer of funds totalling £2,367-29. The transfer was agreed.\n"
)

_FUNDERS_PAGE = (
    "Victim and witness funding awards\n\n"
    "Details of service providers awarded grant funding from the Ministry of Justice.\n\n"
    "Support for victims of flooding\n\n"
    "MOJ has awarded a grant of £37,500 to the Oakdale Trust for the period 1 April - 30 June 2019 for the provision "
    "of specialist support.\n\n"
    "Support for people bereaved by homicide\n\n"
    "Oakdale Women's Aid was the winning bidder and has been awarded grant funding of up to £6.802 million over "
    "2019/20 to 2020/21.\n"
)

_VIREMENT = (
    "Office of the Police and Crime Commissioner for Oakshire\n\nPurchase of vehicles\n\nDecision:\n\n"
    "To approve Oakshire Constabulary to vire £380k from the 2014/15 revenue budget underspend to the capital "
    "budget.\n"
)


def test_pounds_and_pence_joined_by_a_hyphen_are_read_together():
    assert len(lines_of(_HYPHEN, "2367.29")) == 1
    assert not lines_of(_HYPHEN, "2367")


def test_a_funders_own_page_gives_the_bodies_it_awards_as_the_parties():
    assert [m.counterparty for m in lines_of(_FUNDERS_PAGE, "37500")] == ["Oakdale Trust"]
    assert [m.counterparty for m in lines_of(_FUNDERS_PAGE, "6802000")] == ["Oakdale Women's Aid"]


def test_a_sum_moved_by_a_virement_has_no_party():
    lines = lines_of(_VIREMENT, "380000")
    assert lines and all(m.counterparty is None for m in lines)
