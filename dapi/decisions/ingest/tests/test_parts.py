"""The extractor's parts on small hand-written snippets: amounts, dates, organisations, money
roles and counterparties, totals, and the highlighting of spans on the review page."""

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dapi.decisions.ingest import extract
from dapi.decisions.ingest.extract import Draft, extract_text
from dapi.decisions.ingest.extract.amounts import find_amounts
from dapi.decisions.ingest.extract.dates import find_dates, find_ranges, month_number
from dapi.decisions.ingest.extract.organisations import find_organisations
from dapi.decisions.ingest.selectors import highlight

D = Decimal


@pytest.mark.parametrize("written, value, per_annum, qualifier", [
    ("£70,000 per annum", D("70000.00"), True, ""),
    ("up to £294,500 pa", D("294500.00"), True, "up to"),
    ("£2.3m", D("2300000.00"), False, ""),
    ("£1.2 million", D("1200000.00"), False, ""),
    ("over £7m", D("7000000.00"), False, "over"),
    ("£1,483,900.00 per annum", D("1483900.00"), True, ""),
    ("£45k a year", D("45000.00"), True, ""),
    ("£157,423.33", D("157423.33"), False, ""),
    ("approximately £150,000 p.a.", D("150000.00"), True, "approximately"),
    ("GBP 8,000", D("8000.00"), False, ""),
])
def test_amounts_as_records_write_them(written, value, per_annum, qualifier):
    [found] = find_amounts(f"The sum is {written} for this.")
    assert (found.value, found.per_annum, found.qualifier) == (value, per_annum, qualifier)


def test_a_pound_sign_followed_by_words_that_start_with_m_is_not_millions():
    assert [a.value for a in find_amounts("£5 match and £300 more")] == [D("5.00"), D("300.00")]


@pytest.mark.parametrize("written, first, last", [
    ("31st March 2023", date(2023, 3, 31), date(2023, 3, 31)),
    ("1st Aril 2023", date(2023, 4, 1), date(2023, 4, 1)),
    ("05/09/2022", date(2022, 9, 5), date(2022, 9, 5)),
    ("23/5/2018", date(2018, 5, 23), date(2018, 5, 23)),
    ("12.10.2022", date(2022, 10, 12), date(2022, 10, 12)),
    ("2024-03-26", date(2024, 3, 26), date(2024, 3, 26)),
    ("1st of April 2021", date(2021, 4, 1), date(2021, 4, 1)),
    ("March 17, 2023", date(2023, 3, 17), date(2023, 3, 17)),
    ("July 2021", date(2021, 7, 1), date(2021, 7, 31)),
    ("mid-March 2023", date(2023, 3, 15), date(2023, 3, 15)),
    ("the end of June 2025", date(2025, 6, 30), date(2025, 6, 30)),
    ("2023/24", date(2023, 4, 1), date(2024, 3, 31)),
    ("2022/ 2023", date(2022, 4, 1), date(2023, 3, 31)),
    ("31\nOctober 2024", date(2024, 10, 31), date(2024, 10, 31)),
])
def test_dates_are_read_day_first_with_ordinals_months_and_financial_years(written, first, last):
    [found], warnings = find_dates(f"As at {written}, nothing.")
    assert (found.first, found.last) == (first, last)
    assert warnings == []


def test_a_misspelt_month_is_read_and_said_so_and_an_impossible_date_is_reported_not_guessed():
    found, warnings = find_dates("from 1st Aril 2023; on 31/02/2023")
    assert [(d.first, d.note) for d in found] == [(date(2023, 4, 1), "“Aril” read as April")]
    assert warnings == ["“31/02/2023” is not a real date; it was left out."]
    assert month_number("Mary") is None and month_number("may") is None and month_number("Sept") == (9, "")


def test_urls_and_references_are_not_dates():
    found, _ = find_dates("<https://example.org/uploads/2021/12/DRF-2021-7335.pdf> Decision Reference: 2022-0007")
    assert found == []


def test_periods_are_pairs_of_dates_joined_by_to_until_or_between_and():
    text = "from April 2019 until March 2024; between 1 May 2024 and 30 June 2024; on 1 May 2024 and 2 May 2024"
    found, _ = find_dates(text)
    pairs = [(a.first, b.last) for a, b in find_ranges(text, found)]
    assert pairs == [(date(2019, 4, 1), date(2024, 3, 31)), (date(2024, 5, 1), date(2024, 6, 30))]


@pytest.mark.parametrize("text, names", [
    ("Harbour Support Services and My Sister's Place will continue", ["Harbour Support Services", "My Sister's Place"]),
    ("THE POLICE & CRIME COMMISSIONER FOR CLEVELAND", ["Police and Crime Commissioner for Cleveland"]),
    ("the Office of the Police and Crime Commissioner (OPCC) ... the OPCC agreed",
     ["Office of the Police and Crime Commissioner", "Office of the Police and Crime Commissioner"]),
    ("Hampshire County Council, as the lead Commissioner for this contract", ["Hampshire County Council"]),
    ("Domestic Abuse Victim Services and the Head of Strategic Commissioning and Partnerships", []),
    ("evaluated by Southampton University and the University of Wexcombe",
     ["Southampton University", "University of Wexcombe"]),
    ("Coastline Research Ltd and Millbrook Hub Partnership", ["Coastline Research Ltd", "Millbrook Hub Partnership"]),
    ("with the Hampton Trust and GMP. GMP will commission", ["Hampton Trust", "GMP", "GMP"]),
    ("MARAC and MATAC and MARAC and MATAC", []),
])
def test_organisations_are_names_ending_in_an_organisation_word(text, names):
    assert [m.name for m in find_organisations(text)] == names


