"""Ways records are written that the extractor reads since the sixty-sixth round, on small hand-written snippets: a
meeting's heading line with its weekday and starting hour ("Harbour Trust Fund - Tuesday, 4 March 2031 9:30 am", "-
Meeting of Cabinet, Wednesday, 10th December, 2031 7.00 pm (Item 12.)") gives the decision date; so does the opening
sentence of minutes held "in" or "at" a place written with commas and small words ("held in the Town and County
Hall, Fenwick on Monday 15 July 2030"), before a day cited further down; and a sum in pence for each week or item
("an additional 15p per week", "4 pence per week") is a money line of its own, to nobody and of role "other". Eight
of the tests fail with their rule switched off; the other three guard what the rules must not take (a weekday's date
inside a sentence, a meeting that "will be held", a figure with "p" before other words)."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of


def test_a_meeting_heading_with_weekday_and_hour_dates_the_decision():
    text = ("Agenda and minutes\n\nHarbour Trust Fund - Tuesday, 4 March 2031 9:30 am\n\nVenue: Quay House\n\n"
            "1.\n\nAPOLOGIES\n\nThere were no apologies.\n\n2.\n\nGRANTS\n\n"
            "The Trustees agreed a grant of £4,000 to Westquay Sailing Club.\n")
    assert extract_text(text).decision_date.value == date(2031, 3, 4)


def test_a_meeting_heading_with_the_minutes_state_after_the_hour_dates_the_decision():
    text = ("Agenda and minutes\n\nPortfolio Holder for Regeneration, Leisure, Culture and Tourism - Thursday, "
            "19th October, 2028 2.00 pm, PROVISIONAL\n\nVenue: Virtual Meeting\n\n1.\n\n"
            "TO SIGN AS A CORRECT RECORD THE DECISION RECORD OF THE MEETING HELD ON 27TH SEPTEMBER, 2028.\n\n"
            "RESOLVED that the decision record of the meeting held on the 27th September, 2028 be signed as a correct "
            "record.\n")
    assert extract_text(text).decision_date.value == date(2028, 10, 19)


def test_an_agenda_items_meeting_line_dates_the_decision():
    text = ("Agenda item\nExtension of the community transport contract\n"
            "- Meeting of Cabinet, Wednesday, 10th December, 2031 7.00 pm (Item 12.)\n"
            "- View the background to item 12.\nDecision:\nCabinet agreed to extend the contract for two years.\n")
    assert extract_text(text).decision_date.value == date(2031, 12, 10)


def test_a_weekday_date_inside_a_sentence_is_not_a_meeting_heading():
    text = ("Community grants\n\nThe panel met on Tuesday, 4 March 2031 at 9:30 am and will meet again.\n\n"
            "Grants of £500 were agreed.\n")
    assert extract_text(text).decision_date.value != date(2031, 3, 4)


def test_minutes_held_in_a_place_with_commas_give_the_decision_date():
    text = ("MINUTE of MEETING of the EXECUTIVE SUB-COMMITTEE held in the Town and County Hall, Fenwick on Monday "
            "15 July 2030 at 3.45 pm.\n\nPresent: Councillors A, B and C.\n\n1. TENDERS\n\n"
            "With reference to Article 5 of the minute of meeting of the Council held on 17 June 2030 there was "
            "submitted a report on tenders. The Sub-Committee agreed to accept the tender of £48,000.\n")
    assert extract_text(text).decision_date.value == date(2030, 7, 15)


def test_minutes_held_in_a_place_across_a_line_break_give_the_decision_date():
    text = ("DRAFT Minutes of the Meeting of Westfold Parish Council held in\n"
            "Westfold Village Hall on Wednesday 29 January 2031 at 7:15 p.m.\n\n"
            "1. Grants\n\nA grant of £300 to the Westfold Allotment Society was agreed.\n")
    assert extract_text(text).decision_date.value == date(2031, 1, 29)


def test_a_meeting_that_will_be_held_somewhere_does_not_date_the_decision():
    text = ("Notice\n\nThe next meeting will be held in the Village Hall, Westfold on Monday 3 March 2031.\n\n"
            "A grant of £300 to the Westfold Allotment Society was agreed.\n")
    assert extract_text(text).decision_date.value != date(2031, 3, 3)


def test_a_sum_in_pence_per_week_is_a_line_to_nobody():
    text = ("Police and Crime Panel\n\nMinutes\n\nThe Commissioner proposed a precept of £261.50 for a Band D property, "
            "an increase that would cost a household in a Band A property an additional 15p per week.\n")
    lines = lines_of(text, "0.15")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_a_sum_in_pence_said_of_a_panel_names_no_party():
    text = ("The Commissioner has proposed a budget to the Northshire Police, Fire and Crime Panel that will raise the "
            "Northshire Fire and Rescue Service precept by £3.90 a year, or 8p a week, a 4.2% increase for a Band D "
            "property.\n")
    lines = lines_of(text, "0.08")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_a_rate_in_pence_for_each_copy_is_not_an_award():
    text = ("Minutes\n\n12. Copying\n\nThe Clerk asked to claim 6 pence per sheet for agendas copied for the Westfold "
            "Allotment Society. Agreed.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "0.06")] == [(None, "other")]


def test_a_figure_with_p_before_other_words_is_not_a_sum():
    text = ("The contract supports the 4P approach to serious violence; see page 15p in the annex. "
            "A contract of £20,000 was awarded to Eastgate Trust.\n")
    assert [m.amount for m in extract_text(text).money if m.amount < 1] == []
