"""Ways records are written that the extractor reads since the sixty-first round, on small hand-written snippets: a
sum a named body is said just before it to have received ("Northbury Women's Aid (NWA) received £3,120") is that
body's; and the bulleted costs of a record whose purpose is funding for one named body ("To allocate funding ... to
Dale police for the projects outlined") are that body's, unless a second body is so named."""

from .reading import lines_of

_RECEIVED = (
    "News\n\nCommunity fund opens\n\n"
    "Last year, Northbury Women's Aid (NWA) received £3,120 to run evening drop-in sessions.\n"
)

_BULLETS = (
    "Decision notice\n\nRoad safety funding\n\n"
    "To allocate additional funding as set out in this notice to Dale police for the projects outlined below.\n\n"
    "Funding is made available as follows:\n\n"
    "  • To provide funding for a casualty reduction officer at a cost of £41,250\n"
    "  • To provide funding for speed awareness events at a cost of £7,800.\n"
)


def test_a_body_said_to_have_received_a_sum_just_before_it_is_its_party():
    assert [m.counterparty for m in lines_of(_RECEIVED, "3120")] == ["Northbury Women's Aid"]


def test_bulleted_costs_of_funding_for_one_named_body_are_that_bodys():
    assert [m.counterparty for m in lines_of(_BULLETS, "41250")] == ["Dale police"]
    assert [m.counterparty for m in lines_of(_BULLETS, "7800")] == ["Dale police"]


def test_bulleted_costs_are_not_given_a_body_when_two_bodies_are_funded():
    text = _BULLETS.replace(
        "outlined below.", "outlined below. To allocate further funding to Fenwick Road Safety Partnership.")
    assert [m.counterparty for m in lines_of(text, "41250")] == [None]


def test_the_last_of_several_bodies_said_to_have_received_a_sum_is_not_its_party():
    text = _RECEIVED.replace("Northbury Women's Aid (NWA)", "Dale Youth Trust (DYT) and Northbury Women's Aid (NWA) have")
    assert [m.counterparty for m in lines_of(text, "3120")] == [None]
