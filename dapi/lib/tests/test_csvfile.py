"""The safe CSV writer: a cell a spreadsheet would run as a formula is written as text."""

import csv
import io

import pytest

from dapi.lib.csvfile import DictWriter, Writer, safe_cell


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-1-1", "@SUM(A1)", "\tx", "\rx",
                                  "=1", "-", "+"])
def test_a_cell_that_starts_a_formula_is_written_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-12.50", "+3", "-0.5e3", "Harbour", "", "P-HY6D-2SA5", 12, -3.5, None])
def test_plain_numbers_and_other_cells_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_both_writers_make_every_cell_safe_and_keep_the_rest():
    out = io.StringIO()
    Writer(out).writerows([["name", "amount"], ["=cmd|' /C calc'!A0", "-12.50"]])
    keyed = io.StringIO()
    writer = DictWriter(keyed, fieldnames=["name", "amount"])
    writer.writeheader()
    writer.writerow({"name": "@evil", "amount": -1})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["name", "amount"], ["'=cmd|' /C calc'!A0", "-12.50"]]
    assert keyed.getvalue() == "name,amount\n'@evil,-1\n"
