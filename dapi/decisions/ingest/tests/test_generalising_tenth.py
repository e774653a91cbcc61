"""Ways records are written that the extractor reads since the tenth round (issue 19), each rule on small hand-written
snippets: an organisation's whole name where a run of capitalised words would cut it (a council named by its place
after "of", a company's words joined by "at", a commissioner named by its area); a name that begins before a table
row's trimmed label; a role one row's label states, said of that row's sum only; a link's file kind and size, never a
reference; a commissioner a council's record names by its area, an outside body and the funder of what the council
accepts from it; and a sum of funding accepted from or announced by a funder, that funder's award."""

from decimal import Decimal

import pytest

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.names import outside_commissioners
from dapi.decisions.ingest.extract.organisations import find_organisations

D = Decimal


def lines(text: str) -> list[tuple]:
    return [(m.amount, m.role, m.counterparty) for m in extract_text(text).money]


def names(text: str) -> list[str]:
    return [m.name for m in find_organisations(text)]


@pytest.mark.parametrize("text, name", [
    ("The grant goes to The Borough Council of Oakdale this year.", "Borough Council of Oakdale"),
    ("It was paid to the Council of the City of Lowmoor in May.", "Council of the City of Lowmoor"),
    ("A sum for the Council of the Borough of Stanton-on-Wye is agreed.", "Council of the Borough of Stanton-on-Wye"),
    ("A grant to City of Fenwick MDC was agreed.", "City of Fenwick MDC"),
    ("Both the Royal Borough of Ashby and Marlow and its partners agreed.", "Royal Borough of Ashby and Marlow"),
    ("Funding for the London Borough of Eastgate was approved.", "London Borough of Eastgate"),
    ("A grant to Kettlewell at Home Limited was agreed.", "Kettlewell at Home Limited"),
    ("A grant to Friends at Ferry Lane CIC was agreed.", "Friends at Ferry Lane CIC"),
    ("Funding from the Westshire Police and Crime Commissioner was accepted.", "Westshire Police and Crime Commissioner"),
    ("Funding from the North Vale PCC was accepted.", "North Vale PCC"),
    ("Funding from the Westshire Police, Fire and Crime Commissioner was accepted.",
     "Westshire Police, Fire and Crime Commissioner"),
])
def test_an_organisations_whole_name_is_read_where_a_run_of_capitals_would_cut_it(text, name):
    assert name in names(text)


def test_a_council_named_by_its_place_stops_before_another_council_joined_by_and():
    assert names("Grants to the Council of the Borough of Oakdale and Lowmoor City Council.") == [
        "Council of the Borough of Oakdale", "Lowmoor City Council"]


# The rule's limits: these pass without it and must still pass with it.
def test_a_post_before_a_commissioners_title_is_no_area():
    assert names("The Deputy Police and Crime Commissioner spoke.") == ["Police and Crime Commissioner"]


def test_a_place_alone_after_city_of_is_no_organisation():
    assert names("A new hub opens in the City of Lowmoor next year.") == []


def test_a_row_labelled_with_a_council_named_by_its_place_is_paid_to_that_council():
    text = ("Grant agreements with the providers below:\n"
            "City of Fenwick MDC - £8,500.00\n"
            "The Borough Council of Oakdale - £58,100.00\n"
            "Kettlewell at Home Limited - £15,600.00\n")
    assert [c for _, _, c in lines(text)] == ["City of Fenwick MDC", "Borough Council of Oakdale",
                                              "Kettlewell at Home Limited"]


def test_a_role_one_rows_label_states_is_said_of_that_rows_sum_only():
    text = ("The Commissioner enters into grant agreements with these providers:\n"
            "Oakdale Council - £8,500.00\n"
            "Lowmoor City Council - £9,100.00\n"
            "Provider to be chosen, allocated budget - £5,000\n")
    assert [r for _, r, _ in lines(text)][:2] == ["grant", "grant"]


@pytest.mark.parametrize("link", ["PDF 198 KB", "DOCX 45 KB", "XLSX 12 MB"])
def test_a_links_file_kind_and_size_is_never_a_reference(link):
    text = ("Issue - meetings\nHoliday Activities Grant\nMeeting: 05/12/2025 - Cabinet (Item 12)\n"
            f"{link}\nTo accept a grant of £40,000 from the Department for Education.\n")
    assert extract_text(text).reference.value is None


def test_a_commissioner_a_councils_record_names_by_its_area_is_the_funder_of_a_grant_it_accepts():
    text = ("Issue - decisions\n\na) The Youth Shelter grant of £42,500 be accepted from the Northvale Police and Crime "
            "Commissioner and the Council’s Section 151 Officer amends the capital programme to reflect this grant;\n")
    assert lines(text) == [(D("42500.00"), "award", "Northvale Police and Crime Commissioner")]


def test_a_commissioner_a_councils_record_names_by_its_acronym_and_area_is_a_funder_too():
    text = "That Cabinet accepts a grant of £42,500 from the Northvale PCC for the youth shelter."
    assert lines(text) == [(D("42500.00"), "award", "Northvale PCC")]


