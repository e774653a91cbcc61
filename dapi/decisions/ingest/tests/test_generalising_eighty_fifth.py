"""Ways records are written that the extractor reads since the eighty-fifth round, on small hand-written snippets: a
news page's day printed bare between its headline and the article's first sentence ("Grants help village halls" /
"12th March 2021" / "Village halls across the county ...") is the page's publication date; and a minutes' heading
that prints the meeting's day straight after naming the meeting ("MINUTES OF THE MONTHLY MEETING OF THE 14.11.2019 AT
7PM", "Steering Group Minutes: 3 June 2015", "Parish Committee Meeting" / "9th May 2016, 7pm, Village Hall") gives the
decision date."""

from datetime import date

from dapi.decisions.ingest.extract.document import extract_text


def test_a_bare_day_between_a_headline_and_the_first_sentence_is_the_page_date():
    text = ("Commissioner backs village halls with new community grants\n"
            "12th March 2021\n"
            "Village halls across the county will share £40,000 from the Commissioner's community fund this year, "
            "it was announced.\n"
            "The grants will pay for new lighting and heating.\n")
    assert extract_text(text).publication_date.value == date(2021, 3, 12)


def test_a_bare_day_under_a_headline_with_a_byline_below_is_the_page_date():
    text = ("Funding boost for youth clubs across the borough announced\n"
            "November 4, 2020\n"
            "By Sam Carter\n"
            "Youth clubs in the borough have been awarded £25,000 to keep their doors open through the winter months.\n")
    assert extract_text(text).publication_date.value == date(2020, 11, 4)


def test_a_bare_day_over_a_decision_heading_or_under_a_meeting_title_is_not_the_page_date():
    article = ("Road safety fund for rural parishes\n"
               "4 May 2022\n"
               "Parish councils in the north of the county will share £12,000 for new speed signs this summer.\n")
    record = article.replace("Parish councils", "Decision\nParish councils")
    meeting = article.replace("Road safety fund for rural parishes", "Rural Parishes Grants Committee")
    assert extract_text(article).publication_date.value == date(2022, 5, 4)
    assert extract_text(record).publication_date.value is None
    assert extract_text(meeting).publication_date.value is None


def test_the_day_straight_after_the_meeting_in_a_minutes_heading_is_the_decision_date():
    text = ("Oakford Town Council\n"
            "OAKFORD TOWN COUNCIL MINUTES OF THE MONTHLY MEETING OF THE 14.11.2019 AT 7PM, TOWN HALL\n"
            "Present: Cllr A Smith (Chair), Cllr B Jones\n"
            "It was resolved to grant £500 to the Oakford Youth Football Club.\n")
    assert extract_text(text).decision_date.value == date(2019, 11, 14)


def test_the_day_after_minutes_and_a_colon_is_the_decision_date():
    text = ("Rivervale Community Partnership\n"
            "Steering Group Minutes: 3 June 2015\n"
            "Present: the chair and four members\n"
            "The group agreed to award £2,000 to Rivervale Food Bank.\n")
    assert extract_text(text).decision_date.value == date(2015, 6, 3)


def test_the_day_on_the_line_under_a_meeting_name_is_the_decision_date():
    text = ("Westbrook Parish Committee Meeting\n"
            "9th May 2016, 7pm, Westbrook Village Hall\n"
            "MINUTES\n"
            "The committee agreed to pay £350 towards the new bench.\n")
    assert extract_text(text).decision_date.value == date(2016, 5, 9)


def test_a_day_in_a_sentence_approving_an_earlier_meeting_is_not_read():
    heading = ("Minutes\n"
               "Hillcrest Parish Council Meeting 5 April 2018\n"
               "The council agreed to give £200 to the village show.\n")
    cited = heading.replace("Hillcrest Parish Council Meeting 5 April 2018",
                            "1. The minutes of the last meeting held on 2 March 2018 were approved.")
    assert extract_text(heading).decision_date.value == date(2018, 4, 5)
    assert extract_text(cited).decision_date.value is None
