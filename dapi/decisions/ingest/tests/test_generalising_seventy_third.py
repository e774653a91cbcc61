"""Ways news pages print their own date that the extractor reads since the seventy-third round, on small
hand-written snippets: a saved page opening with its date stamp ("date 2023-05-09 Groups across the county ...") is
published that day, unless a byline near the top gives another day; and the page's first day, printed as a dateline
on one of its first lines under a headline ("Monday, 4th March 2019", "by" / "12th June 2018", "2 May 2021, 10:05 |
Updated: ...") is its publication date, unless the lines above name a meeting body, a label or a record of decisions, or a
"Decision" heading follows (a meeting's or a decision's day, not the page's)."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text


def _published(text: str):
    return extract_text(text).publication_date.value


def test_a_pages_opening_date_stamp_is_its_publication_date():
    text = (" date 2023-05-09 Groups across Eastmoor are invited to bid for a share of £25,000 from the Safer "
            "Streets Pot.\n\nThe Commissioner said the money would go to youth projects.\n")
    assert _published(text) == date(2023, 5, 9)


def test_an_opening_stamp_beside_a_byline_of_another_day_is_not_taken():
    text = (" date 2023-05-09 Council boosts abuse services\n\nIt commits an extra £40,000\n\n"
            "A. Writer Monday, 15 May 2023\n\nThe Council has agreed further funding.\n")
    assert _published(text) is None


def test_a_day_alone_under_a_headline_is_the_pages_publication_date():
    text = ("Commissioner backs youth clubs with new cash\n\nMonday, 4th March 2019\n\nYouth clubs across Westshire "
            "will share £30,000 from the Commissioner’s community fund, agreed on 1 March 2019.\n")
    assert _published(text) == date(2019, 3, 4)


def test_a_day_after_a_bare_by_or_with_its_clock_and_update_is_the_pages():
    assert _published("Fund reopens for groups\n\nby\n12th June 2018\n\nThe fund of £5,000 reopens today.\n") == \
        date(2018, 6, 12)
    assert _published("Cash for knife crime work\n2 May 2021, 10:05 | Updated: 2 May 2021, 11:40\n"
                      "£60,000 is being offered to groups.\n") == date(2021, 5, 2)


def test_a_day_under_a_meeting_bodys_name_or_a_label_is_not_a_publication_date():
    assert _published("Westshire Council\n\nCabinet\n\nWednesday 14 October 2020\n\nReport of the Director. The grant "
                      "of £12,000 is recommended.\n") is None
    assert _published("Parks Sub Committee Notes\n\nDate:\n\nFriday 6 March 2020\n\nThe sub committee agreed a grant "
                      "of £800.\n") is None


def test_a_day_under_a_title_of_decisions_or_over_a_decision_heading_is_not_a_publication_date():
    assert _published("Summaries of the decisions made\n\nTown Square Works\n\nSaturday 9 July 2022\n\nThe Minister agreed "
                      "£90,000.\n") is None
    assert _published("Road Safety Fund\nWednesday, November 3rd, 2021\nDecision\nTo use £50,000 of the fund.\n") is None
