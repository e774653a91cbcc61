"""Each value the review shows carries a confidence from 0 to 1 worked out from what the extractor saw
(issue 19, item 5): where the counterparty was named, whether the amount had its own £ sign, the
warnings on it, the label on a date's line; the review lists what is least sure first, and every
line shows its confidence beside a link to the highlighted text it came from."""

from html import unescape

from django.urls import reverse

from dapi.decisions.ingest.extract import extract_path, extract_text
from dapi.decisions.ingest.extract.confidence import action_confidence, field_confidences, money_confidence
from dapi.decisions.models import IngestedDocument

from .test_pages import DOCUMENTS, upload

SAME_SENTENCE = ("Decision Reference: T/2025/1\nDate of decision: 3 March 2025\n\n"
                 "The Commissioner awards a grant of £25,460 to Safer Communities Limited from 1 April 2025 to "
                 "31 March 2026 for a youth offer.\n")
UNDER_A_HEADING = ("Decision Reference: T/2025/1\n\nThe following grant is awarded to Safer Communities Limited:\n"
                   "- £25,460 for a youth offer from 1 April 2025 to 31 March 2026.\n")
NO_COUNTERPARTY = ("Date: 3 March 2025\n\nSafer Communities Limited will deliver a youth offer. The Commissioner "
                   "approves a grant of £25,460 from 1 April 2025 to 31 March 2026.\n")


def only_line(text):
    draft = extract_text(text)
    [item] = draft.money
    return draft, item


def test_an_amount_with_its_pound_sign_and_counterparty_in_one_sentence_is_high():
    draft, item = only_line(SAME_SENTENCE)
    confidence = money_confidence(draft, item)
    assert (item.counterparty, confidence.score, confidence.level, confidence.reasons) == (
        "Safer Communities Limited", 1.0, "high", [])


def test_a_counterparty_named_in_the_heading_above_the_amount_is_marked_down():
    draft, item = only_line(UNDER_A_HEADING)
    confidence = money_confidence(draft, item)
    assert item.counterparty == "Safer Communities Limited"  # the extractor found it: only the confidence differs
    assert (confidence.score, confidence.level) == (0.75, "medium")
    assert confidence.reasons == ["the counterparty was named in a neighbouring sentence, not the amount's"]


def test_a_line_without_a_counterparty_or_with_a_warning_or_an_unknown_role_is_low_or_medium():
    draft, item = only_line(NO_COUNTERPARTY)
    assert money_confidence(draft, item).to_dict() == {"score": 0.6, "level": "medium",
                                                       "reasons": ["no counterparty was found"]}
    draft = extract_text("We propose £31,78 to introduce a Fraud Victim Advocate.\n")
    [item] = draft.money
    confidence = money_confidence(draft, item)
    assert item.warning and confidence.level == "low" and confidence.score == 0.0
    assert confidence.reasons == ["the extractor flagged it (see above)", "its role was not recognised"]


def test_a_figure_in_a_table_column_and_an_approximate_amount_are_marked_down_with_the_reason():
    wexcombe = extract_path(DOCUMENTS / "own" / "02_record_form_wexcombe.docx")
    tidewater = next(m for m in wexcombe.money if m.amount == 54000 and m.counterparty == "Tidewater Family Services")
    assert "the amount has no £ sign of its own (a figure in a table)" in money_confidence(wexcombe, tidewater).reasons
    marshfield = extract_path(DOCUMENTS / "own" / "04_panel_minutes_marshfield.pdf")
    about = next(m for m in marshfield.money if m.qualifier == "approximately")
    assert "the amount is “approximately” a figure" in money_confidence(marshfield, about).reasons


def test_the_reference_and_dates_are_high_when_labelled_low_when_missing_and_medium_from_a_bare_date_field():
    assert {k: c.level for k, c in field_confidences(extract_text(SAME_SENTENCE)).items()} == {
        "reference": "high", "decision_date": "high", "publication_date": "low"}
    assert field_confidences(extract_text(NO_COUNTERPARTY))["reference"].reasons == ["no reference was found"]
    kestrel = extract_path(DOCUMENTS / "own" / "03_request_kestrel.pdf")  # its form has a field labelled only "Date"
    assert field_confidences(kestrel)["decision_date"].to_dict() == {
        "score": 0.6, "level": "medium", "reasons": ["the line it was read from does not say it is the decision date"]}


def test_a_resolution_without_a_due_date_and_a_deadline_read_from_a_sentence_are_marked_down():
    minutes = extract_path(DOCUMENTS / "own" / "04_panel_minutes_marshfield.pdf")
    found = {(a.kind, a.number, a.text[:30]): action_confidence(a).to_dict() for a in minutes.actions}
    assert found[("resolution", "a", "That the report be noted.")] == {
        "score": 0.5, "level": "medium", "reasons": ["no due date was found"]}
    assert found[("resolution", "b", "That the Commissioner reports ")]["level"] == "high"
    assert found[("deadline", "", "The outcome was expected by 30")] == {
        "score": 0.75, "level": "medium", "reasons": ["it was read from a sentence, not from a numbered resolution"]}


def test_the_review_lists_what_to_check_first_least_sure_first_and_shows_each_lines_confidence(cast, client_for):
    client = client_for(cast["commissioner"])
    text = (UNDER_A_HEADING + "\nWe propose £31,78 to introduce a Fraud Victim Advocate.\n").encode()
    upload(client, DOCUMENTS / "own" / "01_moderngov_northmoor.txt", name="two-lines.txt", content=text)
    document = IngestedDocument.objects.get()
    html = unescape(client.get(reverse("decisions:ingest_review", args=[document.pk])).content.decode())
    first = html[html.index('id="check-first"'):html.index("</ol>", html.index('id="check-first"'))]
    assert first.index("Money line 2: £3,178.00</a>: confidence low (0.00)") < first.index(
        "Money line 1: £25,460.00</a>: confidence medium (0.75): the counterparty was named in a neighbouring "
        "sentence")
    assert first.index("Decision date</a>: confidence low (0.00): no decision date was found") < first.index(
        "Money line 1")
    assert "Reference</a>" not in first  # T/2025/1 was read from its label: nothing to check first
    assert "Confidence: <strong>medium</strong> (0.75)" in html and "Confidence: <strong>high</strong> (0.95)" in html
    # The low line comes first in the form too, and still links to its highlighted text.
    assert html.index("Money line 2: £3,178.00") < html.index("Money line 1: £25,460.00</legend>")
