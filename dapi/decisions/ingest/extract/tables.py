"""Amounts laid out as rows: a table (cells separated by tabs or wide gaps), or a list of
"Harbour Support Services: £121,197.00" lines, with blank lines between rows allowed.

Consecutive rows make a block. A block's heading is the text just above it; its label words
shared by most rows ("DA Perpetrator Intervention ...") are dropped to leave the counterparty.
Numbers without "£" count as amounts in a column whose heading has "£" in it.

A table flattened to one cell per line, each cell ending in "|" ("Halton Borough Council |", "Community Safety
Funding |", "£81,962 |"), is read by its rhythm: when the sums come every n lines, each n lines are a row, its first
cell names the body and its last holds the sum.
"""

import re
from dataclasses import dataclass, field, replace

from .amounts import AmountMention, bare_amount
from .text import Layout, Span

_CELL_SPLIT = re.compile(r"\t|\s{3,}|\s\|\s")
_LABEL_TRIM = re.compile(r"^[\s\-•*–▪|:]+|[\s\-–|:=]+$")
_ENDS_IN_FUNCTION_WORD = re.compile(
    r"\b(?:is|are|was|were|be|been|of|at|to|by|from|and|or|the|a|an|with|totalling|totaling|worth|of|costing|"
    r"approximately|about|around|over|up|than|cost|costs|investment|funding|awarded|received|additional|extra)$",
    re.IGNORECASE)
# After a row's sum: a year, a date, "per annum", or a bracketed aside on where or how the money is used
# ("Foundation UK - £30,000 (delivering in Redcar)").
_TRAILING = re.compile(r"^[\s,;()\-–]*(?:(?:19|20)\d\d\s?[/-]\s?\d{2,4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|per annum|pa"
                       r"|p\.a\.|\)|\.|\([^()£\n]{1,80}\))?[\s.;)]*$", re.IGNORECASE)
_MONEY_HEADING = re.compile(r"£|\bGBP\b|\bamount\b|\bvalue\b|\ballocation\b|\bfunding\b", re.IGNORECASE)
_COLUMN_HEADINGS = re.compile(r"(?:[A-Z(£][\w()£/]*(?:\s+|$)){1,6}")
_LEADING_PLACE_WORDS = {"city", "borough", "county", "district", "area", "the", "of"}
# A list item's numeral or letter ("i.", "viii.", "(a)", "b)", "3.") numbers a row; it names nobody.
_LIST_MARKER = re.compile(r"\(?(?:[ivxlc]{1,6}|[a-z]|\d{1,2})[.)]?\)?", re.IGNORECASE)


@dataclass
class Row:
    line: Span
    amount: AmountMention
    label: str
    label_span: Span
    cells: list[str]
    named: bool = False  # the label is a list item's name as written, not a table cell to trim
    role: str = ""  # the role its column gives the sum, where the column says it (cell_rows.py)
    warning: str = ""  # why the row must be checked, where its sum has no warning of its own
    as_written: bool = False  # its label is a name cell read whole (cell_rows.py): no bracket or lower-case word cut


@dataclass
class Block:
    rows: list[Row] = field(default_factory=list)
    heading: str = ""
    heading_span: Span | None = None
    context: str = ""  # the heading and the lines around the block (not its rows' labels), for its role

    @property
    def span(self) -> Span:
        return (self.rows[0].line[0], self.rows[-1].line[1])


def _cells(layout: Layout, line: Span) -> list[tuple[int, int]]:
    """Cell spans; a tab-separated row keeps its empty cells so columns line up with the heading."""
    text = layout.text
    tabbed = "\t" in text[line[0]:line[1]]
    cells, start = [], line[0]
    for match in (re.compile(r"\t") if tabbed else _CELL_SPLIT).finditer(text, line[0], line[1]):
        cells.append((start, match.start()))
        start = match.end()
    cells.append((start, line[1]))
    return cells if tabbed else [(s, e) for s, e in cells if text[s:e].strip()]


def _row(layout: Layout, line: Span, amounts: list[AmountMention], money_columns: set[int]) -> Row | None:
    text = layout.text
    inside = [a for a in amounts if line[0] <= a.start < line[1]]
    cells = _cells(layout, line)
    if len([c for c in cells if text[slice(*c)].strip()]) >= 2:
        amount_cells = [i for i, (s, e) in enumerate(cells) if any(s <= a.start < e for a in inside)]
        if not inside and money_columns:
            for i in sorted(money_columns):
                if i < len(cells) and (found := bare_amount(text, *cells[i])):
                    inside, amount_cells = [found], [i]
                    break
        if len(inside) != 1 or len(amount_cells) != 1:
            return None
        labels = [(s, e) for i, (s, e) in enumerate(cells) if i != amount_cells[0] and text[s:e].strip()
                  and not _TRAILING.fullmatch(text[s:e]) and re.search(r"[A-Za-z]", text[s:e])
                  and not _LIST_MARKER.fullmatch(text[s:e].strip())]
        if not labels:
            # "viii.    Children's Society (£1,000)": the name is before the sum in its own cell; a numbered
            # item with its sum first ("a)    £1,570,258 to a consortium led by Solace ...") is running text.
            return _named_in_cell(layout, line, cells[amount_cells[0]], inside[0])
        label_span = labels[0]
    else:
        if len(inside) != 1:
            return None
        amount = inside[0]
        if not _TRAILING.fullmatch(text[amount.end:line[1]]):
            return None
        label_span = (line[0], amount.start)
        label = _LABEL_TRIM.sub("", text[slice(*label_span)])
        if not label or len(label.split()) > 10 or _ENDS_IN_FUNCTION_WORD.search(label) or label.endswith((",", "(")):
            return None
    raw = text[slice(*label_span)]
    label = _LABEL_TRIM.sub("", raw)
    offset = raw.find(label)
    return Row(line, inside[0], label, (label_span[0] + offset, label_span[0] + offset + len(label)),
               [text[s:e].strip() for s, e in cells])


