"""Ways records are written that the extractor reads since the sixty-ninth round, on small hand-written snippets, all
about a line's role: a sum shared by several recipients ("£64,000 shared by 18 community initiatives", "a share of over
£15,000") is their total; a total cost, spend, balance or reserve ("the estimated total cost of £120,400", "budgets
totalling £95,500") is not a total of payments but `other`; the most or least a grant scheme gives ("grants of up to
a maximum of £3,000", "range from £2,000 to £12,000") is a limit, `other`; and a sum moved within the body's own funds with no
other party ("allocate £82,000 from the Feasibility Reserve") is `other`, not an allocation."""

from .reading import lines_of


def test_a_sum_shared_by_several_initiatives_is_their_total():
    text = ("Commissioner opens second round\n\nLast spring, round one of the Commissioner’s Fund saw around £64,000 "
            "shared by 18 community initiatives across the county.\n")
    assert [m.role for m in lines_of(text, "64000")] == ["total"]


def test_a_sum_split_between_organisations_is_their_total():
    text = ("Commissioner grants announced\n\nMore than £210,000 will be split between the 11 organisations named by "
            "the commissioner yesterday.\n")
    assert [m.role for m in lines_of(text, "210000")] == ["total"]


def test_a_share_of_a_sum_given_to_projects_is_their_total():
    text = ("Community grants\n\nNine Eastvale projects which help reduce crime have been given a share of over £15,000 "
            "worth of funding under the scheme.\n")
    assert [m.role for m in lines_of(text, "15000")] == ["total"]


def test_a_request_shared_across_organisations_is_not_read_as_their_total():
    text = "Minutes\n\nMembers considered a joint request for £120,000 shared across four organisations based in the city.\n"
    assert [m.role for m in lines_of(text, "120000")] == ["other"]


def test_an_estimated_total_cost_is_not_a_total_of_payments():
    text = ("Decision\n\nRESOLVED\n\n(i) to approve the scheme for the new depot;\n\n(ii) to approve the estimated total "
            "cost of £120,400 after implementation of agreed savings;\n")
    assert [m.role for m in lines_of(text, "120400")] == ["other"]


def test_budgets_totalling_a_sum_are_not_a_total_of_payments():
    text = ("Decision\n\n1. That the establishment of supplementary revenue budgets totalling £95,500 fully funded by "
            "the Safer Streets grant be approved.\n")
    assert [m.role for m in lines_of(text, "95500")] == ["other"]


def test_a_total_balance_is_not_a_total_of_payments():
    text = ("Minutes\n\nThe budget balance for the Committee was contained in table 1, with the total balance being "
            "£42,310.55 and the ward split as shown.\n")
    assert [m.role for m in lines_of(text, "42310.55")] == ["other"]


def test_grants_of_up_to_a_maximum_are_a_limit():
    text = ("Fund results\n\nA total of 20 schemes received grants of up to a maximum of £3,000. The aim is to deter "
            "crime.\n")
    assert [m.role for m in lines_of(text, "3000")] == ["other"]


def test_funding_of_up_to_a_sum_for_a_kind_of_applicant_is_a_limit():
    text = ("Volunteering\n\nThe annual Small Grants programme offers funding of up to £8,000 to third sector "
            "organisations who run volunteering projects.\n")
    assert [m.role for m in lines_of(text, "8000")] == ["other"]


def test_grants_limited_to_a_sum_per_application_are_a_limit():
    text = "Grants\n\nThe report noted that small community grants were limited to a maximum of £1,200 per application.\n"
    assert [m.role for m in lines_of(text, "1200")] == ["other"]


def test_both_ends_of_a_range_of_grants_are_limits():
    text = ("Grants for safer communities\n\nThe grants, which range from £2,000 to £12,000, will support a variety of "
            "organisations, including youth projects.\n")
    assert [m.role for m in lines_of(text, "2000")] == ["other"]
    assert [m.role for m in lines_of(text, "12000")] == ["other"]


def test_grants_that_will_not_exceed_a_sum_are_a_limit():
    text = ("Decision\n\nThat the following maximum grant values be approved:\n\na) Grants will not normally exceed "
            "£800 and in exceptional circumstances £2,500 per applicant.\n")
    assert [m.role for m in lines_of(text, "800")] == ["other"]
    assert [m.role for m in lines_of(text, "2500")] == ["other"]


def test_a_sum_allocated_from_a_reserve_is_not_an_allocation():
    text = ("Decision\n\nThis report requests Cabinet Member approval to allocate £82,000 from the Feasibility Reserve, "
            "to support the funding for the first two years of a permanent post.\n")
    assert [m.role for m in lines_of(text, "82000")] == ["other"]


def test_a_sum_moved_back_to_a_reserve_is_not_an_allocation():
    text = ("Minutes\n\nThe recommendations would be as follows:\n\na) Retain the Covid Reserve at £400k;\n\n"
            "b) Re-allocate £90k back to the General Reserve to return the balance to £250k.\n")
    assert [m.role for m in lines_of(text, "90000")] == ["other"]


def test_a_sum_allocated_to_deliver_work_stays_an_allocation():
    text = ("Decision\n\nRESOLVED: That Cabinet\n\n1. AGREED to allocate £150,000 from the Capital Reserve to deliver "
            "20 charging bays across four car parks.\n")
    assert [m.role for m in lines_of(text, "150000")] == ["allocation"]
