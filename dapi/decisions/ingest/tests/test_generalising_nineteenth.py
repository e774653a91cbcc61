"""Ways records are written that the extractor reads since the nineteenth round, each rule on small hand-written
snippets: a bullet or numbered line that begins with the decision's verb ("- Award Oakdale Borough Council up to
£5,000") names the payee without the verb; an acronym defined for reviews ("Domestic Homicide Reviews (DHRs)") or used
before "programme" ("the ORBIT programme") names work, not a body, so it is paid nothing; a government office is named
as "Office for ..." like a department ("the Office for Students"); and a sum the council accepts comes from the one
government funder the same sentence names after it with "from", "by" or "under" ("offered to the Council by the
Department for Education", "under the Office for Students terms and conditions"); and a sum opening a bracket
"(£120,000 for OCC)" is the share of the body it names, flagged when only initials name it."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.organisations import find_organisations

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


_AWARDS = ("The Commissioner agreed to:\n\n"
           "- Award Oakdale Borough Council up to £52,000 in 2024/25 to run the schools project.\n"
           "- Award the Riverside Advice Centre up to £18,500 in 2024/25 to extend its helpline.\n"
           "2. Allocate Millbrook Community Trust £9,000 for outreach.\n")


def test_a_verb_opening_a_bullet_is_not_part_of_the_payees_name():
    assert _line(_AWARDS, "52000").counterparty == "Oakdale Borough Council"
    assert _line(_AWARDS, "18500").counterparty == "Riverside Advice Centre"


def test_a_verb_opening_a_numbered_line_is_not_part_of_the_payees_name():
    assert _line(_AWARDS, "9000").counterparty == "Millbrook Community Trust"


def test_an_acronym_defined_for_reviews_is_paid_nothing():
    text = ("Funding agreement for Safeguarding Adult Reviews (SARs) in the county.\n\n"
            "In the past we covered the full cost of the SAR panel chair, which amounted to £6,000 per SAR review. "
            "Each SAR is now shared with partners.\n")
    assert _line(text, "6000").counterparty is None


def test_an_acronym_used_before_programme_is_not_an_organisation():
    text = ("1. The progress of the ORBIT accelerator programme be noted.\n\n"
            "2. The ORBIT programme board will report on the £40,000 spent.\n")
    assert "ORBIT" not in {m.name for m in find_organisations(text)}


def test_a_sum_accepted_from_an_office_for_named_after_it_is_an_award_from_it():
    text = ("1. the Student Wellbeing grant funding of £250,000 for 2024/25 from the Office for Students (OfS) be "
            "accepted and the delivery plan be approved.\n")
    line = _line(text, "250000")
    assert (line.counterparty, line.role) == ("Office for Students", "award")


def test_a_sum_the_council_accepts_offered_by_a_department_is_an_award_from_it():
    text = ("2. That the Council accept the total sum of £1,250,000 offered to the Council by the Department for "
            "Education under the Holiday Activities Fund to deliver the programme.\n")
    line = _line(text, "1250000")
    assert (line.counterparty, line.role) == ("Department for Education", "award")


def test_a_grant_accepted_under_a_departments_terms_is_an_award_from_it():
    text = ("1. ACCEPT the Recovery Grants 2024/25 and the Detox Grant (£730,000) under the Department for Education "
            "terms and conditions.\n")
    line = _line(text, "730000")
    assert (line.counterparty, line.role) == ("Department for Education", "award")


def test_a_share_in_a_bracket_for_initials_goes_to_them_with_a_warning():
    text = ("The Unit will write to the ten CSPs to say that £90,000 would be made available (£120,000 for OCC) for "
            "each of the two years.\n")
    line = _line(text, "120000")
    assert line.counterparty == "OCC"
    assert "initials" in line.warning
