"""Ways records are written that the extractor reads since the eightieth round, on small hand-written snippets: a sum
that is a budget a body holds ("Each Neighbourhood Forum has a budget of £8,000", "the forecast total budget for
Northshire Police in 2026/27 is £141.2m", "there is still £40,000 left in the pot") names no party, keeps a warning
and is "other"; a sum the same body pays in the same text keeps its name."""

from decimal import Decimal

from dapi.decisions.ingest.extract.document import extract_text


def _lines_of(text: str, amount: str) -> list:
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]


def test_a_budget_a_named_body_has_names_no_party():
    text = ("Area Council report\n\nFrom April the Devolved Ward Budget has been withdrawn. Each Neighbourhood Forum has "
            "a budget of £8,000. Half of the total allocation requires match-funding.\n")
    lines = _lines_of(text, "8000")
    assert [m.counterparty for m in lines] == [None]
    assert lines[0].role == "other" and lines[0].warning


def test_a_budget_for_a_named_body_that_is_the_sum_names_no_party():
    text = ("Northshire Police has paid out £60,000 in the settlement of a claim against it.\n\nThe payment was approved "
            "by the Police and Crime Commissioner on 3 June.\n\nTo give an idea of the spend in the wider picture of the "
            "force, the forecast total budget for Northshire Police in 2026/27 is £141.2m.\n")
    lines = _lines_of(text, "141200000")
    assert [m.counterparty for m in lines] == [None]
    assert lines[0].role == "other" and lines[0].warning
    assert [m.counterparty for m in _lines_of(text, "60000")] == ["Northshire Police"]


def test_a_sum_left_in_the_pot_names_no_party():
    text = ("Boat sheds, a village orchard and new footpath signs are the latest projects to receive funding from the "
            "Fenmoor Council’s Green Communities Fund - but there is still £40,000 left in the pot for this year.\n")
    lines = _lines_of(text, "40000")
    assert [m.counterparty for m in lines] == [None]
    assert lines[0].role == "other" and lines[0].warning
