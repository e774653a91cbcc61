"""Ways records are written that the extractor reads since the twenty-first round, each rule on small hand-written
snippets: a sum in millions with no digit before its point ("£.250million") and one of a billion pounds or more with a
comma ("£2,300million") among sums in millions written to three decimals are read with a warning; a heading led by the
name of a disease written like a code ("COVID-19 Support Fund") gives no reference; a contract's other party whose name lists
single words between commas before its legal form ("Rise, Shine, Thrive Services Limited") is named whole; and the
parts a sentence breaks a sum into, adding up to it, take the sum's other party and role; and a sum the deciding body
"has been allocated" is an award from the one funder the sentence before names after "received from"."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.amounts import find_amounts

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_sum_in_millions_with_no_digit_before_its_point_is_read_with_a_warning():
    [mention] = find_amounts("The Home Office grant is £80.120million, an increase of £.250million on last year.")[1:]
    assert mention.value == D("250000.00")
    assert "no digit before its decimal point" in mention.warning


def test_a_sum_in_millions_with_a_comma_among_sums_to_three_decimals_is_flagged():
    mention = find_amounts("The police grant is £80.120million and the ring-fenced uplift grant £2,300million.")[1]
    assert mention.value == D("2300000000.00")
    assert "comma where the record's other sums in millions have a decimal point" in mention.warning



def test_a_heading_led_by_a_disease_written_like_a_code_gives_no_reference():
    text = ("COVID-19 Support Fund\n\nThe Commissioner was granted £120,000 by the Department and awards "
            "£20,000 to Oakdale Housing Trust.\n")
    assert extract_text(text).reference.value is None


def test_a_contract_party_listing_single_words_between_commas_before_its_legal_form_is_named_whole():
    text = ("The Commissioner approves the variation of the contract with Rise, Shine, Thrive Services Limited for the "
            "provision of recovery services, with an increase to the contract value of £310,000.\n")
    assert _line(text, "310000").counterparty == "Rise, Shine, Thrive Services Limited"


def test_the_parts_a_sentence_breaks_a_sum_into_take_the_sums_funder_and_role():
    text = ("In May 2024 the Ministry of Justice offered an uplift to the grant agreement. The additional funding "
            "totals £90,000.00, broken down by £30,000.00 in 2024/25 and £60,000.00 in 2025/26.\n"
            "The Commissioner accepts the grant of £90,000.00 from the Ministry of Justice.\n")
    whole = _line(text, "90000")
    for amount in ("30000", "60000"):
        part = _line(text, amount)
        assert (part.counterparty, part.role) == (whole.counterparty, whole.role)
        assert part.counterparty == "Ministry of Justice"


def test_parts_that_do_not_add_up_to_the_sum_are_left_alone():
    text = ("In May 2024 the Ministry of Justice offered an uplift to the grant agreement. The additional funding "
            "totals £90,000.00, broken down by £30,000.00 in 2024/25 and £50,000.00 in 2025/26.\n"
            "The Commissioner accepts the grant of £90,000.00 from the Ministry of Justice.\n")
    assert _line(text, "90000").counterparty == "Ministry of Justice"
    assert _line(text, "30000").counterparty is None


def test_a_sum_the_deciding_body_has_been_allocated_is_an_award_from_the_funder_of_the_sentence_before():
    text = ("Decision Summary:\n\nTo approve the allocation of funding received from the Home Office for a new youth "
            "diversion scheme. Bids were invited nationally and the OPCC has been allocated £0.150m for 2024/25.\n")
    line = _line(text, "150000")
    assert (line.counterparty, line.role) == ("Home Office", "award")