def _named_in_cell(layout: Layout, line: Span, cell: Span, amount: AmountMention) -> Row | None:
    text = layout.text
    name = text[cell[0]:amount.start].rstrip(" (:-–")
    if not re.search(r"[A-Za-z]", name) or len(name.split()) > 10 or _ENDS_IN_FUNCTION_WORD.search(name) \
            or not _TRAILING.fullmatch(text[amount.end:cell[1]]):
        return None
    offset = len(name) - len(name.lstrip())
    return Row(line, amount, name.strip(), (cell[0] + offset, cell[0] + len(name)),
               [text[s:e].strip() for s, e in _cells(layout, line)], named=True)


def find_blocks(layout: Layout, amounts: list[AmountMention]) -> list[Block]:
    """Blocks of two or more rows (a single row counts when it is a table row with tabs)."""
    text = layout.text
    blocks: list[Block] = []
    current: Block | None = None
    money_columns: set[int] = set()
    gap = 0
    for line in layout.lines:
        content = text[slice(*line)]
        if not content.strip() or layout.is_furniture(line):
            gap += 1
            if gap > 2 and current:
                blocks.append(current)
                current, money_columns = None, set()
            continue
        row = _row(layout, line, amounts, money_columns)
        if row:
            gap = 0
            if current is None:
                current = Block()
            current.rows.append(row)
            continue
        # A heading row, its cells split by tabs or by " | " (a table kept as text with its rules between cells).
        if ("\t" in content or " | " in content) and not any(line[0] <= a.start < line[1] for a in amounts):
            cells = _cells(layout, line)
            money_columns = {i for i, (s, e) in enumerate(cells) if _MONEY_HEADING.search(text[s:e])
                             and not re.search(r"\d", text[s:e])}
        else:
            money_columns = set()
        if current:
            blocks.append(current)
            current = None
        gap = 0
    if current:
        blocks.append(current)
    blocks += _cell_per_line(layout, amounts)
    blocks += _described_rows(layout)
    blocks = [b for b in blocks if len(b.rows) >= 2 or "\t" in text[slice(*b.rows[0].line)]]
    for block in blocks:
        _describe(layout, block)
        _drop_shared_words(block)
    return blocks


def _cell_per_line(layout: Layout, amounts: list[AmountMention]) -> list[Block]:
    """Blocks of a table flattened to one "|"-ended cell per line (module docstring)."""
    text, blocks, run = layout.text, [], []
    for line in layout.lines + [(len(text), len(text))]:
        if text[slice(*line)].rstrip().endswith("|"):
            run.append(line)
            continue
        summed = [(i, [a for a in amounts if ln[0] <= a.start < ln[1]]) for i, ln in enumerate(run)]
        summed = [(i, found[0]) for i, found in summed if len(found) == 1]
        steps = {b[0] - a[0] for a, b in zip(summed, summed[1:])}
        # At least three rows, and above the first no more lines than one row of column headings.
        if len(summed) >= 3 and len(steps) == 1 and (n := steps.pop()) >= 2 and n - 1 <= summed[0][0] <= 2 * n - 1:
            block = Block()
            for i, amount in summed:
                cells = [run[j] for j in range(i - n + 1, i + 1)]
                label = (cells[0][0], cells[0][0] + len(text[slice(*cells[0])].rstrip(" |\t")))
                if re.search(r"[A-Za-z]", text[slice(*label)]):
                    block.rows.append(Row((cells[0][0], cells[-1][1]), amount, text[slice(*label)].strip(), label,
                                          [text[slice(*c)].rstrip(" |\t") for c in cells]))
            if len(block.rows) >= 2:
                blocks.append(block)
        run = []
    return blocks


