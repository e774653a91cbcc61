"""Ways records are written that the extractor reads since the forty-first round, on small hand-written snippets: a
figure with four digits before its first thousands separator ("£1000,000"), and a grants table naming each row by its
project, a dash, then the body that runs it, and a fund's name, heading the grants it makes, as no party."""

from .reading import lines_of

_MISPLACED = (
    "Oakdale Policing Decision\n\nThe Deputy Mayor approves the continuation of the Oakdale Neighbourhood "
    "Board Fund at £1000,000 for 2018/19.\n"
)

_PROJECTS = (
    "Oakdale Council\n\nRESOLVED to approve the following applications for assistance:\n\n"
    "Allotment Support Grant\n\nProject\n\nAward\n\n"
    "Community Hub Project – Oakdale Meadow Allotments\n\n£800.00\n\n"
    "Drainage and accessibility - Oakbrook Community Allotments\n\n£1,000.00\n"
)

_FUND = (
    "Oakdale Church Trust Fund\n\nDecision:\n\n1. That the Oakdale Church Trust Fund be reopened for "
    "applications.\n\n2. Grants will not normally exceed £1,000 per applicant.\n"
)


def test_four_digits_before_a_thousands_separator_are_read_whole_and_flagged():
    lines = lines_of(_MISPLACED, "1000000")
    assert len(lines) == 1 and "“£1000,000”" in lines[0].warning
    assert not lines_of(_MISPLACED, "1000")


def test_the_body_after_a_projects_name_is_the_party():
    assert [m.counterparty for m in lines_of(_PROJECTS, "800")] == ["Oakdale Meadow Allotments"]
    assert [m.counterparty for m in lines_of(_PROJECTS, "1000")] == ["Oakbrook Community Allotments"]


def test_a_funds_own_name_is_not_the_party_to_its_grants():
    lines = lines_of(_FUND, "1000")
    assert lines and all(m.counterparty is None for m in lines)
