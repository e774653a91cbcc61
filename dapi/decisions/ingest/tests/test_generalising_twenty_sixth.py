"""Ways records are written that the extractor reads since the twenty-sixth round, each rule on small hand-written
snippets: a record about one contract lends the one provider it names ("provided on the Council’s behalf by X", "X’s
contract", "the contract with X", "award the contract to X") to its contract sums whose own sentences name no body,
made the contract's sums unless they are a funding agreement's, with a warning; never when it names two providers or
lets other contracts, never to a threshold ("a contract value under £50,000") nor to a sentence about something else
than the contract's money, and never to a post's contract; and a school or an academy is a body ("£1,000 as funding
to St Mary Catholic Primary School")."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


_EXTENSION = ("Decision\nThe Cabinet Member agreed to vary and extend the current contract for the Refuge Services, "
              "provided on the Council’s behalf by Oakdale Women’s Aid.\nThe extension is as follows:\n"
              "- Floating Support - from 1 April 2022 to 31 January 2023 at cost of £109,269.04.\n")


def test_a_contracts_one_named_provider_is_the_body_of_its_extensions_cost_with_a_warning():
    line = _line(_EXTENSION, "109269.04")
    assert (line.counterparty, line.role) == ("Oakdale Women’s Aid", "contract")
    assert line.warning


def test_a_funding_agreements_sum_is_given_its_provider_but_not_made_a_contracts():
    text = ("Decision\nThe DMPC approves the variation of MOPAC’s current funding agreement with Oakdale Victim "
            "Support.\nThe DMPC approved the extension of this funding agreement, providing £1,499,700.\n")
    line = _line(text, "1499700")
    assert (line.counterparty, line.role) == ("Oakdale Victim Support", "other")


def test_a_sum_right_after_the_providers_name_in_brackets_is_the_providers():
    text = ("Decision\n1. To note the variation to Millbrook Building Construction’s contract resulting in a revised "
            "contract sum of £3,554,999.58;\n2. That the school budget be raised to accommodate the balance due to Millbrook "
            "Building Construction (£288,379.13) and fees.\n")
    assert _line(text, "3554999.58").counterparty == "Millbrook Building Construction"
    assert _line(text, "288379.13").counterparty == "Millbrook Building Construction"


def test_a_record_naming_two_providers_lends_neither():
    text = _EXTENSION + "The current contract with Millbrook Care Limited ends in March.\n"
    assert _line(text, "109269.04").counterparty is None


def test_a_record_letting_other_contracts_lends_no_provider():
    text = _EXTENSION + "Contracts under Lot 2 will be issued later.\n"
    assert _line(text, "109269.04").counterparty is None


_TENDER = ("Decision\n1. To note the variation to Millbrook Building Construction’s contract.\n2. A tender would "
           "take three months for a contract value {} £50,000.\n")


def test_a_threshold_is_not_given_the_provider():
    assert _line(_TENDER.format("under"), "50000").counterparty is None
    assert _line(_TENDER.format("of"), "50000").counterparty == "Millbrook Building Construction"


def test_a_sum_in_a_sentence_not_about_the_contracts_money_is_not_given_the_provider():
    text = ("Decision\nThe Mayor approves exercising an option in the existing contract with Oakdale Homeless Link "
            "for staffing.\nApproval is sought for expenditure of £100,116 to enhance the Rough Sleeping programme.\n")
    assert _line(text, "100116").counterparty is None


def test_a_posts_contract_names_no_provider():
    text = ("Minutes\nThe Panel noted that the £550,000 extension to the Chief Constable’s contract may not be "
            "needed.\n")
    assert _line(text, "550000").counterparty is None


def test_a_school_a_ward_grant_funds_is_its_payee():
    text = ("Decision\nCouncillors of Oakdale Ward have requested £1,000 as funding to St Mary Oakdale Catholic Primary "
            "School to provide new books for the school library.\n")
    assert _line(text, "1000").counterparty == "St Mary Oakdale Catholic Primary School"
