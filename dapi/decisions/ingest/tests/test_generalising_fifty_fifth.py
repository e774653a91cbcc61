"""Ways records are written that the extractor reads since the fifty-fifth round, on small hand-written snippets: a sum
followed by a sentence opening "This was <body> funding" is that body's award; a pot "to be held by" a body is its
allocation; "a grant of £X from A to the force" is A's award; a sum spent on "this service" goes to the one body
"commissioned to provide" it, with a warning; a body named only "such as" an example is no party (and the "up to" sum
it may apply for is `other`); a table cell saying its "payment was made via" a body names that body; a post "for" a
body is the body; a sum "as the upper threshold" has no party and is `other`; and the sum "this grant came to" is
from the one body its paragraph says the grant is received from, with a warning."""

from .reading import lines_of

_NEXT_SENTENCE = (
    "Commissioner's blog\n\nWhat we bid for last year\n\n"
    "Here is what we received from the various funds.\n\n"
    "Safer Parks Fund 2: £412,300. This was Home Office funding to light parks in two towns.\n\n"
    "Behaviour Change Phase 3: £233,150. Home Office funding towards a programme for repeat offenders.\n"
)


def test_a_sum_followed_by_this_was_body_funding_is_that_bodys_award():
    assert [(m.counterparty, m.role) for m in lines_of(_NEXT_SENTENCE, "412300")] == [("Home Office", "award")]


def test_a_sum_followed_by_a_sentence_opening_body_funding_is_that_bodys_award():
    assert [(m.counterparty, m.role) for m in lines_of(_NEXT_SENTENCE, "233150")] == [("Home Office", "award")]


_HELD = (
    "Commissioner funds shelters\n\n"
    "The £96k in funding will go to shelters across the county plus a new £4k Emergency Housing Fund to be held by "
    "Northshire Police’s Safeguarding Hub, for the first time, to pay for rooms when shelters are full.\n"
)


def test_a_pot_to_be_held_by_a_body_is_its_allocation():
    lines = lines_of(_HELD, "4000")
    assert [(m.counterparty, m.role) for m in lines] == [("Northshire Police’s Safeguarding Hub", "allocation")]


_GRANT_TO_FORCE = (
    "Decision\n\nCustody health support\n\n"
    "Recommendation\n\n"
    "  • Approve a grant of up to £0.175m per year from Regional Health Trust (RHT) Partnership to the MPS to "
    "contribute towards the cost of custody nurses.\n"
)


def test_a_grant_from_a_funder_to_the_force_is_the_funders_award():
    lines = lines_of(_GRANT_TO_FORCE, "175000")
    assert [(m.counterparty, m.role) for m in lines] == [("Regional Health Trust (RHT) Partnership", "award")]


_GRANT_BETWEEN_OTHERS = _GRANT_TO_FORCE.replace("to the MPS", "to the Borough Councils")


def test_a_grant_between_two_other_bodies_is_not_read_as_an_award():
    assert [m.role for m in lines_of(_GRANT_BETWEEN_OTHERS, "175000") if m.role == "award"] == []


_COMMISSIONED = (
    "Commissioner awards new contract\n\n"
    "The PCC has commissioned Safe Steps Charity to provide an advocacy service for victims across the county.\n"
    "With almost £85,000 a year invested in this new service, victims will be seen within a week.\n"
)


def test_a_sum_spent_on_this_service_goes_to_the_one_body_commissioned_flagged():
    lines = lines_of(_COMMISSIONED, "85000")
    assert [(m.counterparty, m.role) for m in lines] == [("Safe Steps Charity", "contract")]
    assert "commissioned" in lines[0].warning


_EXAMPLES = (
    "Decision record\n\nRoad safety fund\n\n"
    "Allocate £120,000 from the reserve to a road safety fund. The fund is one that local groups such as Village "
    "Councils, schools and clubs can apply to for a small grant of up to £4,000.\n"
)


def test_a_body_named_only_as_an_example_of_who_may_apply_is_no_party_and_the_bound_is_other():
    assert [(m.counterparty, m.role) for m in lines_of(_EXAMPLES, "4000")] == [(None, "other")]


_CELLS = (
    "Freedom of information response\n\n"
    "Year | Project funded | Payment amount (£) |\n"
    "2021 | Blade Sculpture | £6,000 |\n"
    "2022 | Blade Sculpture | Payment made via the Town Safety Partnership £11,000 |\n"
    "2022 | Mentor Worker for the Youth Trust | £18,000 |\n"
)


def test_a_cell_saying_its_payment_was_made_via_a_body_names_that_body():
    assert [m.counterparty for m in lines_of(_CELLS, "11000")] == ["Town Safety Partnership"]


def test_a_post_for_a_body_is_the_body():
    assert [m.counterparty for m in lines_of(_CELLS, "18000")] == ["Youth Trust"]


_THRESHOLD = (
    "Decision\n\nRoad safety grants\n\n"
    "Lot 1 set criteria for schemes up to £8k which included speed signs and gateways.\n"
    "Lot 2 sought to fund Harbour Trust projects with up to £120k as the upper threshold limit for these bids.\n"
)


def test_a_sum_called_the_upper_threshold_has_no_party_and_is_other():
    assert [(m.counterparty, m.role) for m in lines_of(_THRESHOLD, "120000")] == [(None, "other")]



_THIS_GRANT = (
    "Commissioner's blog\n\nHow services are paid for\n\n"
    "Each year I receive from the Department of Fair Courts (DFC) a sum of money to commission services for victims. "
    "Charities deliver them. Last year this core grant came to £2.3m.\n"
)


def test_the_sum_this_grant_came_to_is_from_the_body_the_paragraph_receives_it_from_flagged():
    lines = lines_of(_THIS_GRANT, "2300000")
    assert [(m.counterparty, m.role) for m in lines] == [("Department of Fair Courts", "award")]
    assert "received from" in lines[0].warning
