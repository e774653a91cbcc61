"""Ways records are written that the extractor reads since the eighty-sixth round, on small hand-written snippets: a
sum in thousands or millions written without "£" ("the remaining 2.6m funding", "capital funding of £180k ... 45k of
it", "a saving of approximately 2 million") is a money line, with a warning that the text does not say it is in
pounds; a count of people written the same way, or a figure the record also gives with "£", is not."""

from decimal import Decimal

from dapi.decisions.ingest.extract.document import extract_text


def _lines(text: str, amount: str) -> list:
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]


def test_a_sum_in_millions_followed_by_funding_is_read_with_a_warning():
    text = ("That the Deputy Mayor approves expenditure of £4.1m on the Safer Streets programme. £1.5m will fund a "
            "team of outreach workers in the evenings. The remaining 2.6m funding will boost the community-led "
            "projects of every borough.\n")
    lines = _lines(text, "2600000")
    assert len(lines) == 1
    assert "without “£”" in lines[0].warning


def test_a_sum_in_thousands_after_a_signed_sum_in_the_same_sentence_is_read():
    text = ("RESOLVED – That Cabinet authorises an application for capital funding of £180k from the Town Centre "
            "Fund and, if approved, 45k of it be included in the capital programme of each year to 2026/27.\n")
    lines = _lines(text, "45000")
    assert len(lines) == 1
    assert "check it is a sum of money" in lines[0].warning


def test_a_bare_figure_the_record_also_signs_is_not_read_again():
    text = ("Councillors agreed that £2.4 million of grant be shared among the districts.\n\n"
            "The remaining 0.6m funding will be held for bids from the community.\n"
            "Headline: Council shares 2.4 million pounds among its districts.\n")
    assert len(_lines(text, "600000")) == 1
    assert [m.warning for m in _lines(text, "2400000")] == [""]


def test_a_saving_in_millions_without_a_sign_is_read_as_approximate():
    text = ("Reasons for the decision:\n\nThe Library Service is required to make a saving of approximately 2 million "
            "over two years and a public consultation took place on three options.\n")
    lines = _lines(text, "2000000")
    assert len(lines) == 1
    assert lines[0].qualifier == "approximately"


def test_a_count_of_people_in_millions_is_not_a_sum_beside_one_that_is():
    text = ("The Commissioner has awarded £2.5m to services for victims of stalking, which affects over 1.5 million "
            "people in England and Wales every year; the remaining 0.5m funding will train call handlers.\n")
    assert _lines(text, "1500000") == []
    assert len(_lines(text, "500000")) == 1
