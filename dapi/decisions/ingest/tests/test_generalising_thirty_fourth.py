"""Ways records are written that the extractor reads since the thirty-fourth round, on small hand-written snippets: a
list of a budget's headings with their sums ("(2) Member Expenses £0", "(3) Panel Meeting Expenses £1,443.24"), whose
label, numbered or not, ends in a word for a kind of spending, names no body paid (an `other` line with a warning),
while a row naming a body is still read as its counterparty; a sum "ring fenced as a Grant to" a body is that body's,
not the meeting's board the title names; a contribution or funding left without a body is the one body the record's
words of funding name ("an award of funding to X", "the funding agreement with X"), with a warning, and no body when
they name two; and "Police Scotland", a national police service named with "Police" first, is a body."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


_BUDGET = ("Panel Grant 2021/22\n\nThe maximum which could be claimed from the Home Office in 2021/22 was £60,000. The "
           "amount claimed is set out below.\n\n(1) Panel Support £20,100.00\n(2) Member Expenses £0\n"
           "(3) Panel Meeting Expenses £1,250.40\n(4) Allowances £0.00\nTotal claimed from the Home Office £21,350.40\n")

_MIXED = ("Grant Funding 2021/22\n\nThe amounts paid from the grant are set out below.\n\n(1) Oakdale Youth Trust £2,000.00\n"
          "(2) Travel and Subsistence £900.00\n(3) Hilltop Carers £1,500.00\n")

def test_a_numbered_budget_heading_ending_in_expenses_names_nobody_paid():
    [line] = lines_of(_BUDGET, "1250.40")
    assert (line.counterparty, line.role) == (None, "other")
    assert "heading of a budget" in line.warning


def test_a_budget_heading_of_one_word_names_nobody_paid():
    assert [(m.counterparty, m.role) for m in lines_of(_BUDGET, "0")] == [(None, "other"), (None, "other")]


def test_a_row_ending_in_a_word_for_spending_beside_rows_of_bodies_names_nobody_paid():
    [line] = lines_of(_MIXED, "900")
    assert line.counterparty is None
    assert "heading of a budget" in line.warning


def test_a_numbered_row_naming_a_body_beside_a_budget_heading_is_still_its_counterparty():
    assert [m.counterparty for m in lines_of(_MIXED, "2000")] == ["Oakdale Youth Trust"]
    assert [m.counterparty for m in lines_of(_MIXED, "1500")] == ["(3) Hilltop Carers"]


_RING_FENCED = ("Grants Board - Tuesday 4th October 2022\n\nMembers noted that as part of the budget setting work there had "
                "also been a proposal that £60,000 be ring fenced as a Grant to the Oakdale Advice Trust, which was "
                "subject to formal approval by Cabinet.\n")


def test_a_sum_ring_fenced_as_a_grant_to_a_body_is_that_body_s_not_the_meeting_s():
    assert [m.counterparty for m in lines_of(_RING_FENCED, "60000")] == ["Oakdale Advice Trust"]


_FUNDED = ("Community Safety Fund\n\nDecision\n\n1. To make an award of funding to Oakdale Youth Trust on the basis that "
           "the project will benefit the town.\n\n2. That if half of the project commences the contribution to the "
           "project will be £2,100.50 and that this contribution will increase to £4,201 where the full project is "
           "delivered.\n")

_TWO_FUNDED = _FUNDED.replace("delivered.\n", "delivered.\n\n3. To make an award of funding to Riverside Carers Trust "
                                               "for its own project.\n")


def test_a_contribution_left_without_a_body_is_the_one_body_the_record_s_funding_is_made_to_with_a_warning():
    lines = lines_of(_FUNDED, "2100.50") + lines_of(_FUNDED, "4201")
    assert [m.counterparty for m in lines] == ["Oakdale Youth Trust", "Oakdale Youth Trust"]
    assert all("the only body the record's funding is made to" in m.warning for m in lines)


def test_a_contribution_is_given_no_body_when_the_record_funds_two():
    assert [m.counterparty for m in lines_of(_TWO_FUNDED, "4201")] == [None]


_SCOTLAND = ("Councillors have agreed to reinstate funding for two Community Action Teams.\n\nThe council voted in "
             "favour of reinstating the funding agreement with Police Scotland.\n\nThe £500,000 annual funding for the "
             "two teams was withdrawn in previous budget savings.\n")


def test_police_scotland_is_a_body_and_the_funding_agreement_s_party():
    draft = extract_text(_SCOTLAND)
    assert "Police Scotland" in [o.value for o in draft.organisations]
    assert [m.counterparty for m in lines_of(_SCOTLAND, "500000")] == ["Police Scotland"]
