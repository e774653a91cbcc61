"""Disclosure control for published figures (DOMAIN.md §7).

Counts of 1-4 are shown as "<5" (primary suppression). Secondary suppression then hides
further cells so that no suppressed cell can be worked out from the published row and column
totals: every row or column whose total is published has either no hidden cell or at least
two, and hidden small counts are never all forced to the same value (k cells summing to k, or
to 4k, would each be 1, or each 4). Rates are not shown when either count behind them is hidden.

Pure functions over lists of integers, so the rules are tested directly (`tests/test_disclosure.py`).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "[c]"  # hidden to protect a small count elsewhere in its row or column


@dataclass(frozen=True)
class Cell:
    value: int
    primary: bool = False
    secondary: bool = False
    # "<5" tells a reader the count is 1 to 4. Where even that would pin a count (every cell of a
    # table small, say), the count is shown as "[c]" instead, which bounds nothing.
    bounded: bool = True

    @property
    def hidden(self) -> bool:
        return self.primary or self.secondary

    @property
    def text(self) -> str:
        if self.primary:
            return SMALL if self.bounded else HIDDEN
        if self.secondary:
            return HIDDEN
        return f"{self.value:,}"


@dataclass(frozen=True)
class Table:
    """`cells[r][c]` inner cells; `row_totals[r]`, `column_totals[c]`, `total`: all Cells."""

    cells: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    total: Cell

    def lines(self):
        """Each published line: (its cells, its total), rows then columns, then the totals line."""
        for r, row in enumerate(self.cells):
            yield row, self.row_totals[r]
        for c in range(len(self.column_totals)):
            yield [row[c] for row in self.cells], self.column_totals[c]
        yield self.row_totals, self.total
        yield self.column_totals, self.total


def is_small(value: int, threshold: int = THRESHOLD) -> bool:
    return 0 < value < threshold


def protect(values: list[list[int]], threshold: int = THRESHOLD) -> Table:
    """Primary and secondary suppression of a table with row, column and grand totals."""
    if not values or not values[0]:
        raise ValueError("A table needs at least one row and one column.")
    if any(len(row) != len(values[0]) for row in values):
        raise ValueError("Every row needs the same number of columns.")
    if any(v < 0 for row in values for v in row):
        raise ValueError("Counts cannot be negative.")
    n_rows, n_cols = len(values), len(values[0])
    # Grid with totals: row n_rows is the column totals, column n_cols the row totals.
    grid = [list(row) + [sum(row)] for row in values]
    grid.append([sum(values[r][c] for r in range(n_rows)) for c in range(n_cols)] + [sum(map(sum, values))])
    primary = {(r, c) for r in range(n_rows + 1) for c in range(n_cols + 1) if is_small(grid[r][c], threshold)}
    hidden = set(primary)
    lines = [[(r, c) for c in range(n_cols + 1)] for r in range(n_rows + 1)] + \
            [[(r, c) for r in range(n_rows + 1)] for c in range(n_cols + 1)]
    while True:
        _hide_by_line_rules(lines, hidden, primary, grid, threshold)
        # The totals still bound what the hidden cells can be (a small count is 1-4): where those
        # bounds pin a small count to one value, hide more of its lines, and check again.
        pinned = _pinned(grid, hidden, primary, lines, threshold)
        extra = next((e for p in sorted(pinned) for line in lines if p in line
                      for e in [_next_to_hide(line, hidden, grid)] if e is not None), None)
        if extra is None:
            break
        hidden.add(extra)
    # If the bounds still pin a small count with nothing left to hide, say nothing about any bound.
    bounded = not _pinned(grid, hidden, primary, lines, threshold)
    cell = {(r, c): Cell(grid[r][c], (r, c) in primary, (r, c) in hidden and (r, c) not in primary, bounded)
            for r in range(n_rows + 1) for c in range(n_cols + 1)}
    return Table(cells=[[cell[r, c] for c in range(n_cols)] for r in range(n_rows)],
                 row_totals=[cell[r, n_cols] for r in range(n_rows)],
                 column_totals=[cell[n_rows, c] for c in range(n_cols)], total=cell[n_rows, n_cols])


def _hide_by_line_rules(lines, hidden, primary, grid, threshold) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            inner, total = line[:-1], line[-1]
            concealed = [p for p in inner if p in hidden]
            if not concealed and total not in hidden:
                continue
            # A line with one hidden cell gives it away by subtraction; hidden small counts whose
            # known sum is k (or 4k) are each 1 (or 4); a hidden total over shown cells is their sum.
            forced = total not in hidden and concealed and all(p in primary for p in concealed) and sum(
                grid[r][c] for r, c in concealed) in (len(concealed), (threshold - 1) * len(concealed))
            if len(concealed) == 1 or forced or (total in hidden and not concealed):
                extra = _next_to_hide(line, hidden, grid)
                if extra is not None:
                    hidden.add(extra)
                    changed = True


def _next_to_hide(line, hidden, grid):
    """The least informative cell of `line` still shown: its smallest non-zero inner cell, else
    its total, else a zero inner cell."""
    inner = [p for p in line[:-1] if p not in hidden]
    nonzero = [p for p in inner if grid[p[0]][p[1]] > 0]
    if nonzero:
        return min(nonzero, key=lambda p: (grid[p[0]][p[1]], p))
    if line[-1] not in hidden:
        return line[-1]
    return min(inner, key=lambda p: p) if inner else None


def _pinned(grid, hidden, primary, lines, threshold) -> set:
    """Small counts whose value the published figures fix, by interval reasoning over every
    line (sound: it never rules out a value the figures allow)."""
    big = grid[-1][-1]
    lo = {p: (1 if p in primary else 0) for p in hidden}
    hi = {p: (threshold - 1 if p in primary else big) for p in hidden}

    def bounds(p):
        return (lo[p], hi[p]) if p in hidden else (grid[p[0]][p[1]], grid[p[0]][p[1]])

    changed = True
    while changed:
        changed = False
        for line in lines:
            inner, total = line[:-1], line[-1]
            t_lo, t_hi = bounds(total)
            s_lo = sum(bounds(p)[0] for p in inner)
            s_hi = sum(bounds(p)[1] for p in inner)
            updates = []
            if total in hidden:
                updates.append((total, s_lo, s_hi))
            for p in inner:
                if p in hidden:
                    p_lo, p_hi = bounds(p)
                    updates.append((p, t_lo - (s_hi - p_hi), t_hi - (s_lo - p_lo)))
            for p, new_lo, new_hi in updates:
                if new_lo > lo[p]:
                    lo[p], changed = new_lo, True
                if new_hi < hi[p]:
                    hi[p], changed = new_hi, True
    return {p for p in hidden if p in primary and lo[p] == hi[p]}


def protect_series(values: list[int], threshold: int = THRESHOLD) -> tuple[list[Cell], Cell]:
    """One column of counts with its total (e.g. a funnel's stages that add up)."""
    table = protect([[v] for v in values], threshold)
    return [row[0] for row in table.cells], table.total


def protect_count(value: int, threshold: int = THRESHOLD) -> Cell:
    """A count published alone, with no total to subtract from."""
    return Cell(value, primary=is_small(value, threshold))


def rate(numerator: Cell, denominator: Cell, places: int = 1) -> str:
    """A percentage, or "not shown" when either count is hidden or the denominator is zero."""
    if numerator.hidden or denominator.hidden or denominator.value == 0:
        return "not shown"
    value = (Decimal(numerator.value) * 100 / Decimal(denominator.value)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{value}%"
