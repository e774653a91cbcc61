"""Ways records are written that the extractor reads since the forty-fifth round, on small hand-written snippets: a
contract's lots listed by number ("Lot 1 - £1,172,371"), whose number names no party; a sum matched from the
Community Infrastructure Levy ("£250,000 from CIL"), a levy and not a body; and a piece of work bought ("Additional
Highways Maintenance Works", "the Libraries Works Programme"), not the firm that does it, taken off with a warning."""

from .reading import lines_of

_LOTS = (
    "Oakdale Metropolitan Borough Council\n\nRecord of decision\n\nDecision: to award the home care framework.\n\n"
    "The overall contract values for each lot, including extensions which can be published are as follows:\n\n"
    "Lot 1 - £1,172,371\n\nLot 2 - £1,186,185\n"
)


def test_a_lot_number_is_never_a_party():
    for amount in ("1172371", "1186185"):
        lines = lines_of(_LOTS, amount)
        assert lines and all(m.counterparty is None for m in lines)


_LEVY = (
    "Oakdale Council\n\nCabinet decision\n\nIn March 2025, the Heritage Fund wrote to confirm an allocation of "
    "£900,000, match funded by £250,000 from CIL and £40,000 from legacies to the Gallery trust.\n"
    "(b) notes the match funding of £250,000 from CIL and £40,000 from restricted legacies; and\n"
)


def test_a_levy_is_not_a_party():
    lines = lines_of(_LEVY, "250000")
    assert lines and all(m.counterparty is None for m in lines)


_WORKS = (
    "Oakdale Borough Council\n\nAdditional Highways Maintenance Works\n\nDecision:\n\n"
    "That it be agreed to proceed to procurement for a consultancy team to scope the Libraries Works Programme "
    "at an estimated contract value of £860k.\n"
)


def test_a_piece_of_work_is_not_a_party_and_is_flagged():
    lines = lines_of(_WORKS, "860000")
    assert lines and all(m.counterparty is None for m in lines)
    assert any(m.warning and "the work bought" in m.warning for m in lines)
