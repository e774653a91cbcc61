"""Ways records are written that the extractor reads since the sixty-second round, on small hand-written snippets: a
committee paper's byline ("Report of the Director of Children's Services") names the officer who wrote it, not the
other party of a sum; and a name that is only a service for people and "Service(s)" ("Children & Families Service")
is one of the deciding body's own departments, not another body."""

from .reading import lines_of


def test_a_reports_byline_is_not_the_party_of_a_sum():
    text = ("Report of the Director of Adult Services\n\nSummary\n\n"
            "The Council has been invited to join the national Home Support Programme. The programme would "
            "bring £1.25m grant funding across the 2 years 2025/26 to 2026/27 to deliver its aims.\n")
    assert [m.counterparty for m in lines_of(text, "1250000")] == [None]


def test_the_bodys_own_service_for_people_is_not_the_party_and_is_flagged():
    text = ("Minutes\n\nExecutive\n\nFamily support grant\n\n"
            "Resolved:\n\n1. That £640,000 be allocated to the Children & Families Service for the family hubs.\n")
    lines = lines_of(text, "640000")
    assert [m.counterparty for m in lines] == [None]
    assert "own services" in lines[0].warning


def test_a_body_with_a_proper_name_before_services_keeps_its_party():
    text = ("Minutes\n\nExecutive\n\nFamily support grant\n\n"
            "Resolved:\n\n1. That £640,000 be allocated to Northbury Youth Services for the family hubs.\n")
    assert [m.counterparty for m in lines_of(text, "640000")] == ["Northbury Youth Services"]
