"""Ways records are written that the extractor reads since the sixty-fifth round, on small hand-written snippets: a
sum whose own next words say which body it goes to ("up to £18,500 by way of a grant to Riverside Voices", "a £12,750
payment to Hillview Refuge", "£21,000 will go to Cwm Teg Society's projects") is that body's, not the party of the sum
beside it; and a list line or a table's cell that names a body and then what it is paid for or where, a dash or
brackets between ("Hillside Growing Club - Eastfield, Northbury", "Hillside Arts (Hillside Summer Festival) - £20,000"),
is the body's."""

from .reading import lines_of


def test_a_sum_given_by_way_of_a_grant_to_a_body_is_that_bodys_not_its_neighbours():
    text = ("Decision\n\nThat the Mayor approves:\n\n"
            "1. receipt of £300,000 of funding from the Department for Northern Affairs\n\n"
            "2. expenditure of the above £300,000 as follows:\n\n"
            "a. £120,000 for the outreach contract with Northgate Housing Trust\n\n"
            "b. up to £18,500 by way of a grant to Riverside Voices for the advisory group in 2025-26\n")
    assert [m.counterparty for m in lines_of(text, "18500")] == ["Riverside Voices"]


def test_a_payment_to_a_body_is_that_bodys_not_the_place_named_before_it():
    text = ("Minister approves grants\n\nThe minister has approved £40,000 for Eastvale council for an extension to its "
            "Harbour Centre, and a £12,750 payment to Hillview Refuge in Northbury to renovate its rooms.\n")
    assert [m.counterparty for m in lines_of(text, "12750")] == ["Hillview Refuge"]


def test_a_sum_that_will_go_to_a_body_is_that_bodys_without_its_possessive():
    text = ("Grants panel\n\nPark Lane Football Club will receive £6,000 to update changing rooms, £21,000 will go to "
            "Cwm Teg Society’s community links projects, and £3,000 was approved for the Old Mill Trust.\n")
    assert [m.counterparty for m in lines_of(text, "21000")] == ["Cwm Teg Society"]


def test_a_funders_grant_to_a_council_keeps_the_funder_as_the_party():
    text = ("Decision\n\nUnder Section 31 of the Local Government Act 2003, the Department for Northern Affairs has "
            "awarded a grant of £250,000 to Northbury City Council. The grant period is 1st April 2025 to 31st March "
            "2026.\n")
    assert [m.counterparty for m in lines_of(text, "250000")] == ["Department for Northern Affairs"]


def test_a_table_cell_of_a_body_and_its_place_after_a_dash_is_the_bodys():
    text = ("Decisions of the Executive Member\n\nRESOLVED to approve the following grants, subject to the usual terms "
            "and conditions:\n\nCommunity Garden Grant\n\nProject\n\nAward\n\n"
            "Hillside Growing Club - Eastfield, Northbury\n\n£4,250.00\n\n"
            "Riverside Allotment Society - Westbrook\n\n£1,300.00\n\nOld Mill Gardeners - Northbury\n\n£900.00\n\n")
    assert [m.counterparty for m in lines_of(text, "4250")] == ["Hillside Growing Club"]
    assert [m.counterparty for m in lines_of(text, "1300")] == ["Riverside Allotment Society"]


def test_a_list_line_of_a_body_and_its_event_in_brackets_is_the_bodys_with_a_warning():
    text = ("Minutes\n\nThe committee noted that it had agreed to fund the following summer events:\n\n"
            "·        Hillside Arts (Hillside Summer Festival) - £20,000;\n\n"
            "·        Dockside Youth Network (Diversionary Activities) - £8,000;\n")
    lines = lines_of(text, "20000")
    assert [m.counterparty for m in lines] == ["Hillside Arts"]
    assert "check who is paid" in lines[0].warning
    assert [m.counterparty for m in lines_of(text, "8000")] == ["Dockside Youth Network"]


def test_a_service_with_its_provider_in_brackets_keeps_the_provider():
    text = ("Decision\n\nThe following services are funded:\n\n• Northbury Stalking Service (Safe Lives Trust) £18,000\n\n"
            "• Eastside Advocacy Service (Women Together Network) £22,000\n")
    assert [m.counterparty for m in lines_of(text, "18000")] == ["Safe Lives Trust"]
