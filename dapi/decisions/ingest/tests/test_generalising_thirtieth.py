"""Ways records are written that the extractor reads since the thirtieth round, each rule on small hand-written
snippets: a bulleted list whose items open with the body paid ("· Home Group – hostel accommodation - £58,938.63"),
read for a name no list of organisations holds when another item of the list is read the same way; a sum said to be
"government funding" ("£2m in Government funding") comes from the government; and a sum's body named after
"£100k grant to" or "as funding together with Warbreck Ward to"."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal

_HOSTELS = ("Decision\nThe Cabinet Member approved grants to the following recipients:\n"
            "· Futures Housing Group – hostel accommodation - £46,641.96;\n"
            "· Home Group – hostel accommodation - £58,938.63\n"
            "· Cross Keys Homes – hostel accommodation - £67,610.91\n")


def test_a_list_item_opening_with_a_name_names_its_body_as_the_other_items_do():
    for amount, name in (("58938.63", "Home Group"), ("67610.91", "Cross Keys Homes")):
        [line] = lines_of(_HOSTELS, amount)
        assert line.counterparty == name
        assert line.role == "grant"
        assert name in line.warning


def test_a_list_item_whose_name_is_in_brackets_before_its_sums_names_its_body():
    text = ("Decision\nRESOLVED: That Cabinet approved the allocation of grant funding as follows:\n"
            "o Keystage Housing (£134k in 2023/24)\no OneYMCA (£172k in 2023/24)\n")
    [line] = lines_of(text, "172000")
    assert line.counterparty == "OneYMCA"
    assert line.warning


def test_a_list_item_is_not_read_for_a_name_without_another_item_named_or_a_name_in_capitals():
    unnamed = ("Decision\nThe Cabinet Member approved grants to the following recipients:\n"
               "· Home Group – hostel accommodation - £58,938.63\n· Cross Keys Homes – hostel accommodation - £67,610.91\n")
    assert [line.counterparty for line in lines_of(unnamed, "58938.63")] == [None]
    described = ("Decision\nRESOLVED: That Cabinet approved the allocation of grant funding as follows:\n"
                 "o Keystage Housing (£134k in 2023/24)\no Rough sleeper outreach service (£35k in 2024/25)\n")
    assert [line.counterparty for line in lines_of(described, "35000")] == [None]


def test_a_sum_of_government_funding_comes_from_the_government():
    for text in ("Minutes:\nCllr Maxwell welcomed the award of over £2m in Government funding to assist the Council.\n",
                 "Decision\nApproval is sought for the receipt and expenditure of £6.66m of Government funding.\n"):
        [line] = [m for m in extract_text(text).money if m.amount in (D("2000000"), D("6660000"))]
        assert line.counterparty == "Government"
        assert line.role == "award"
        assert line.warning


def test_government_funding_shared_out_or_paid_by_a_named_department_is_not_given_the_government():
    shared = "Decision\nPCCs can bid for a share of £60 million Government funding available for tackling crime.\n"
    assert [line.counterparty for line in lines_of(shared, "60000000")] == [None]
    named = "Decision\nReceipt of £542,000 of government funding from DLUHC for Crisis at Christmas.\n"
    assert all(line.counterparty != "Government" for line in lines_of(named, "542000"))


def test_a_sum_of_grant_to_a_body_named_right_after_it_is_paid_to_that_body():
    text = ("Decision\nThe Deputy Mayor is asked to:\n  • Approve a £100k grant to British Transport Police to "
            "enable enhanced activity.\n")
    [line] = lines_of(text, "100000")
    assert line.counterparty == "British Transport Police"
    co_funded = ("Decision\nCouncillors Ryan and Wright of Greenlands Ward have requested £5,000 as funding together "
                 "with Warbreck Ward to Highways and Traffic Management Services for a new pedestrian refuge.\n")
    [line] = lines_of(co_funded, "5000")
    assert line.counterparty == "Highways and Traffic Management Services"
