"""Ways records are written that the extractor reads since the eighty-fourth round, on small hand-written snippets: a
sum each one of many is given, or may be given at most ("a maximum upper limit of £200,000 per organisation", "a
notional allocation of £20k per town", "up to £1200 to clubs and organisations", "award up to £30 to residents",
"£3,000 each for two organisations"), names no party; a sum "each to" a named body keeps its name."""

from decimal import Decimal

from dapi.decisions.ingest.extract.document import extract_text


def _lines_of(text: str, amount: str) -> list:
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]


def test_a_limit_per_organisation_names_no_party_and_is_other():
    text = ("Lisford and Carrow Borough Council’s (LCBC) finance committee approved an increase in its Village Halls "
            "Fund, from £150,000 to a maximum upper limit of £200,000 per organisation.\n\nThe change will see larger "
            "grants from a £1million pot.\n")
    lines = _lines_of(text, "200000")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_a_sum_per_town_names_no_party():
    text = ("The Welsh Government had confirmed the Town Centre Fund allocation. Glanmor had been advised that £60k of "
            "its allocation could be top sliced to support each of the three market towns within the County to receive "
            "a notional allocation of £20k per town.\n")
    assert [m.counterparty for m in _lines_of(text, "20000")] == [None]


def test_up_to_a_sum_to_clubs_and_organisations_names_no_party():
    text = ("The Vale Council’s Sports Development Team manage the Sport Cymru Community Chest scheme, which can provide "
            "up to £1200 to clubs and organisations that can show they will increase participation in sport.\n")
    lines = _lines_of(text, "1200")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_up_to_a_sum_to_residents_names_no_party():
    text = ("Hardship Support Fund\n\nShort description\nTo carry out the requirement from DLUHC to award up to £30 to "
            "residents on Council Tax Reduction, and to delegate the design of the scheme.\n")
    lines = _lines_of(text, "30")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_a_sum_each_for_several_organisations_names_no_party_but_each_to_a_named_body_keeps_it():
    text = ("A project helping young carers in Brecknock has had a £1,500 boost thanks to cash seized from criminals.\n\n"
            "The Carers Break Scheme, run by the Brecknock Young Carers Network (BYCN), offers days out to young "
            "carers.\n\nThe scheme has received the cash from a fund shared out by the Police and Crime Commissioner.\n\n"
            "Each of the region’s four counties have up to £1,500 apiece for two groups with £3,000 each for two "
            "organisations that work in two or more counties.\n\nVoting took place online.\n")
    lines = _lines_of(text, "3000")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "grant")]
    named = ("2. Approve the awarding of 3 grants to the value of £25,000 each to the Safer Streets Network for the "
             "establishment of three new partnerships.\n")
    assert [m.counterparty for m in _lines_of(named, "25000")] == ["Safer Streets Network"]
