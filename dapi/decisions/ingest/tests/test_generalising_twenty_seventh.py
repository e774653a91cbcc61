"""Ways records are written that the extractor reads since the twenty-seventh round, each rule on small hand-written
snippets: a body's name of single words between commas, cut at its first comma by the reading of a sum's other party,
is widened to the whole name where it ends in a legal form or in brackets holding its words' initials ("delivered by
Oakdale, Fern, Brook (OFB)"); never where the bracketed letters are not its initials; and a regional government office
("the Government Office for the North West") is a body of its own, not "the Government"; a code with its financial
year in brackets ending a record's heading ("Winter Support Grants - CS04(21/22)") is its reference."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


_CONTRACT = ("Decision\nA) To enact the extension option within the contract with Oakdale, Fern, Brook Services Limited "
             "for the Adults Drugs & Alcohol Service with a total value of £4,474,904 commencing on 1st April 2026 "
             "and,\nB) Approved an uplift in cost totalling £501,206 (as compared to the base contract).\n")


def test_a_name_between_commas_ending_in_a_legal_form_is_read_whole_for_a_sum_after_it():
    line = _line(_CONTRACT, "501206")
    assert (line.counterparty, line.role) == ("Oakdale, Fern, Brook Services Limited", "contract")
    assert line.warning.startswith("Oakdale, Fern, Brook Services Limited ")


def test_a_name_between_commas_with_its_initials_in_brackets_is_read_whole():
    text = ("Decision\nCabinet approves the extension of the Adults Drug and Alcohol Service contract, delivered by "
            "Oakdale, Fern, Brook (OFB), from 1 April 2026 to 31 March 2029, along with an uplift of £501,205 to the "
            "contract value for this period.\n")
    assert _line(text, "501205").counterparty == "Oakdale, Fern, Brook"


def test_bracketed_letters_that_are_not_the_names_initials_do_not_widen_it():
    text = ("Decision\nCabinet approves the extension of the Adults Drug and Alcohol Service contract, delivered by "
            "Oakdale, Fern, Brook (XYZ), from 1 April 2026 to 31 March 2029, along with an uplift of £501,205 to the "
            "contract value for this period.\n")
    assert _line(text, "501205").counterparty != "Oakdale, Fern, Brook"


def test_a_regional_government_office_is_named_whole_not_as_the_government():
    text = ("Minutes\nThe Council were informed that monies it had hoped to receive from the Government Office for the "
            "North West (£250,000), which were allocated to housing capital investment, would not be made available.\n")
    assert _line(text, "250000").counterparty == "Government Office for the North West"


def test_a_code_with_its_financial_year_in_brackets_ending_the_heading_is_the_reference():
    text = ("Decision details\n\nWinter Support Grants - CS04(21/22)\n\nDecision Maker: Cabinet Member for Communities\n\n"
            "Decision status: Recommendations Approved\n")
    assert extract_text(text).reference.value == "CS04(21/22)"