def _describe(layout: Layout, block: Block) -> None:
    """The block's heading (the nearest non-empty line above it) and the text around it."""
    text = layout.text
    first = layout.line_index(block.rows[0].line[0])
    last = layout.line_index(block.rows[-1].line[0])
    above = [layout.lines[i] for i in range(first - 1, max(-1, first - 6), -1)
             if text[slice(*layout.lines[i])].strip() and not layout.is_furniture(layout.lines[i])][:2]
    if len(above) == 2 and _COLUMN_HEADINGS.fullmatch(text[slice(*above[0])].strip()) and not re.search(
            r"[.;,]\s*$", text[slice(*above[1])]):
        above = above[1:] + above[:1]  # name the table by its title, not its column headings
    below = [layout.lines[i] for i in range(last + 1, min(len(layout.lines), last + 4))
             if text[slice(*layout.lines[i])].strip()][:1]
    if above:
        block.heading_span = (above[0][0] + len(text[slice(*above[0])]) - len(text[slice(*above[0])].lstrip()),
                              above[0][1])
        block.heading = text[slice(*above[0])].strip()
    # A line around the block, not its heading, that states a sum of its own ("Provider TBC, allocated budget -
    # £25,000") says that sum's role, not the block's.
    around = [s for s in above[1:] + below if not re.search(r"£\s?\d", text[slice(*s)])]
    block.context = " ".join(text[slice(*s)] for s in above[:1] + around)


def _same_word(a: str, b: str) -> bool:
    a, b = a.lower().rstrip(":"), b.lower().rstrip(":")
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _drop_shared_words(block: Block) -> None:
    """Leading words most rows share (a repeated description) are not part of the counterparty."""
    words = [row.label.split() for row in block.rows]
    shared: list[str] = []
    while len(block.rows) >= 3:
        column = [w[len(shared)] for w in words if len(w) > len(shared) + 1]
        best = max(column, key=lambda c: sum(_same_word(c, o) for o in column), default=None)
        if best is None or sum(_same_word(best, o) for o in column) < len(words) / 2:
            break
        shared.append(best)
    for row, row_words in zip(block.rows, words):
        if row.named:
            continue
        keep = row_words
        if shared and len(keep) > len(shared) and all(_same_word(w, r) for w, r in zip(keep, shared)):
            keep = keep[len(shared):]
        while len(keep) > 1 and keep[0].lower() in _LEADING_PLACE_WORDS and not _has_suffix(keep):
            keep = keep[1:]
        label = " ".join(keep)
        offset = row.label.rfind(label) if label in row.label else 0
        row.label_span = (row.label_span[0] + offset, row.label_span[0] + offset + len(label))
        row.label = label


def _has_suffix(words: list[str]) -> bool:
    from .organisations import SUFFIXES

    return words[-1].lower().rstrip(".") in SUFFIXES


# "Organisation Nature of Project £" over rows "Dads Unlimited A foundation for men ...  30,000": a table flattened to
# one line per row, with the name and a description run together and the sum after a wide gap at the end.
_POUND_HEADING = re.compile(r"^[ \t]*[A-Z][\w ]{2,60}?[ \t]\(?£\)?[ \t]*$")
_DESCRIBED_ROW = re.compile(r"^[ \t]*(?P<label>[A-Z][^\t]*?\S)[ \t]{2,}(?P<n>\d{1,3}(?:,\d{3})+|\d{3,})(?:\.\d{2})?[ \t]*$")
_ACRONYM_FIRST = re.compile(r"(?P<n>[A-Z]{3,8})\s+[A-Z][a-z]")
_CAPITALISED = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|&))*")


def _described_rows(layout: Layout) -> list[Block]:
    """Rows of a table headed "... £" whose name and description run together (the comment above). Where the name ends
    cannot be known for certain: it is read as the leading run of capitalised words without the last (which begins
    the description: "Dandelion Time Therapeutic service ..."), or a leading acronym ("NSPCC Letting The Future In"),
    with a warning on the line to check it."""
    text, blocks = layout.text, []
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()]
    for index, heading in enumerate(lines):
        if not _POUND_HEADING.match(text[slice(*heading)]):
            continue
        block = Block()
        for line in lines[index + 1:]:
            row = _DESCRIBED_ROW.match(text[slice(*line)])
            if not row:
                break
            label = text[line[0] + row.start("label"):line[0] + row.end("label")]
            acronym = _ACRONYM_FIRST.match(label)
            words = _CAPITALISED.match(label).group(0).split()
            name = acronym["n"] if acronym else " ".join(words[:-1] if len(words) > 1 else words)
            name = re.sub(r"\s+(?:and|of|&)$", "", name)
            amount = bare_amount(text, line[0] + row.start("n"), line[1])
            if not amount or len(name) < 2:
                break
            start = line[0] + row.start("label")
            warning = (f"“{name}” is read as the name from the start of the row “{' '.join(label.split()[:8])} ...”, "
                       "where the name and the description run together: check where the name ends")
            block.rows.append(Row(line, replace(amount, warning=warning), name, (start, start + len(name)),
                                  [label, text[line[0] + row.start("n"):line[0] + row.end("n")]], named=True))
        if len(block.rows) >= 2:
            block.heading, block.heading_span = text[slice(*heading)].strip(), heading
            blocks.append(block)
    return blocks
