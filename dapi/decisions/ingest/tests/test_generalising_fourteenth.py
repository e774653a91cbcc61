"""Ways records are written that the extractor reads since the fourteenth round (issue 19), each rule on small
hand-written snippets: a sum "of <funder> (<acronym>) <named> grant" is the funder's award; a source written in lower
case that ends in a fund's word ("from the home office safer streets funding to ...") does not hide the body paid
after it; a sum a body "has been allocated" after one funder "has allocated funding" is that funder's award (not when
two funders do); sums on the lines just below a sum "split across financial years", each line opening with a year,
are its parts (not after a line of prose); figures at the ends of lines whose "£" was lost ("?120" in a table headed
"?£,000") are read in thousands, each with a warning, not dropped (and a "?" before a number is no sum where no
heading says thousands of pounds); a sum "this amounts to" after a sentence in which one funder's money would be
allocated to the council is that funder's award; a limit on "individual grants to a sum up to and including" a figure
is a threshold, paid to no one."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def test_a_sum_of_a_funders_named_grant_with_its_acronym_is_the_funders_award():
    text = "This paper seeks approval for the acceptance of £412,300 of Home Office (HO) Safer Streets Fund grant for 2023/24."
    assert lines(text) == [(D("412300"), "award", "Home Office")]


def test_a_lower_case_source_before_the_recipient_does_not_make_the_sum_an_award():
    text = ("The Commissioner is recommended to approve the allocation of £45,000 grant from the home office safer "
            "streets funding to Oakdale Borough Council.")
    assert lines(text) == [(D("45000"), "allocation", "Oakdale Borough Council")]


def test_a_sum_a_body_has_been_allocated_after_a_funder_allocates_funding_is_the_funders_award():
    text = ("The Ministry of Justice have allocated funding to every area for victims' services. "
            "The partnership has been allocated a total of £318,400 and has sent in its plan.")
    assert lines(text) == [(D("318400"), "award", "Ministry of Justice")]


def test_a_sum_a_body_has_been_allocated_after_two_funders_allocate_is_given_to_neither():
    text = ("The Home Office has allocated funding for prevention. The Ministry of Justice has allocated funding for "
            "victims. The partnership has been allocated a total of £318,400 and has sent in its plan.")
    assert [counterparty for _, _, counterparty in lines(text)] == [None]


def test_sums_on_year_lines_below_a_sum_split_across_years_are_its_parts():
    text = ("The Home Office has awarded a grant of £90,000 to the Commissioner, split across financial years as below.\n"
            "-\n"
            "2024/25 staff costs: £40,000, other costs: £10,000\n"
            "-\n"
            "2025/26 staff costs: £32,000, other costs: £8,000\n"
            "The Commissioner is asked to note the terms.")
    assert lines(text) == [(D("90000"), "award", "Home Office"), (D("40000"), "award", "Home Office"),
                           (D("10000"), "award", "Home Office"), (D("32000"), "award", "Home Office"),
                           (D("8000"), "award", "Home Office")]


def test_a_sum_after_a_line_of_prose_is_not_a_part_of_a_sum_split_across_years():
    text = ("The Home Office has awarded a grant of £90,000 to the Commissioner, split across financial years as below.\n"
            "The Commissioner also pays for the helpline.\n"
            "2024/25 helpline costs: £12,000")
    assert lines(text)[1][2] is None


def test_figures_whose_pound_sign_was_lost_in_a_table_in_thousands_are_flagged_not_dropped():
    text = ("Additional schemes are added to the programme.\n"
            "?Scheme ?£,000\n"
            "?Footway renewal, Mill Lane, Oakdale ?120\n"
            "?Culvert repair, Brook Street, Oakdale ?45\n")
    money = extract_text(text).money
    assert [m.amount for m in money] == [D("120000"), D("45000")]
    assert "?120" in money[0].warning and "?45" in money[1].warning


def test_a_question_mark_before_a_figure_with_no_table_in_thousands_is_no_sum():
    text = ("Is the scheme on Mill Lane still number ?12\n"
            "and Brook Street ?45\n")
    assert extract_text(text).money == []


def test_a_sum_this_amounts_to_after_a_funder_allocates_to_the_council_is_the_funders_award():
    text = ("The Department for Education confirmed on 3 March that the holiday fund would be allocated to the County "
            "Council by formula. This amounts to an additional revenue grant allocation of £1.2m for Oakshire.")
    assert lines(text) == [(D("1200000"), "award", "Department for Education")]


def test_a_sum_this_amounts_to_after_no_allocation_to_the_council_is_not_the_funders_award():
    text = ("The Department for Education confirmed on 3 March that the holiday fund would continue. "
            "This amounts to an additional revenue grant allocation of £1.2m for Oakshire.")
    assert lines(text)[0][2] != "Department for Education"


def test_a_limit_on_individual_grants_to_a_sum_up_to_and_including_is_paid_to_no_one():
    text = ("Delegated authority: the Head of Service may approve business grants. Individual grants to a sum up to and "
            "including £2,500 from the agreed business grants budget. Payments are made by Oakdale Payments Ltd.")
    assert lines(text) == [(D("2500"), "other", None)]
