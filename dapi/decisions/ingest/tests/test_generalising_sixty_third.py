"""Ways records are written that the extractor reads since the sixty-third round, on small hand-written snippets: a
sum the deciding body receives, accepts or is asked for "from" a named body is that body's ("receipt of £46,000 from
the Northbury Policing Office", "a request for £9,500 for funding from LANTERN"); and a sum the words round it say is
given on "to" a named body is that body's ("£750 as funding to Hollins Road Chapel", "a contribution of up to
£4,000 (20% of the costs) from the Parish Fund budget to Upton Parish Council"); and a sum a named body "was
awarded", "applied for and were awarded" or "had received" is that body's ("Eastfield Village Hall was awarded a
Community Buildings grant of £7,500")."""

from .reading import lines_of


def test_a_sum_received_from_a_named_body_is_that_bodys():
    text = ("Decision\n\nThat the Mayor approves the receipt of £46,000 from the Northbury Policing Office as set out "
            "in paragraph 1.10.\n")
    assert [m.counterparty for m in lines_of(text, "46000")] == ["Northbury Policing Office"]


def test_a_sum_said_after_it_to_be_received_from_a_body_in_capitals_is_that_bodys():
    text = ("Finance\n\nThe clerk reported the income for the quarter. £650 was received from LANTERN for the "
            "litter picks.\n")
    assert [m.counterparty for m in lines_of(text, "650")] == ["LANTERN"]


def test_a_sum_requested_from_a_named_body_is_the_applicants():
    text = ("Minutes\n\nGrants Committee\n\nThe Committee considered a funding request for £9,500 for 2024/25 from "
            "the Eastfield Advice Centre (EAC) and agreed it.\n")
    assert [m.counterparty for m in lines_of(text, "9500")] == ["Eastfield Advice Centre"]


def test_a_sum_from_a_budget_or_a_fund_names_no_party():
    text = ("Decision\n\nThat the Mayor approves the receipt of £46,000 from the Northbury Recovery Fund as set out "
            "in paragraph 1.10.\n")
    assert [m.counterparty for m in lines_of(text, "46000")] == [None]


def test_a_sum_given_as_funding_to_a_named_body_is_that_bodys():
    text = ("Ward budgets\n\nCouncillors of Eastfield Ward have requested:\n\n(i) £750 as funding to Hollins Road "
            "Chapel towards the running costs of the lunch club.\n")
    assert [m.counterparty for m in lines_of(text, "750")] == ["Hollins Road Chapel"]


def test_a_sum_to_be_donated_to_a_named_body_is_that_bodys():
    text = ("Voluntary sector grants\n\nRESOLVED that:\n1) grants be awarded as set out in the report; and\n"
            "2) £2,500 be donated to Eastfield Arts Council, for 2025/26.\n")
    assert [m.counterparty for m in lines_of(text, "2500")] == ["Eastfield Arts Council"]


def test_a_contribution_of_a_sum_is_the_body_named_after_the_first_to():
    text = ("Area Committee\n\nRESOLVED: that members agreed a contribution of up to £4,000 (20% of the total "
            "project costs) from the Parish Fund budget to Upton Parish Council.\n")
    assert [m.counterparty for m in lines_of(text, "4000")] == ["Upton Parish Council"]


def test_a_contribution_to_fund_something_names_no_party_after_it():
    text = ("Area Committee\n\nRESOLVED: that members agreed a contribution of up to £4,000 to fund a new path "
            "from the green to Upton Village Hall.\n")
    assert [m.counterparty for m in lines_of(text, "4000")] == [None]


def test_a_body_awarded_a_named_grant_of_a_sum_is_its_party():
    text = ("Decision\n\n1.1. Eastfield Village Hall was awarded a Community Buildings grant of £7,500 on 3 May 2024 "
            "towards a new kitchen.\n1.2. The decision is to change the purpose of the grant.\n")
    assert [m.counterparty for m in lines_of(text, "7500")] == ["Eastfield Village Hall"]


def test_a_group_that_applied_for_and_was_awarded_a_sum_is_its_party():
    text = ("Property Fund awards\n\nThe 2nd Northbury Scout Group applied for and were awarded £1,240.50 to help "
            "towards the costs of a summer camp.\n")
    assert [m.counterparty for m in lines_of(text, "1240.50")] == ["2nd Northbury Scout Group"]


def test_a_club_that_had_received_a_sum_is_its_party_unless_a_giver_is_named_after_it():
    text = "Grants\n\nIt was stated that Northbury Tennis Club had received £3000 over the year.\n"
    assert [m.counterparty for m in lines_of(text, "3000")] == ["Northbury Tennis Club"]
    text = "Grants\n\nIt was stated that Northbury Tennis Club had received £3000 from the Eastfield Sports Trust.\n"
    assert [m.counterparty for m in lines_of(text, "3000")] != ["Northbury Tennis Club"]
