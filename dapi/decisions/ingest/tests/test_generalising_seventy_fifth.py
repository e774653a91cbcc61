"""Ways records are written that the extractor reads since the seventy-fifth round, on small hand-written snippets: a
sum in a block of a grant schedule or a decision log whose body is named in a labelled field a few lines above it
("Applicant: Eastbrook Rowing Club" ... "Decision: Award grant of £4,500") takes that body as its party; the field of
the block before, with its own sum between, does not."""

from .reading import lines_of


def test_a_decision_under_an_applicant_field_and_a_description_names_the_applicant():
    text = ("Delegated decisions\n\nRiverside Boathouse Restoration\n\nApplicant: Eastbrook Rowing Club, NORTHSHIRE\n\n"
            "Project description: The club will repair the old boathouse and open it to local schools.\n\n"
            "Decision: Award grant of £4,500 (90%)\n")
    assert [m.counterparty for m in lines_of(text, "4500")] == ["Eastbrook Rowing Club"]


def test_a_grant_requested_under_an_applicant_and_project_name_names_the_applicant():
    text = ("RESOLVED that the following application be approved:-\n\nApplicant: Hillbrook Town Council\n\n"
            "Project Name: Hillbrook Square Phase 2\n\nGrant requested: £27,400\n")
    assert [m.counterparty for m in lines_of(text, "27400")] == ["Hillbrook Town Council"]


def test_the_field_of_the_block_before_with_its_own_sum_between_is_not_taken():
    text = ("Decisions\n\nApplicant: Westfield Heritage Group\n\nDecision: Award grant of £8,200\n\n"
            "The committee also noted the sum of £3,100 held over from last year for the museum store.\n")
    assert [m.counterparty for m in lines_of(text, "8200")] == ["Westfield Heritage Group"]
    assert [m.counterparty for m in lines_of(text, "3100")] != ["Westfield Heritage Group"]
