"""Ways records are written that the extractor reads since the sixtieth round, on small hand-written snippets: a body's
name in running text keeps the place or word at its head ("to Northbury Citizens Advice Bureau", "to Links CVS", "to
the Dale Centre for Voluntary Services"), but not an office, a project or a word for the body's part before it; and a sum
that many grants came to ("The grants requested this evening totalled £4,634"), or whose parts to named bodies follow
in brackets, is a total."""

from .reading import lines_of

_SETTLEMENT = (
    "Minutes\n\nAdvice services funding\n\n"
    "Resolved:\n\n"
    "1. That a two-year funding settlement be allocated to Northbury Citizens Advice Bureau with £62,100 allocated "
    "for 2024/25.\n"
)


def test_a_place_at_the_head_of_a_body_named_in_running_text_is_part_of_its_name():
    assert [m.counterparty for m in lines_of(_SETTLEMENT, "62100")] == ["Northbury Citizens Advice Bureau"]


def test_a_body_ending_in_for_and_its_purpose_keeps_its_whole_name():
    text = ("Decision details\n\nGrants to voluntary organisations\n\n"
            "Decision:\n\n1. Cabinet approve grant funding to the Dale Centre for Voluntary Services in the sum of "
            "£71,000 per annum.\n")
    assert [m.counterparty for m in lines_of(text, "71000")] == ["Dale Centre for Voluntary Services"]


def test_a_word_for_the_bodys_part_before_its_name_is_not_taken_into_it():
    text = ("Minutes\n\nAdvice services funding\n\n"
            "Resolved:\n\n1. That a funding settlement be allocated to the Successful Contractor Northbury Citizens "
            "Advice Bureau with £62,100 allocated for 2024/25.\n")
    assert "Successful" not in (lines_of(text, "62100")[0].counterparty or "")


def test_grants_said_to_total_a_sum_make_it_a_total():
    text = ("Minutes\n\nArea committee grants\n\n"
            "· The grants requested this evening totalled £4,634;\n")
    assert [m.role for m in lines_of(text, "4634")] == ["total"]


def test_a_sum_followed_by_its_parts_to_named_bodies_is_a_total():
    text = ("Minutes\n\nAdvice services\n\n"
            "In 2021/22 the core grant support totalled £310,000 (£235,000 to Northbury and £75,000 to Southbury).\n")
    assert [m.role for m in lines_of(text, "310000")] == ["total"]


def test_a_sum_followed_by_its_parts_in_years_is_not_a_total():
    text = ("Decision details\n\nDomestic abuse support\n\n"
            "Decision:\n\nTo award grant funding totalling up to £223,000 (£205,000 in 2022-23 and £18,000 in "
            "2023-24) to Oakdale Women's Aid.\n")
    assert [m.role for m in lines_of(text, "223000")] != ["total"]
