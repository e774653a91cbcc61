"""Ways records are written that the extractor reads since the seventeenth round (issue 19), each rule on small
hand-written snippets: an application, request or bid "received" is no money received, so the applicant named in it
is paid (what a bid "received for" a sum asked is that sum, not yet granted); a resolution "that £500 be approved for"
or "be awarded to" a body gives the sum to that body, unless it is a programme another body runs; sums in brackets
that make a whole with a part written "£135 each" go the same way as the whole; a sum in a clause that then names a
provider "with X for the provision of" is X's; a row labelled with a kind of funding ("Revenue Grant", "Housing
Revenue Account Borrowing") names nobody paid; a value said to be "over" a sum, as the reason for how a decision is
taken, makes the sum a threshold; a figure with a space after a comma and more groups after it ("£1, 002,318") is
flagged; so is a figure changed "from £A to £B" by a change the sentence states that does not make B; and a decision
heading's reference may give its year as two four-digit years ("Decision 2024/2025 – 0026"), after a cited earlier
decision. A body written as its acronym and then its name in brackets ("NAS (Northtown Advocacy Service)") is one body,
by its acronym."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return next(m for m in extract_text(text).money if m.amount == D(amount))


def test_an_application_received_from_a_group_is_paid_to_the_group():
    text = ("RESOLVED - That approval be given to an application received from the Friends of Oakdale Park for a "
            "grant of £750 towards the cost of a new bench.\n")
    line = _line(text, "750")
    assert (line.counterparty, line.role) == ("Friends of Oakdale Park", "grant")


def test_money_received_from_a_funder_is_still_received():
    text = "The Council received a grant of £40,000 from the Home Office for the project.\n"
    assert _line(text, "40000").role == "award"


def test_a_request_received_for_a_sum_is_no_money_received():
    text = "Oakdale Scouts – Members received a request for £500 towards a summer camp.\n"
    assert _line(text, "500").role != "award"


def test_a_bid_received_for_a_sum_is_what_the_bidder_asked_for():
    text = ("During the funding round a bid from Oakdale Homes had been received for £20,000 to support tenants. The "
            "bid had not been selected.\n")
    line = _line(text, "20000")
    assert (line.counterparty, line.role) == ("Oakdale Homes", "other")


def test_a_sum_approved_for_a_body_in_a_resolution_is_paid_to_it_with_a_warning():
    text = "Resolved:\n1. That, the report be noted and,\n2. That, £500 be approved for Brookside Youth Club and,\n"
    line = _line(text, "500")
    assert line.counterparty == "Brookside Youth Club"
    assert "approved for" in line.warning


def test_a_programme_a_resolution_gives_a_sum_to_is_not_the_body_running_it():
    text = "Resolved:\n1. That £3,000 be awarded to the Brightside Programme run by Eastway Trust.\n"
    assert _line(text, "3000").counterparty != "Brightside Programme"


def test_parts_in_brackets_with_a_part_for_each_of_two_wards_go_to_the_applicant():
    text = ("The Director has given approval to an application from Hilltop Arts for a grant of £540 (£135 each from "
            "the North Ward and South Ward allocations, and £270 from the East Ward allocation) towards a projector.\n")
    assert _line(text, "135").counterparty == "Hilltop Arts"
    assert _line(text, "270").counterparty == "Hilltop Arts"


def test_a_part_written_each_that_does_not_make_the_whole_is_no_split():
    text = ("The Director has given approval to an application from Hilltop Arts for a grant of £500 (£135 each from "
            "the North Ward and South Ward allocations, and £270 from the East Ward allocation) towards a projector.\n")
    assert _line(text, "135").counterparty is None


def test_a_sum_then_a_provider_with_what_it_provides_is_the_providers():
    text = ("The Cabinet Member agreed to issue a contract variation to uplift the contract by an additional £80,000 "
            "in the first instance, with Oakdale Recovery for the provision of Substance Use Services.\n")
    assert _line(text, "80000").counterparty == "Oakdale Recovery"


def test_rows_labelled_with_a_kind_of_funding_name_nobody_paid():
    text = ("Approved a budget of £900,000 for the delivery of the programme, comprised of:\n\n"
            "        Revenue Grant: £200,000\n\n        Capital Grant: £400,000\n\n"
            "        Housing Revenue Account Borrowing: £300,000\n")
    for amount in ("200000", "400000", "300000"):
        assert _line(text, amount).counterparty is None


def test_a_row_labelled_with_a_bodys_name_of_funding_words_and_others_is_still_paid():
    text = ("The Board approved the following grants:\n\n        Capital Housing Partnership: £200,000\n\n"
            "        Eastway Community Trust: £100,000\n")
    assert _line(text, "200000").counterparty == "Capital Housing Partnership"


def test_a_value_over_a_sum_as_the_reason_for_a_forward_plan_entry_is_a_threshold():
    text = ("Decision details\n\nSupported Housing Contract\n\nThe contract is with Oakdale Care Ltd.\n\n"
            "The annual contract value is over £500K therefore, required to be entered in the Forward Plan.\n")
    line = _line(text, "500000")
    assert (line.counterparty, line.role) == (None, "other")


def test_a_figure_with_a_space_after_its_first_comma_and_more_groups_is_flagged():
    text = "The Council has been allocated £1, 002,318 by the Department of Health and Social Care.\n"
    line = _line(text, "1002318")
    assert "separator" in line.warning


def test_a_change_that_does_not_make_the_new_figure_is_flagged():
    text = ("The reduction of £300,000 to the contract value is approved, reducing the contract value from £1,767,757 "
            "to £1,457,757 over two years.\n")
    assert "misprint" in _line(text, "1457757").warning
    assert _line(text, "1767757").warning == ""


def test_a_change_that_makes_the_new_figure_is_not_flagged():
    text = ("The reduction of £300,000 to the contract value is approved, reducing the contract value from £1,767,757 "
            "to £1,467,757 over two years.\n")
    assert _line(text, "1467757").warning == ""


def test_a_decision_heading_with_two_four_digit_years_gives_the_reference_after_a_cited_decision():
    text = ("This decision record should be read with decision reference 2024 – 013.\n"
            "Decision record 2024 – 013 agreed to extend the services for three months.\n"
            "The services are allocated £30,000 for 2025/26.\n"
            "Decision 2024/2025 – 0026: Victim Services Funding Extension\n")
    assert extract_text(text).reference.value == "2024/2025 – 0026"


def test_a_listed_body_written_as_acronym_and_expansion_is_one_body():
    text = ("The Committee approved the following grants:\n"
            "·         NAS (Northtown Advocacy Service) - £23,900 as a third and final year’s contribution to a project.\n"
            "·         Eastway Mind - £12,000 over two years for counselling.\n")
    assert _line(text, "23900").counterparty == "NAS"


def test_a_row_written_as_acronym_and_expansion_is_one_body():
    text = ("Grants awarded:\n\nNAS (Northtown Advocacy Service) | £5,000 |\nEastway Mind | £4,000 |\n")
    assert _line(text, "5000").counterparty == "NAS"


def test_a_bracket_that_does_not_expand_the_acronym_is_kept():
    text = ("Grants awarded:\n\nNAS (Eastway Branch) | £5,000 |\nEastway Mind | £4,000 |\n")
    assert _line(text, "5000").counterparty != "NAS"
