"""Ways records are written that the extractor reads since the seventy-seventh round, on small hand-written snippets:
a sum the sentence says is granted or awarded to a named body ("by way of grant of £64,000 to Ashvale Police", "To
award Kestrel Borough Council £3,150") is a `grant`, though the sentence also speaks of an allocation."""

from .reading import lines_of


def test_an_allocation_made_by_way_of_a_grant_of_a_sum_to_a_body_is_a_grant():
    text = ("Decision\n\nThe Deputy Commissioner approves the allocation of this funding by way of grant of £64,000 to "
            "Ashvale Police to support the summer patrols.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "64000")] == [("Ashvale Police", "grant")]


def test_a_resolution_to_award_a_named_body_a_sum_is_a_grant_beside_an_allocation():
    text = ("Community Safety Fund\n\nKestrel Borough Council – Safer Parks\nTo award Kestrel Borough Council £3,150 "
            "to support the safer parks scheme, from the allocation agreed for the borough.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "3150")] == [("Kestrel Borough Council", "grant")]


def test_a_sentence_that_agrees_to_award_a_body_a_sum_is_left_as_read():
    text = ("Decision\n\nThe Deputy Mayor agrees to award Ashvale Police £9,000 and the Merrow Trust £4,400 to support "
            "the rollout of project KITE; the funding will be used from the Home Office allocation.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "9000")] == [("Ashvale Police", "allocation")]


def test_a_grant_of_a_sum_to_a_partnership_is_left_its_allocation():
    text = ("Decision\n\nThe Cabinet approves the allocation of this funding by way of grant of £42,000 to the Safer "
            "Parks Partnership for 2025/26.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "42000")] == [("Safer Parks Partnership", "allocation")]
