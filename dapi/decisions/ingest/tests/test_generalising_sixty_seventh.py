"""Ways records are written that the extractor reads since the sixty-seventh round, on small hand-written snippets: a
list line whose head is a body's whole name, of which only the last words were read for the party ("Northfield
Primary School Parent Council, breakfast club, £1,850." read as "Parent Council", "Upper Dale AONB (Westshire County
Council): £40,000" as "AONB", "- Mossy Bank to Harbour CIC £1,240" as "Harbour CIC"), is the whole head's; a place
read alone from a row, or a head that is a ledger's code, is left as read."""

from .reading import lines_of


def test_a_list_lines_head_of_a_school_and_its_parent_council_is_the_whole_name():
    text = ("Winter support grants\n\nIt was agreed that the funding available would be split as follows:\n"
            "Hilltop Community Larder, emergency food parcels, £2,400.\n"
            "Northfield Primary School Parent Council, breakfast club, £1,850.\n"
            "Brookside Men's Shed, warm space on Tuesdays, £900.\n")
    assert [m.counterparty for m in lines_of(text, "1850")] == ["Northfield Primary School Parent Council"]


def test_a_list_lines_head_with_a_small_word_inside_is_the_whole_name():
    text = ("Grants panel\n\n12/25 To consider applications for grant funding:\n\n"
            "- Mossy Bank to Harbour CIC £1,240\n\n"
            "The grant was awarded towards running costs.\n")
    assert [m.counterparty for m in lines_of(text, "1240")] == ["Mossy Bank to Harbour CIC"]


def test_a_list_lines_head_before_its_host_in_brackets_is_the_whole_name():
    text = ("Funding for protected landscapes 2025\n\nThe Minister has confirmed the following allocations:\n\n"
            "Westmoor National Park Authority: £1,250,000\n"
            "Upper Dale AONB (Westshire County Council): £40,000\n"
            "Coastal Heath AONB (Eastshire County Council): £52,000\n")
    assert [m.counterparty for m in lines_of(text, "40000")] == ["Upper Dale AONB"]
    assert [m.counterparty for m in lines_of(text, "52000")] == ["Coastal Heath AONB"]


def test_a_place_read_alone_from_a_row_is_left_as_read():
    text = ("Decision\n\nThe following grants are approved for 2025/26:\n\n"
            "Youth Diversion Northbury £5,000\nYouth Diversion Eastvale £4,000\nYouth Diversion Westbrook £3,500\n")
    assert [m.counterparty for m in lines_of(text, "5000")] == ["Northbury"]