def test_money_roles_and_counterparties_from_the_sentence():
    d = extract_text(
        "The Home Office awarded the OPCC £100,000 for 2024/25.\n"
        "The Commissioner approves a grant of £40,000 to Ashdown Family Trust from 1 May 2024 to 31 March 2025.\n"
        "Ridgeway District Council will contribute £10,000 per annum.\n"
        "The Commissioner agrees to award Ridgeway CSP £5,000 and Brookfield Counselling Services £6,000.\n")
    assert [(m.amount, m.role, m.counterparty) for m in d.money] == [
        (D("100000"), "award", "Home Office"), (D("40000"), "grant", "Ashdown Family Trust"),
        (D("10000"), "contribution", "Ridgeway District Council"), (D("5000"), "allocation", "Ridgeway CSP"),
        (D("6000"), "grant", "Brookfield Counselling Services")]
    assert (d.money[1].start, d.money[1].end) == (date(2024, 5, 1), date(2025, 3, 31))
    assert (d.money[0].start, d.money[0].end) == (date(2024, 4, 1), date(2025, 3, 31))


def test_a_list_that_does_not_add_up_to_its_total_is_a_warning_and_one_that_does_is_not():
    wrong = extract_text("Grants for 2024/25:\nAlder Trust: £10,000\nBirch Services: £5,000\nTotal: £16,000\n")
    assert wrong.warnings == ["The breakdown under “Grants for 2024/25” adds up to £15,000.00, £1,000.00 less than "
                              "the stated total of £16,000.00."]
    right = extract_text("Grants for 2024/25:\nAlder Trust: £10,000\nBirch Services: £6,000\nTotal: £16,000\n")
    assert right.warnings == [] and right.reconciliations[0].reconciles(right.money)


def test_the_same_amount_said_again_is_one_line_with_both_spans():
    d = extract_text("The Commissioner contributes up to £50,000 per annum to the service.\n"
                     "The decision has financial implications of up to £50,000 per annum.\n")
    [line] = d.money
    assert len(line.spans) == 2 and line.counterparty == "Commissioner"


def test_highlight_marks_each_span_once_and_links_overlapping_keys_to_the_same_mark():
    text = "Pay £5,000 to Alder Trust."
    segments, anchors = highlight(text, [("money-0", "Money line 1", (4, 10)), ("cp", "Counterparty", (14, 25)),
                                         ("inner", "Inside", (5, 8)), ("overlap", "Overlap", (8, 16))])
    assert [(s.text, s.mark) for s in segments] == [
        ("Pay ", ""), ("£5,000", "src-1"), (" to Al", "src-2"), ("der Trust", "src-3"), (".", "")]
    assert anchors == {"money-0": "src-1", "inner": "src-1", "overlap": "src-2", "cp": "src-3"}
    assert "".join(s.text for s in segments) == text


def test_the_extractor_never_imports_django_or_the_apps():
    imported = set()
    for path in Path(extract.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    assert "django" not in imported and "dapi" not in imported
    assert {"pypdfium2", "docx", "dateparser"} <= imported


TOKENS = ["£1,000", "£2.5m", " per annum", " up to ", "Ashdown Trust", " Council", "Home Office", "the Commissioner",
          "1st April 2023", "31/03/2024", "2023/24", "from", " to ", "until", "RESOLVED:", "Recommendations:", "\n",
          "\n\n", "1.", "2.1", "(a)", "Total", "\t", ": ", ". ", "grant", "contract", "awarded", "match", "Date: ",
          "Decision details", "Title: ", "Signed", "(OPCC)", "OPCC", "Aril", "mid-", "the end of", "over ", "x" * 60]


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_any_text_gives_a_draft_whose_spans_lie_inside_it(text):
    draft = extract_text(text)
    spans = [s for m in draft.money for s in m.spans + m.counterparty_spans + m.date_spans]
    spans += [s for f in (draft.reference, draft.title, draft.decision_date, draft.period) for s in f.spans]
    spans += [s for a in draft.actions for s in a.spans] + [s for o in draft.organisations for s in o.spans]
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(m.amount >= 0 and (m.start is None or m.end is None or m.start <= m.end) for m in draft.money)
    assert draft.to_json()["money"] == Draft.from_dict(draft.to_dict()).to_json()["money"]


def test_a_sum_after_a_sentence_paying_a_body_not_found_as_an_organisation_gives_a_draft():
    # Found by the property test above: the sentence before paid a body no organisation mention names, and the
    # sum was to take that mention's name.
    assert extract_text("£1,000\t to \n£1,000 to grant").money


def test_dates_that_end_before_they_start_are_no_period():
    # Found by the property test above: "until 31/03/2024" and a later "up to 1st April 2023" were taken
    # as one period running backwards.
    text = ("untilAshdown TrustHome OfficeHome Office up to Title: Date: £1,000£2.5mthe end of2023/24Ashdown Trust\n\n"
            "£1,0002023/24 per annumgrant per annum1st April 20232023/24 per annummatch per annumuntil31/03/2024match "
            "up to 1st April 2023 up to . awardedthe Commissioner per annum up to RESOLVED:Decision detailsover Title: "
            "Recommendations:£1,000Home Officeover ")
    draft = extract_text(text)
    assert draft.money
    assert all(m.start is None or m.end is None or m.start <= m.end for m in draft.money)
