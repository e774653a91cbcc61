"""Ways records are written that the extractor reads since the thirty-sixth round, on small hand-written snippets: a
national park or police authority named in full once and then called by its initials ("MNPA’s Sustainable Development
Fund", "save the NPA £2M") is the deciding body, not the other party of a sum; a sum "including" in the body's own names
its own payee ("including £5,500 to Hilltop Village Hall"); and minutes dated "held on Monday 8th March 2021" are of
that day, while the day of an earlier meeting whose minutes they approve ("held on 25th January 2021 were approved") is
not the decision's."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


_PARK = ("Sustainable Development Fund\n\nLead partner: Moorvale National Park Authority;\n\nProgress: Over the last 12 "
         "months, MNPA’s Sustainable Development Fund has committed £160,000 to supporting 30 local projects, including "
         "£5,500 to Hilltop Village Hall for the installation of a new boiler.\n")

_POLICE = ("Warning: This is archived material. The Northvale Police Authority has been replaced.\n\nFinance Committee "
           "minutes\n\nInstead, the NPA in conjunction with the police service had developed a solution that will use "
           "internal funds. The proposal would save the NPA an additional £2M over the 7-year contract.\n")

_TWO_AUTHORITIES = ("Warning: This is archived material.\n\nFinance Committee minutes\n\nThe Northvale Police Authority and "
                    "the Southvale Police Authority agreed a joint purchase. The Committee agreed to pay £40,000 to the NPA "
                    "for its share.\n")

_COUNCIL = ("Community Fund\n\nOakdale Borough Council\n\nThe Council agreed the report. OBC’s Community Fund has committed "
            "£160,000 to supporting 30 local projects, including £5,500 to Hilltop Village Hall for a new boiler.\n")


def test_a_national_park_authoritys_own_initials_are_the_deciding_body():
    [line] = lines_of(_PARK, "160000")
    assert line.counterparty_is_self


def test_a_police_authoritys_own_initials_are_no_party_of_its_saving():
    [line] = lines_of(_POLICE, "2000000")
    assert line.counterparty is None


def test_initials_of_one_of_two_authorities_named_stay_the_other_party():
    assert [(m.counterparty, m.counterparty_is_self) for m in lines_of(_TWO_AUTHORITIES, "40000")] == [("NPA", False)]


def test_a_sum_included_in_the_bodys_own_keeps_the_payee_it_names():
    assert [m.counterparty for m in lines_of(_PARK, "5500")] == ["Hilltop Village Hall"]
    assert [m.counterparty for m in lines_of(_COUNCIL, "5500")] == ["Hilltop Village Hall"]


_MINUTES = ("Minutes of the meeting held on Monday 8th March 2021 at 7pm via video conferencing.\n14/21 Approval of Minutes\n"
            "The minutes of the Finance Committee held on 25th January 2021 were approved and signed as a correct record.\n"
            "15/21 Grants\nRESOLVED: That a grant of £500 be made to Oakdale Scouts.\n")

_APPROVED_ONLY = ("Oakdale Common Good Fund - Tuesday, 6 August 2013 1:30 pm, PROVISIONAL\n\n1. Minutes\nThe Minute of the "
                  "Meeting of the Oakdale Common Good Fund held on 4 March 2013 were approved as a correct record.\n"
                  "2. Grants\nThe Committee agreed to award £575 to Oakdale Links.\n")


def test_minutes_of_a_meeting_held_on_a_weekday_are_dated_that_day():
    assert extract_text(_MINUTES).decision_date.value == date(2021, 3, 8)


def test_an_earlier_meeting_whose_minutes_are_approved_does_not_date_the_decision():
    assert extract_text(_APPROVED_ONLY).decision_date.value != date(2013, 3, 4)
