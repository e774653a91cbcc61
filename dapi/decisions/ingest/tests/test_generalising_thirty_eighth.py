"""Ways records are written that the extractor reads since the thirty-eighth round, on small hand-written snippets: a
payment's number or an opening adverb run into a name ("CN000452 Oakdale Cricket Club", "Currently the Authority"), an
agenda item's verb before one ("Consider Oakdale Heart Trust"), a group a decision's authority is delegated to, a payee
named in passing ("the Sutcliffe quote", "award the group" after "the application from", "donating ... towards this
year's Oakdale Gala"), minutes dated in their opening lines in more ways ("held via ZOOM on", "Minutes of a Meeting of
Oakdale PC" above the day, "THURSDAY 31st MARCH 2022 at 7.30 p.m."), and a "Date of next meeting" that is not the
day the record was signed."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_CHEQUES = ("Oakdale Parish Council\n\n5. Finance\nCheques for signature\nCN000451 Clerk Expenses £42.10\n"
            "CN000452 Oakdale Cricket Club Hire £10.00\nCheques AGREED by all and signed off\n")

_ADVERB = ("Members considered the annual review of reserves.\nCurrently the Authority made annual contributions of "
           "around £600,000 to reserves for replacement of assets.\n")

_ITEM_VERB = ("Oakdale Parish Council\n\n7. Transparency Grant Approval – Purchase of IT equipment\nGrant approved and "
              "received – clerk to purchase laptop for £333 plus vat.\n\n9. Consider Oakdale Heart Foundation "
              "Defibrillator Grant Locations\nThe club is keen to host one.\n")

_DELEGATED = ("Resolved:\n1. Authority is delegated to the Transport Co-ordination Group (officer board) to approve the "
              "procurement of vehicles up to £250,000.\n")

_QUOTE = ("Oakdale Parish Council\n\n6. Play area\ni. The Sutcliffe quote for swings only £13,009.12, which had been "
          "tabled at the meeting of 11 October 2022, had increased to £13,944.24 exVAT.\n")

_APPLICATION = ("Oakdale Common Good Fund\n\nOakdale Development Trust Minutes: Members gave consideration to the "
                "application from Oakdale Development Trust for the running costs of the Town Hall. Decision: The Fund "
                "agreed to award the group £2,500.00.\n")

# The sum read where first written ("award £6,000 to assist"), and the name followed by a full stop.
_APPLICATION_AGAIN = ("Oakdale Common Good Fund\n\nOakdale Development Trust Minutes: Members gave consideration to the "
                      "application from Oakdale Development Trust. The Trustees noted that this would be the final year "
                      "of the agreement made to award £6,000 to assist with the running costs for the Town Hall. "
                      "Decision: The Fund agreed to award the group £6,000.00.\n")

_TOWARDS = ("Oakdale Community Council\n\n9. Motion from Cllr Ash “Would it be possible for the Council to consider "
            "donating £1500 towards this year’s Oakdale Gala, as our historic support should be increased.”\n")

_VIA_ZOOM = ("Minutes of the Community Council virtual Meeting held via ZOOM on Tuesday, 19th July 2022.\n\n1 Present\n\n"
             "Councillors Ash and Birch.\n\n2 Grants\nThe Council agreed a grant of £200 to Oakdale Scouts.\n")

_MEETING_OF = ("OPC Minutes February 2020\n\nMinutes of a Meeting of Oakdale PC\n\n18th February 2020 at 7pm in the Village "
               "Hall\n\n1.0 Apologies None.\n2.0 Grants: a grant of £90 to Oakdale Scouts was agreed.\n")

_WEEKDAY_LINE = ("March 2022 (Extraordinary meeting)\n\nTHURSDAY 31st MARCH 2022 at 7.30 p.m. at the VILLAGE HALL\n\n"
                 "Present: Cllrs Ash, Birch\n\n1. It was RESOLVED to grant £500 to Oakdale Scouts.\n")

_NEXT_MEETING = ("Oakdale PC\n\n5.0 To resolve to pay Oakdale Design for their inspection. £90+VAT. Duly resolved, cheque "
                 "signed.\n\nDate of next meeting: 31/03/2020\n")


def test_a_payments_number_is_taken_off_the_payees_name():
    assert [m.counterparty for m in lines_of(_CHEQUES, "10")] == ["Oakdale Cricket Club"]


def test_an_opening_adverb_run_into_the_deciding_body_leaves_the_sum_without_a_party():
    assert [m.counterparty for m in lines_of(_ADVERB, "600000")] == [None]


def test_a_name_opening_with_an_agenda_items_verb_is_left_out_and_flagged():
    lines = lines_of(_ITEM_VERB, "333")
    assert [m.counterparty for m in lines] == [None]
    assert "agenda item" in lines[0].warning


def test_the_group_a_decisions_authority_is_delegated_to_is_no_party():
    assert [m.counterparty for m in lines_of(_DELEGATED, "250000")] == [None]


def test_the_firm_a_quote_is_named_after_is_the_party_of_its_sums():
    for amount in ("13009.12", "13944.24"):
        lines = lines_of(_QUOTE, amount)
        assert [m.counterparty for m in lines] == ["Sutcliffe"]
        assert "check it" in lines[0].warning


def test_awarding_the_group_awards_the_body_whose_application_is_considered():
    assert [m.counterparty for m in lines_of(_APPLICATION, "2500")] == ["Oakdale Development Trust"]


def test_a_sum_awarded_to_the_group_at_its_second_mention_is_the_applicants():
    assert [m.counterparty for m in lines_of(_APPLICATION_AGAIN, "6000")] == ["Oakdale Development Trust"]


def test_a_donation_towards_one_named_event_is_that_events():
    assert [m.counterparty for m in lines_of(_TOWARDS, "1500")] == ["Oakdale Gala"]


def test_minutes_of_a_meeting_held_via_zoom_on_a_day_are_of_that_day():
    assert extract_text(_VIA_ZOOM).decision_date.value == date(2022, 7, 19)


def test_the_day_under_minutes_of_a_meeting_of_a_council_dates_them_with_its_time_and_place():
    assert extract_text(_MEETING_OF).decision_date.value == date(2020, 2, 18)


def test_a_weekday_and_day_alone_on_an_opening_line_dates_the_minutes():
    assert extract_text(_WEEKDAY_LINE).decision_date.value == date(2022, 3, 31)


def test_the_date_of_the_next_meeting_is_not_the_day_the_record_was_signed():
    assert extract_text(_NEXT_MEETING).decision_date.value != date(2020, 3, 31)
