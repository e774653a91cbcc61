"""Ways records are written that the extractor reads since the forty-eighth round, on small hand-written snippets: a
sum added "to the <name> capital programme" goes into the deciding body's own programme, named after the committee or
portfolio that runs it, so the name is no party and the sum is read as "other"; and a party whose name ends in
"Budget" ("the Mayoral Budget") is a pot of money, never a body."""

from .reading import lines_of

_PROGRAMME = (
    "Oakshire County Council\n\nCabinet - Wednesday, 7th February, 2024\n\n"
    "Decision:\n\n"
    "(a) that an increase of £4 million to the Highways Parks and Waste 2024/25 capital programme funded by "
    "capital receipts be approved;\n"
)


def test_a_sum_added_to_a_named_capital_programme_has_no_party():
    lines = lines_of(_PROGRAMME, "4000000")
    assert [m.counterparty for m in lines] == [None]
    assert [m.role for m in lines] == ["other"]


_BUDGET = (
    "Oakshire Combined Authority\n\nMayoral Combined Authority Board - Friday, 9th June, 2023\n\n"
    "Decision:\n\n"
    "1.    The Board approved a sum of up to £750,000 to be allocated to the Mayoral Budget to support the costs "
    "of business cases for bus schemes within the Combined Authority area;\n"
)


def test_a_budget_is_never_a_party():
    assert all(m.counterparty != "Mayoral Budget" for m in lines_of(_BUDGET, "750000"))
    assert lines_of(_BUDGET, "750000")
