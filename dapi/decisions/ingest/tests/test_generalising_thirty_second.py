"""Ways records are written that the extractor reads since the thirty-second round, each rule on small hand-written
snippets: a provider a page names only under a later sum heading its own line is not given the sums listed above it;
a sum an unnamed applicant asks for ("an application from a local organisation requesting £1800.00") goes to the one
body the record pays, with a warning; a decision record's number of one or two digits on its first line ("NFRS
Decision Record 41 – ...") is its reference; and the Greater London Authority is the deciding body, never the other
party, in its own decision page ("Decision type: Mayor")."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


_LISTED = ("Community Safety Grants\nCore funding £60,000 allocated as follows:\n£15,000 – Domestic Abuse\n"
           "Support for victims across the county.\n£25,000 – Youth Diversion\nThis will be provided by the Oakdale "
           "Youth Trust. The Trust runs sessions in every town.\n")


def test_a_provider_named_under_a_later_sum_is_not_given_the_sums_listed_above_it():
    assert [m.counterparty for m in lines_of(_LISTED, "15000")] == [None]
    assert [m.counterparty for m in lines_of(_LISTED, "25000")] == ["Oakdale Youth Trust"]


def test_the_one_provider_named_after_sums_in_a_sentence_is_still_read_for_them():
    # Guard: the sums are in one sentence, none heading its own line, so the provider named after them is theirs.
    text = ("Community Safety Grants\nCore funding £60,000 allocated as follows: £15,000 for Domestic Abuse and "
            "£25,000 for Youth Diversion.\nThis will be provided by the Oakdale Youth Trust. The Trust runs sessions "
            "in every town.\n")
    assert [m.counterparty for m in lines_of(text, "15000")] == ["Oakdale Youth Trust"]


_APPLICATION = ("Local Member Grant\nDecision status: Recommendations approved\nThis report presents an application "
                "from a\nlocal organisation requesting £1800.00 towards new kit.\nCounty Councillor Jo Bloggs "
                "considered and approved a Local Member Grant of £400 to Oakdale Bowls Club towards the cost of new "
                "kit.\n")


def test_a_sum_an_unnamed_applicant_asks_for_goes_to_the_one_body_the_record_pays():
    [asked] = lines_of(_APPLICATION, "1800")
    assert asked.counterparty == "Oakdale Bowls Club"
    assert "applicant" in asked.warning


def test_a_sum_an_unnamed_applicant_asks_for_is_left_alone_when_the_record_pays_two_bodies():
    text = _APPLICATION.replace("Oakdale Bowls Club towards", "Oakdale Bowls Club and a grant of £300 to Riverside "
                                                              "Scouts towards")
    assert [m.counterparty for m in lines_of(text, "1800")] == [None]


def test_a_decision_record_s_short_number_on_its_first_line_is_its_reference():
    text = ("NFRS Decision Record 41 – Fire appliances\nDecision taken\nThe Commissioner has decided to buy appliances "
            "from Oakdale Vehicles Ltd for up to £2,000,000.\n")
    assert extract_text(text).reference.value == "41"


def test_a_numbered_decision_in_a_list_is_no_reference():
    # Guard: "Decision" alone, without "Record" or "Notice", numbers a decision in a page listing several.
    text = ("Decision 1 – Fire appliances\nThe Commissioner has decided to buy appliances from Oakdale Vehicles Ltd "
            "for up to £2,000,000.\nDecision 2 – Fire kit\nThe Commissioner has decided to buy kit for £5,000.\n")
    assert extract_text(text).reference.value is None


_GLA = ("The Department for Education has allocated £12,000,000 to the GLA for holiday activities in 2024-25. The GLA "
        "applied for £12.5m with the DfE approving £12m.\n")


def test_the_gla_is_not_the_other_party_in_its_own_decision_page():
    text = ("Key information\nDecision type: Mayor\nReference code: MD4001\nDecision by: Sadiq Khan, Mayor of London\n"
            "Executive summary\n" + _GLA)
    assert "GLA" not in {m.counterparty for m in extract_text(text).money}


def test_the_gla_stays_another_body_in_a_record_without_the_gla_s_decision_field():
    assert "GLA" in {m.counterparty for m in extract_text("PCD 4001 Holiday activities\n" + _GLA).money}
