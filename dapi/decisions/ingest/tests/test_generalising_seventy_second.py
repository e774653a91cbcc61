"""Ways records are written that the extractor reads since the seventy-second round, on small hand-written snippets: a
sum said to be the deciding body's own or local money beside a government's grant ("£310,000 is a grant from the
Department for Fairness and £420,000 is NVPO funding", "an additional £1,250,000 comes from local discretionary
funding", "an allocated £2,250,000 PCC budget", "council funds of up to £2,400,000") is no line with the government:
it has no party, and a warning."""

from .reading import lines_of


def test_a_sum_said_to_be_the_bodys_own_funding_beside_a_departments_grant_has_no_party():
    text = ("Decision\n\nThe service will cost £730,000, of which £310,000 is a grant from the Department for Fairness "
            "and £420,000 is NVPO funding.\n")
    lines = lines_of(text, "420000")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]
    assert lines[0].warning
    assert [m.counterparty for m in lines_of(text, "310000")] == ["Department for Fairness"]


def test_a_sum_that_comes_from_local_funding_is_not_central_governments():
    text = ("Commissioning\n\n68% of the commissioning budget comes from central government, but an additional "
            "£1,250,000 comes from local discretionary funding to create a Safer Villages Fund.\n")
    lines = lines_of(text, "1250000")
    assert [m.counterparty for m in lines] == [None]
    assert lines[0].warning


def test_an_allocated_budget_named_by_the_bodys_initials_is_not_the_departments():
    text = ("Budget\n\nThis budget combines the Department for Fairness £1,100,000 Victim Services Grant used to fund "
            "victim care and an allocated £2,250,000 PCC budget to support delivery of the Plan.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "2250000")] == [(None, "other")]
    assert [m.counterparty for m in lines_of(text, "1100000")] == ["Department for Fairness"]


def test_council_funds_used_beside_a_government_grant_have_no_party():
    text = ("Towns Fund\n\nThe Cabinet agreed to accept £2,900,000 from the Department for Towns and to use council "
            "funds of up to £2,400,000 to start the programme in April.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "2400000")] == [(None, "other")]