def outside(text: str) -> frozenset[str]:
    return outside_commissioners(text, [(m.name, m.start, m.end) for m in find_organisations(text)])


def test_a_commissioner_that_speaks_of_itself_by_its_title_is_still_the_deciding_body():
    text = ("The Northvale Police and Crime Commissioner approves a grant of £42,500 to Harbour Lane Trust. The "
            "Commissioner notes that the Council’s Cabinet supports the bid.")
    assert outside(text) == frozenset()
    assert outside(text.replace("The Commissioner notes", "Officers note")) == {"Northvale Police and Crime Commissioner"}


def test_a_sum_of_funding_a_department_announced_is_its_award():
    text = "£4.2m of funding for bus services in Eastshire had been announced by the Department for Transport."
    assert lines(text) == [(D("4200000.00"), "award", "Department for Transport")]


def test_the_council_a_councils_record_says_was_awarded_a_sum_receives_it_from_the_records_funder():
    text = ("That Cabinet accepts the funding awarded by the Northvale Police and Crime Commissioner.\nReasons for "
            "decision\nThe Council had been awarded £60,000 of funding from the Safer Parks Bid.")
    assert lines(text) == [(D("60000.00"), "award", "Northvale Police and Crime Commissioner")]


def test_the_council_that_was_awarded_a_sum_is_not_its_payee():
    assert lines("The Council had been awarded £60,000 of funding.") == [(D("60000.00"), "award", None)]


def test_a_row_labelled_with_what_a_sum_pays_for_is_paid_to_nobody_named_with_a_warning():
    text = ("The Commissioner approves the spend below:\n"
            "Hate Crime and Cohesion survey work £30,000\n"
            "Facilities/room booking for training £476\n"
            "Lowmoor City Council analytical support £52,000\n")
    draft = extract_text(text)
    assert [m.counterparty for m in draft.money] == [None, None, "Lowmoor City Council"]
    assert "says what the sum pays for" in draft.money[0].warning


# The rule's limit: a label in capitals alone, or with a provider's word, may be a name.
def test_a_row_labelled_in_capitals_or_with_a_providers_word_is_still_its_payee():
    text = ("The Commissioner approves the grants below:\n"
            "Harbour Lane £30,000\n"
            "Oakdale refuge Services £476\n")
    assert [m.counterparty for m in extract_text(text).money] == ["Harbour Lane", "Oakdale refuge Services"]


@pytest.mark.parametrize("text", [
    "This included lobbying the Treasury over the formula. Those secured came through the uplift. The panel was asked "
    "to approve a £15 (Based on Band D property) increase so that the Force could recruit officers it secured.",
    "He could find no statement from the Government in terms of assuming a £12 per year rise.",
    "The Government was said to expect a £12 rise for most forces.",
])
def test_a_rise_the_government_sets_or_expects_is_a_rate_paid_by_nobody(text):
    assert [(role, counterparty) for _, role, counterparty in lines(text)] == [("other", None)]


# The rule's limit: an increase in a grant is still a grant, not a rate.
def test_an_increase_in_a_grant_is_still_a_grant():
    text = "The Commissioner approves a £5,000 increase in the grant to Harbour Lane Trust."
    assert [role for _, role, _ in lines(text)] == ["grant"]


def test_a_described_row_that_names_a_body_in_brackets_is_paid_to_that_body():
    text = ("The committee approves these masterplanning grants:\n"
            "- Eastway, including the old depot (Lowmoor) - £350k\n"
            "- Riverside (Lowmoor) - £300k\n"
            "- Quayside survey work - £20k\n")
    assert [m.counterparty for m in extract_text(text).money] == ["Lowmoor", "Lowmoor", None]


def test_a_sum_written_out_in_words_before_its_figure_keeps_the_funder_before_it():
    text = ("The Home Office have formally offered a grant of seven million eight hundred and sixty-three thousand nine "
            "hundred and seventy-four pounds and fifty-one pence (£7,863,974.51) to the Mayor of Westshire for the "
            "Regional Grant.")
    assert lines(text) == [(D("7863974.51"), "award", "Home Office")]


def test_a_line_around_a_block_that_states_a_sum_of_its_own_says_nothing_of_the_blocks_role():
    text = ("Summary: the Commissioner will enter into grant agreements with these providers.\n"
            "First round:\n"
            "Oakdale Council - £8,500.00\n"
            "Lowmoor City Council - £9,100.00\n"
            "Provider to be chosen, allocated budget - £5,000\n"
            "Second round:\n"
            "Oakdale Council - £7,000.00\n"
            "Lowmoor City Council - £6,100.00\n")
    assert [role for amount, role, _ in lines(text) if amount != D("5000.00")] == ["grant"] * 4


def test_rows_under_a_heading_that_names_its_own_sum_an_allocation_are_not_allocations():
    text = ("Masterplanning applications against the £2m allocation were approved as follows:\n"
            "- Eastway masterplan (Lowmoor) - £450k\n"
            "- Riverside masterplan (Oakdale) - £300k\n")
    assert [role for amount, role, _ in lines(text) if amount != D("2000000.00")] == ["grant", "grant"]
