"""Ways records are written that the extractor reads since the thirty-ninth round, on small hand-written snippets: a
lettered list of grant applications naming the body asking at the head of each item ("b) Oakdale Scouts (youth
group). Request for £400."), the same sum asked for by two of its bodies, a firm named before the bracketed heading of
its work ("Oakdale Paving Ltd (Path Surface Works) (£1,000.00 +VAT)"), a payment's heading alone ("Insurance £ 434.16") as no
party, and minutes "held at" a named hall "on" the day."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_REQUESTS = ("Oakdale Town Council\n\n12.\n\nTO CONSIDER GRANT APPLICATIONS FROM THE FOLLOWING ORGANISATIONS.\n\n"
             "a)   Oakdale Blood Bikes – (county-wide delivery service). No specific amount requested.\n\n"
             "b)   Oakdale Scouts (youth group). Request for £400. Accounts available on request.\n\n"
             "c)   Oakdale Summer Fete organisers said little.\n\n"
             "d)   Oakdale Band. Annual grant normally £250. Increase to £300 requested.\n\n"
             "e)   Oakdale Choir (budgeted from events). £400 annual grant requested as normal.\n")

# The same lettered list under a heading that asks for nothing: agenda items, not requests.
_AGENDA = ("Oakdale Town Council\n\n12.\n\nTO NOTE THE FOLLOWING ITEMS.\n\n"
           "a)   Oakdale Blood Bikes – (county-wide delivery service). No report.\n\n"
           "b)   Oakdale Scouts (youth group). Hut repairs cost £400. Accounts seen.\n\n"
           "c)   Oakdale Band. Nothing to report.\n")

# Two lettered items are too few to be read as a list of the bodies asking.
_TWO_ITEMS = ("Oakdale Town Council\n\n12.\n\nTO CONSIDER GRANT APPLICATIONS.\n\n"
              "a)   Oakdale Scouts (youth group). Request for £400.\n\n"
              "b)   Oakdale Band. Nothing requested.\n")

_FIRM_THEN_WORK = ("Oakdale Parish Council\n\nFINANCE:\n\nOakdale Paving Ltd (Path Surface Works) (£1,000.00 +VAT) "
                   "£1,200.00, prop. Cllr Ash, sec. Cllr Birch\n")

_HEADINGS = ("Oakdale Parish Council\n\n6. Finance\nSince the last meeting the following payments have been made:\n"
             "Insurance £ 434.16\nClerk's salary £ 362.78\nSince last meeting the following amounts have been "
             "received:\nInterest £ 40.67\n")

_HELD_AT_HALL = ("June 2024 Minutes\nOakdale Parish Council\nMinutes of the full Council Meeting held at Oakdale Village "
                 "Hall on Monday 3rd June 2024 commencing at 7pm.\nPresent: Cllrs Ash, Birch.\n"
                 "4. To confirm the minutes of the Council meeting held on Tuesday 7th May 2024.\n"
                 "5. It was resolved to grant £200 to Oakdale Scouts.\n")


def test_a_lettered_list_of_grant_applications_names_the_body_asking_at_each_items_head():
    lines = lines_of(_REQUESTS, "300")
    assert [m.counterparty for m in lines] == ["Oakdale Band"]
    assert "check it" in lines[0].warning


def test_the_same_sum_asked_for_by_two_bodies_of_the_list_is_a_line_for_each():
    assert sorted(m.counterparty for m in lines_of(_REQUESTS, "400")) == ["Oakdale Choir", "Oakdale Scouts"]


def test_a_lettered_list_under_a_heading_that_asks_for_nothing_names_no_party():
    assert [m.counterparty for m in lines_of(_AGENDA, "400")] == [None]


def test_two_lettered_items_are_too_few_to_name_the_body_asking():
    assert [m.counterparty for m in lines_of(_TWO_ITEMS, "400")] == [None]


def test_the_firm_before_the_bracketed_heading_of_its_work_is_the_party():
    for amount in ("1000", "1200"):
        lines = lines_of(_FIRM_THEN_WORK, amount)
        assert [(m.counterparty, m.role) for m in lines] == [("Oakdale Paving Ltd", "contract")]
        assert "check it" in lines[0].warning


def test_a_payments_heading_alone_is_no_party():
    assert [m.counterparty for m in lines_of(_HEADINGS, "434.16") + lines_of(_HEADINGS, "40.67")] == [None, None]


def test_minutes_of_a_meeting_held_at_a_named_hall_on_a_day_are_of_that_day():
    assert extract_text(_HELD_AT_HALL).decision_date.value == date(2024, 6, 3)
