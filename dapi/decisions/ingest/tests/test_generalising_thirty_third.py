"""Ways records are written that the extractor reads since the thirty-third round, on small hand-written snippets: a
table the page flattened to one cell per line under a header of column names ("Organisation" / "Total Project" /
"Recommendation"), each row a name and then its sums or words, is read row by row: the row's name is the body of its
sums, a sum under a column of what was asked for or what the project costs is an `other` line of that body (none when
the same sum is awarded in full), a sum under a column of allocations takes that role, bare numbers under a "£" column
are sums, a row of a part retained names nobody, and a total row said again in the record is one total. Each line so
read carries a warning. Names and sums without a header, and sums inside sentences, are not read as such a table."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


_GRANTS = ("Third Sector Grants\n\nThe Committee:\n\n1. Agreed to award the grant recommendations as follows:-\n\n"
           "Organisation\n\nTotal Project\n\nRecommendation\n\nOakdale Youth Forum\n\n£4,760\n\n£200\n\n"
           "Riverside Music Festival (Summer Project)\n\n£40,100\n\n£1,500\n\nHilltop Community Trust\n\n£7,682\n\n"
           "Agreed that this application be brought back to the next meeting once concerns are explored\n\n"
           "Comunn Eachdraidh an Eilein\n\n£7,240\n\n£650 and asked that any equipment bought be shared\n\n"
           "2. Agreed that those organisations funded before should not be awarded more.\n")

_APPLICANTS = ("Supporting Communities Fund\n\nThe Area Committee agreed to award funding to 3 applicants, totalling "
               "£4,700.00, as follows:\n\nRef\n\nNo\n\nApplicant\n\nRecommendation\n\nAmount Requested\n\nAward\n2022/23"
               "\n\n1\n\nOakdale Art Hub\n\nAward\n\n£2,500.00\n\n£2,500.00\n\n2\n\nRiverside Befrienders\n\nAward with "
               "conditions\n\n£614.00\n\n£614.00\n\n3\n\nHilltop Tree Trust\n\nAward (partial award)\n\n£2,500.00\n\n"
               "£1,586.00\n\nTotal Available\n\n£4,700.00\n\nTotal Awarded\n\n£4,700.00\n")

_BY_YEAR = ("Community Safety Fund\n\nThe budget is shared between the councils of the area.\n\n2019/20\n\n£\n\n2020/21"
            "\n\n£\n\nOakdale\n\n136,091\n\n136,091\n\nRiverside CC\n\n441,082\n\n441,082\n\nRetained by PCC\n\n303,948\n\n"
            "303,948\n\nTotal\n\n881,121\n\n881,121\n\nThe attached agreements show how each council will use its grant.\n")


def test_a_flattened_table_s_award_column_is_paid_to_the_row_s_name_with_a_warning():
    [award] = lines_of(_GRANTS, "200")
    assert (award.counterparty, award.role) == ("Oakdale Youth Forum", "grant")
    assert "flattened" in award.warning
    assert [(m.counterparty, m.role) for m in lines_of(_GRANTS, "650")] == [("Comunn Eachdraidh an Eilein", "grant")]


def test_a_sum_under_a_total_project_column_is_an_other_line_of_the_row_s_body():
    assert [(m.counterparty, m.role) for m in lines_of(_GRANTS, "4760")] == [("Oakdale Youth Forum", "other")]


def test_a_row_s_name_with_a_bracket_is_read_whole():
    assert [m.counterparty for m in lines_of(_GRANTS, "1500")] == ["Riverside Music Festival (Summer Project)"]


def test_a_remark_after_a_row_s_one_sum_leaves_the_sum_under_its_own_column():
    assert [(m.counterparty, m.role) for m in lines_of(_GRANTS, "7682")] == [("Hilltop Community Trust", "other")]


def test_a_sum_asked_for_and_awarded_in_full_is_one_line_the_award():
    assert [(m.counterparty, m.role) for m in lines_of(_APPLICANTS, "614")] == [("Riverside Befrienders", "grant")]


def test_row_numbers_and_a_column_of_words_before_the_sums_are_passed_over():
    assert [(m.counterparty, m.role) for m in lines_of(_APPLICANTS, "1586")] == [("Hilltop Tree Trust", "grant")]
    assert sorted((m.counterparty, m.role) for m in lines_of(_APPLICANTS, "2500")) == [
        ("Hilltop Tree Trust", "other"), ("Oakdale Art Hub", "grant")]


def test_a_total_row_said_again_in_the_record_is_one_total():
    assert [(m.counterparty, m.role) for m in lines_of(_APPLICANTS, "4700")] == [(None, "total")]


def test_bare_numbers_under_a_pound_column_are_read_with_their_row():
    assert [m.counterparty for m in lines_of(_BY_YEAR, "441082")] == ["Riverside CC", "Riverside CC"]


def test_a_row_of_a_part_retained_names_nobody():
    assert [(m.counterparty, m.role) for m in lines_of(_BY_YEAR, "303948")] == [(None, "other"), (None, "other")]


def test_an_allocation_column_gives_its_role():
    text = ("Partnership funding\n\nThe Commissioner approved the following:\n\nPartnership\n\nAllocation\n\n"
            "Oakdale Council\n\n£12,000\n\nRiverside Council\n\n£9,500\n\nHilltop Council\n\n£7,250\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "9500")] == [("Riverside Council", "allocation")]


def test_names_and_sums_one_per_line_without_a_header_are_not_read_as_a_table():
    # Guard: with no header of column names, a name above a sum may be a heading, not the sum's payee.
    text = ("Community Grants\n\nThe Committee agreed to the following:\n\nOakdale Youth Club\n\n£2,000\n\n"
            "Riverside Scouts\n\n£1,500\n\nHilltop Trust\n\n£900\n")
    assert [m.counterparty for m in extract_text(text).money] == [None, None, None]


def test_sums_inside_sentences_under_column_like_lines_are_read_as_prose():
    # Guard: a sum in a sentence is no cell of a table, whatever short lines stand above it.
    text = ("Decision\n\nGrant Funding\n\nOakdale Youth Club\n\nThe Committee agreed to award £2,000 to Riverside "
            "Scouts for new tents.\n\nHilltop Trust\n\nThe Committee agreed to award £1,500 to Lowfield Players.\n")
    assert [m.counterparty for m in lines_of(text, "2000")] == ["Riverside Scouts"]
