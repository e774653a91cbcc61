"""Ways records are written that the extractor reads since the thirty-seventh round, on small hand-written snippets:
minutes that say when the meeting was held only in their opening lines, the sentence broken across lines ("held on" /
"Wednesday, 23rd April 2003", "held on Wednesday, the" / "24th June, 2009"), a time before the day ("held at 8.30pm on
Wednesday 27th September 2023") or a heading of "Minutes" and the day ("Minutes of the Council Meeting" / "28Th
November 2023", "Deputy Leader – Minutes – 12 February 2020"), are of that day; an earlier meeting's day whose minutes
they approve ("held on 26th July 2023 were taken as read, approved") is not the decision's."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_BROKEN = ("Minutes of a special Meeting of the Oakdale Parish Council held on\nWednesday, 23rd April 2003\nin the Reading "
           "Room, Oakdale at 7:20 p.m.\n\nPresent: Councillors Ash and Birch.\n\n1. Parish Plan\n\nThe Council agreed "
           "a grant of £200 to the Oakdale Village Hall.\n")

_THE = ("OAKDALE PARISH COUNCIL\n\nMINUTES of the SPECIAL MEETING of the COUNCIL held on Wednesday, the\n\n24th June, "
        "2009, at the Parish Hall, Oakdale.\n\nPRESENT: Councillors Ash and Birch.\n\n27. GRANTS\n\nRESOLVED: That a "
        "grant of £300 be made to Oakdale Scouts.\n")

_TIME_FIRST = ("The minutes of the meeting of Oakdale Parish Council Facilities Committee held at 8.30pm on Wednesday 27th "
               "September 2023 at Oakdale Village Hall.\nPresent: Councillors Ash and Birch.\n- Minutes\nThe minutes of "
               "the meeting of the council held on 26th July 2023 were taken as read, approved as a correct record.\n"
               "- Grants\nThe Committee agreed to award £575 to Oakdale Scouts.\n")

_HEADING = ("Minutes 28th November 2023\nOAKDALE COMMUNITY COUNCIL\n\nMinutes of the Council Meeting\n28Th November 2023\n"
            "Venue Church House\n1 In Attendance\nCouncillors Ash and Birch\n2 Grants\nThe Council agreed a grant of £400 "
            "to Oakdale Scouts.\n")

_MEMBER = ("Deputy Leader – Minutes – 12 February 2020\n\n9 COMMUNITY GRANTS – The Director submitted a report.\n\n"
           "Resolved – That a grant of £1,500 be made to Oakdale Scouts.\n")

_AGENDA_ITEM = ("Oakdale Parish Council\n\nPresent: Councillors Ash and Birch.\n\n4. Minutes 12th September 2023\n"
                "The Council agreed a grant of £400 to Oakdale Scouts.\n")

_READ_ONLY = ("Oakdale Parish Council\n\nPresent: Councillors Ash and Birch.\n\n3. Minutes\nThe minutes of the meeting "
              "held on\n26th July 2023 were approved.\n4. Grants\nThe Council agreed a grant of £400 to "
              "Oakdale Scouts.\n")


def test_minutes_held_on_a_day_on_the_next_line_are_dated_that_day():
    assert extract_text(_BROKEN).decision_date.value == date(2003, 4, 23)
    assert [m.counterparty for m in lines_of(_BROKEN, "200")] == ["Oakdale Village Hall"]


def test_minutes_held_on_a_weekday_the_day_after_a_blank_line_are_dated_that_day():
    assert extract_text(_THE).decision_date.value == date(2009, 6, 24)


def test_minutes_held_at_a_time_on_a_day_are_dated_that_day_not_the_approved_meetings():
    assert extract_text(_TIME_FIRST).decision_date.value == date(2023, 9, 27)


def test_minutes_with_the_day_under_their_heading_are_dated_that_day():
    assert extract_text(_HEADING).decision_date.value == date(2023, 11, 28)


def test_a_members_minutes_headed_with_the_day_are_dated_that_day():
    assert extract_text(_MEMBER).decision_date.value == date(2020, 2, 12)


def test_an_agenda_item_approving_earlier_minutes_does_not_date_the_decision():
    assert extract_text(_AGENDA_ITEM).decision_date.value != date(2023, 9, 12)


def test_an_earlier_meeting_held_on_a_day_whose_minutes_are_approved_does_not_date_the_decision():
    assert extract_text(_READ_ONLY).decision_date.value != date(2023, 7, 26)
