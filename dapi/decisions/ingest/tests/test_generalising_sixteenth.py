"""Ways records are written that the extractor reads since the sixteenth round (issue 19), each rule on small
hand-written snippets: a body's name ending in a suffix, "and" and what it offers ("Housing and Support", "Refuge
and Advice") is one name, not cut before "and"; a sum "spent on" a task written in lower case is the body's own spending,
paid to no one; so is a budget the body "determines" or "sets" ("a budget of £50,000") and a sum called a
"budget provision". A word after "and" that names no service is not joined to the name."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return next(m for m in extract_text(text).money if m.amount == D(amount))


def test_a_name_ending_in_housing_and_support_is_read_whole():
    text = ("The Cabinet resolved that the direct award of contract, with a total value of £536,850, to Oakdale Housing "
            "and Support be approved for a period of one year.\n")
    assert _line(text, "536850").counterparty == "Oakdale Housing and Support"


def test_a_name_ending_in_refuge_and_advice_is_read_whole():
    text = ("The Cabinet resolved that a grant with a total value of £12,000 to Brookfield Refuge and Advice be "
            "approved.\n")
    assert _line(text, "12000").counterparty == "Brookfield Refuge and Advice"


def test_a_word_after_and_that_names_no_service_is_not_joined_to_the_name():
    text = "The Cabinet agreed a grant of £12,000 to Brookfield Housing and Barnet.\n"
    assert _line(text, "12000").counterparty != "Brookfield Housing and Barnet"


def test_a_sum_spent_on_a_task_is_paid_to_no_one():
    text = ("The Council will pass on £23,500 to Oakdale Area Refuge and Support (OARAS).\n\n"
            "Payment of £23,000 will be made to OARAS as grant and £500 spent on the development of proposals.\n")
    assert _line(text, "23000").counterparty == "Oakdale Area Refuge and Support"
    spent = _line(text, "500")
    assert (spent.counterparty, spent.role) == (None, "other")


def test_a_budget_the_council_determines_is_paid_to_no_one():
    text = ("The Cabinet resolved that the Council determines a budget of £50,000 for the financial year 2024/25 for "
            "Advice Services in the Oakdale area.\n")
    line = _line(text, "50000")
    assert line.counterparty is None


def test_a_sum_called_a_budget_provision_is_paid_to_no_one():
    text = ("The Executive Board Member presented the report and confirmed the Council’s commitment to ending rough "
            "sleeping, as evidenced by the £1.2M budget provision.\n")
    assert _line(text, "1200000").counterparty is None
