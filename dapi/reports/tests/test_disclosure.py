"""Disclosure control: primary suppression of 1-4, secondary suppression against subtraction."""

import itertools

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from dapi.reports.disclosure import HIDDEN, SMALL, Cell, protect, protect_count, protect_series, rate


def texts(table):
    return [[c.text for c in row] + [t.text] for row, t in zip(table.cells, table.row_totals)] + [
        [c.text for c in table.column_totals] + [table.total.text]]


@pytest.mark.parametrize("value, shown", [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (1234, "1,234")])
def test_counts_of_one_to_four_are_shown_as_under_five(value, shown):
    assert protect_count(value).text == shown


def test_a_lone_small_cell_in_a_row_gets_a_partner_hidden():
    table = protect([[3, 10, 20], [8, 9, 30]])
    assert texts(table) == [
        ["<5", "[c]", "20", "33"],
        ["[c]", "[c]", "30", "47"],
        ["11", "19", "50", "80"],
    ]


def test_secondary_suppression_chooses_the_smallest_cell_that_hides_the_small_one():
    table = protect([[2, 50, 6], [40, 40, 40]])
    assert table.cells[0][0].text == SMALL
    assert table.cells[0][2].text == HIDDEN  # 6, not 50
    assert table.cells[0][1].text == "50"


def test_two_small_cells_that_would_each_be_one_are_protected():
    # 1 + 1 hidden in a row with total published: both would be recovered as 1.
    table = protect([[1, 1, 30], [20, 20, 20]])
    hidden_in_row = [c for c in table.cells[0] if c.hidden]
    assert len(hidden_in_row) == 3


def test_a_small_total_is_itself_suppressed():
    table = protect([[1, 2], [0, 0]])
    assert table.total.text == SMALL and table.row_totals[0].text == SMALL


def test_when_even_under_five_would_give_the_counts_away_no_bound_is_shown():
    # Four cells of 1 with a total under 5: "<5" everywhere would tell a reader each cell is 1.
    assert texts(protect([[1, 1], [1, 1]])) == [["[c]"] * 3] * 3


def test_a_table_without_small_counts_is_published_whole():
    table = protect([[5, 6], [7, 8]])
    assert texts(table) == [["5", "6", "11"], ["7", "8", "15"], ["12", "14", "26"]]


def test_a_funnel_series_hides_a_partner_for_a_lone_small_stage():
    cells, total = protect_series([40, 3, 12])
    assert [c.text for c in cells] + [total.text] == ["40", "<5", "[c]", "55"]


def test_rates_are_not_shown_on_a_hidden_count():
    assert rate(Cell(3, primary=True), Cell(40)) == "not shown"
    assert rate(Cell(12, secondary=True), Cell(40)) == "not shown"
    assert rate(Cell(10), Cell(40)) == "25.0%"
    assert rate(Cell(0), Cell(0)) == "not shown"


def test_bad_tables_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="same number of columns"):
        protect([[1, 2], [3]])
    with pytest.raises(ValueError, match="negative"):
        protect([[-1]])


# -- an attacker's view ---------------------------------------------------------------------------

def recoverable_cells(table) -> list[tuple]:
    """Small counts an attacker can pin down from what is published: every assignment of the
    hidden cells consistent with the published totals (small counts in 1-4, others 0 up to the
    line total) is enumerated; a cell with one possible value is recovered."""
    n_rows, n_cols = len(table.cells), len(table.column_totals)
    grid = [list(row) + [t] for row, t in zip(table.cells, table.row_totals)] + [
        list(table.column_totals) + [table.total]]
    hidden = [(r, c) for r in range(n_rows + 1) for c in range(n_cols + 1) if grid[r][c].hidden]
    if not hidden:
        return []
    lines = [[(r, c) for c in range(n_cols)] + [(r, n_cols)] for r in range(n_rows + 1)] + \
            [[(r, c) for r in range(n_rows)] + [(n_rows, c)] for c in range(n_cols + 1)]

    def ceiling(p):  # a count is at most any published total of a line it is in
        shown = [grid[t[0]][t[1]].value for line in lines if p in line[:-1] for t in line[-1:]
                 if not grid[t[0]][t[1]].hidden]
        return min(shown) if shown else grid[n_rows][n_cols].value if not grid[n_rows][n_cols].hidden else 100

    ranges = [range(1, 5) if grid[r][c].primary and grid[r][c].bounded else range(0, ceiling((r, c)) + 1)
              for r, c in hidden]
    size = 1
    for r in ranges:
        size *= len(r)
    assume(size <= 300_000)
    possible = {p: set() for p in hidden}
    for guess in itertools.product(*ranges):
        value = dict(zip(hidden, guess))
        full = [[value.get((r, c), grid[r][c].value) for c in range(n_cols + 1)] for r in range(n_rows + 1)]
        if all(sum(full[r][c] for r, c in line[:-1]) == full[line[-1][0]][line[-1][1]] for line in lines):
            for p in hidden:
                possible[p].add(value[p])
    return [p for p in hidden if grid[p[0]][p[1]].primary and len(possible[p]) == 1]


tables = st.integers(2, 3).flatmap(lambda rows: st.integers(2, 3).flatmap(lambda cols: st.lists(
    st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 7, 9]), min_size=cols, max_size=cols),
    min_size=rows, max_size=rows)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(tables)
def test_no_hidden_value_can_be_recovered_by_subtraction_from_the_published_totals(values):
    table = protect(values)
    for line, total in table.lines():
        if not total.hidden:
            assert sum(1 for c in line if c.hidden) != 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(tables)
@example([[1, 1], [1, 1]])  # found by this test: "<5" in every cell would pin each to 1
def test_no_hidden_value_is_pinned_down_by_all_the_totals_together(values):
    table = protect(values)
    assert recoverable_cells(table) == []
