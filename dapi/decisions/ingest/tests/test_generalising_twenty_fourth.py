"""Ways records are written that the extractor reads since the twenty-fourth round, each rule on small hand-written
snippets: a CMIS page's "Date Decision Taken at Committee" dates the decision."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text


def test_the_date_a_decision_was_taken_at_committee_is_the_decision_date():
    text = ("Issue\nDecision\nApprove the plan.\nDate Decision Taken at Committee\nThu 23 Jan 2025\nDirectorate\n"
            "Finance\n")
    assert extract_text(text).decision_date.value == date(2025, 1, 23)
