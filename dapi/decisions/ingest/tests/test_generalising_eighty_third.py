"""Ways records are written that the extractor reads since the eighty-third round, on small hand-written snippets: a
sum received by "the charity", "the centre" or "the trust", the body of that kind named in the sentence before ("...
by the Hillside Youth Trust. The Trust will receive £12,400"), names the sum's party; where two such bodies are named
there, the line is flagged instead."""

from dapi.decisions.ingest.extract.document import extract_text


def _line(text: str, amount: str):
    return next(m for m in extract_text(text).money if str(m.amount) == amount)


def test_a_trust_named_in_the_sentence_before_is_the_party_of_what_the_trust_will_receive():
    text = ("Youth projects funded\n\nA new mentoring service will be run in Carnfield by the Hillside Youth Trust. "
            "The Trust - which will receive £12,400 over two years - hopes to reach sixty young people.\n")
    assert _line(text, "12400.00").counterparty == "Hillside Youth Trust"


def test_a_described_centre_named_in_the_sentence_before_is_the_party_of_what_the_centre_itself_receives():
    text = ("Refuge wins funding\n\nThe Ashby-based Meadowvale Family Support Centre is among twelve projects sharing "
            "the fund this year.\n\nThe centre itself will receive £2,750 to replace worn furniture.\n")
    assert _line(text, "2750.00").counterparty == "Meadowvale Family Support Centre"


def test_the_subject_of_the_sentence_before_is_the_party_of_what_the_charity_has_been_awarded():
    text = ("Grant for tablets\n\nRiverbank Carers Network were successful in their application to the community "
            "fund this spring.\n\nThe charity has been awarded £640 to buy tablets for its members.\n")
    assert _line(text, "640.00").counterparty == "Riverbank Carers Network"


def test_two_trusts_named_in_the_sentence_before_leave_the_sum_flagged_without_a_party():
    text = ("Heritage grants\n\nThe scheme is run by the Old Mill Trust with the Canal Heritage Trust. "
            "The trust itself will receive £8,000 for repairs.\n")
    line = _line(text, "8000.00")
    assert line.counterparty is None and line.warning
