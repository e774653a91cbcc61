"""Ways records are written that the extractor reads since the seventy-fourth round, on small hand-written snippets: a
sum whose own clause goes on to name the body that gave it after "awarded by", "allocated by", "provided by" (and the
like) is that funder’s award ("to re-allocate £9m of tram grant funding previously awarded by the Department for
Rivers", "to receive up to £2,310,000 2026/27 funding provided by the Home Office"), even where an earlier rule drafted
the body on whose behalf it is received; a service "provided by" someone and money passed on "to" a body are not."""

from .reading import lines_of


def test_a_sum_later_said_to_be_awarded_by_a_department_is_its_award():
    text = ("Combined authority decisions\n\n1. That the budget report be noted.\n\n2. That the intention to "
            "re-allocate £9m of Tram Service Improvement Programme (TSIP) grant funding previously awarded by "
            "Department for Rivers to support tram services be approved.\n")
    lines = lines_of(text, "9000000")
    assert [(m.counterparty, m.role) for m in lines] == [("Department for Rivers", "award")]


def test_a_sum_later_said_to_be_allocated_by_central_government_is_its_award():
    text = ("Executive decision\n\nPurpose:\n\nThe proposal is to draw down new duties funding of around £415,220 "
            "when this is allocated by central government and agree spending of £120,000 on advice for tenants.\n")
    assert [m.counterparty for m in lines_of(text, "415220")] == ["central government"]


def test_a_funder_providing_money_received_on_another_bodys_behalf_replaces_that_body():
    text = ("Decisions\n\n  • PCD 9001 NRU Reform Grant Acceptance\n\n    A decision is required from the Commissioner "
            "on behalf of the NRU, to receive upto £2,310,000 2026/27 funding provided by the Home Office to continue "
            "the reform programme.\n")
    lines = lines_of(text, "2310000")
    assert [(m.counterparty, m.role) for m in lines] == [("Home Office", "award")]


def test_a_service_provided_by_a_body_does_not_make_it_the_funder():
    text = ("Decision\n\nThe Cabinet approved a budget of £300,000 for 2026/27 towards the training provided by the "
            "Home Office for volunteers.\n")
    assert [m.counterparty for m in lines_of(text, "300000")] != ["Home Office"]
