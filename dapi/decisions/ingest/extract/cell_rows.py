"""A table the page flattened to one cell per line, with no rules between its cells: a header of column names, one
to a line ("Organisation" / "Total Project" / "Recommendation"), then rows whose first cell names a body and whose
following cells are sums or words ("Mull Runners" / "£7,240" / "£650"). Each row's name is the counterparty of its
sums. tables.py reads such a table only when each cell ends in "|"; this reads it by its header.

A row's cells after its name are matched to the header's money columns from the right, so that a leading cell of
words (a "Recommendation" column saying "Award") or a trailing remark ("Agreed that this application be brought
back ...") keeps the sums under their own columns. A sum under a column of what was asked for or what the project
costs ("Amount Requested", "Total Project") is an `other` line of the row's body, and is no line of its own when the
row awards the same sum; a sum under a column of allocations or grants takes that role, and under "Award" or
"Recommendation" the role the decision's wording gives. Every line read so carries a warning to check the row.
"""

import re
from dataclasses import dataclass, field

from .amounts import AmountMention, bare_amount
from .tables import Block, Row
from .text import Layout, Span

# Words column names are made of. A header line has only these (and a year, "2022/23"); a row's name has others.
_COLUMN_WORDS = {
    "ref", "no", "no.", "number", "applicant", "applicants", "organisation", "organisations", "organization", "name",
    "group", "project", "projects", "recipient", "provider", "body", "partner", "partnership", "council", "area", "ward",
    "recommendation", "recommendations", "recommended", "amount", "amounts", "requested", "request", "award", "awarded",
    "awards", "total", "cost", "costs", "grant", "grants", "allocation", "allocations", "allocated", "funding", "value",
    "budget", "offer", "offered", "approved", "agreed", "decision", "purpose", "description", "comments", "status",
    "district", "region", "county", "borough", "locality", "location", "sector", "type", "theme", "scheme", "service",
    "fund", "year", "period", "£", "(£)", "of", "/", "&", "and", "to", "be",
}
_MONEY_COLUMN = re.compile(r"\b(?:recommend\w*|amounts?|request\w*|award\w*|total|costs?|grants?|allocat\w*|funding|value"
                           r"|budget|offer\w*|approved|agreed)\b|£", re.I)
_NAME_COLUMN = re.compile(r"\b(?:applicants?|organi[sz]ations?|name|recipient|group|project|body|provider|council"
                          r"|partner\w*|area|ward)\b", re.I)
_ASKED_COLUMN = re.compile(r"\brequest\w*|\bcosts?\b|\btotal\s+project\b|\bproject\s+(?:total|cost)|\bbudget\b"
                           r"|\bapplied\b|\basked\b", re.I)
_COLUMN_ROLES = [("allocation", re.compile(r"\ballocat", re.I)), ("grant", re.compile(r"\bgrants?\b", re.I))]
_YEAR = re.compile(r"\(?(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?\)?")
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")
_LIST_ITEM = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S", re.I)  # "2.    Agreed that ...": the table is over
_BARE_SUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{4,}(?:\.\d{2})?|\d+\.\d{2}")
_KEPT = re.compile(r"(?:retained|held|kept|reserved)\s+(?:by|for|centrally)\b"
                   r"|(?:unallocated|unspent|remaining|balance|reserve)\b", re.I)
_SMALL = {"and", "of", "the", "for", "at", "by", "in", "on", "to", "&", "upon", "an", "a", "de", "la", "le", "du", "y"}


@dataclass
class _Row:
    name: Span
    cells: list[tuple[Span, list[AmountMention]]] = field(default_factory=list)  # after the name, in order


def _header_line(content: str) -> bool:
    words = content.split()
    return 0 < len(words) <= 4 and all(w.lower() in _COLUMN_WORDS or _YEAR.fullmatch(w) for w in words)


def name_line(content: str) -> bool:
    """A body's name: begun with a capital or a digit, short, at most one lower-case word other than the small words
    names are joined by (a sentence of remarks has many)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", content)
    if not words or len(content.split()) > 12 or not (content[0].isupper() or content[0].isdigit()):
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in _SMALL]
    return len(lower) <= 1 and not content.endswith((":", ".", ",", ";"))


def _rows(layout: Layout, lines: list[Span], amounts: list[AmountMention], width: int, pounds: bool) -> list[_Row]:
    """The rows under a header whose columns after the name column are `width`: a row is full at that many cells. Under
    a "£" column a number alone on its line ("136,091") is a sum; a row's number ("12") is too short to be one."""
    text, rows = layout.text, []
    current: _Row | None = None
    for line in lines:
        content = text[slice(*line)].strip()
        sums = [a for a in amounts if line[0] <= a.start < line[1]]
        if not sums and pounds and _BARE_SUM.fullmatch(content) and (bare := bare_amount(text, *line)):
            sums = [bare]
        if sums and not re.match(r"[£$€]?\s?\d", content):
            break  # a sum inside a sentence: prose, not a cell
        if _LIST_ITEM.match(content):
            break
        if sums:
            if current is None:
                break
            current.cells.append((line, sums[:1]))
            continue
        # A row is closed once it has a sum or all its cells: a name line after it begins the next row.
        closed = current is not None and (any(found for _, found in current.cells) or len(current.cells) >= width)
        if _ROW_NUMBER.fullmatch(content) and (current is None or closed):
            if current:
                rows.append(current)
            current = None
            continue
        if current is None or closed:
            if not name_line(content):
                if current is None or len(current.cells) >= width or any(not found for _, found in current.cells[-1:]):
                    break  # remarks with no row or cell to hold them, or a second remark: the table is over
                current.cells.append((line, []))
                continue
            if current:
                rows.append(current)
            current = _Row(line)
            continue
        current.cells.append((line, []))  # a cell of words before the row's sums ("Award with conditions")
    if current:
        rows.append(current)
    return [r for r in rows if any(found for _, found in r.cells)]


def _header_at(layout: Layout, lines: list[Span], index: int) -> int:
    """How many lines from `index` are a header of column names (0 when none)."""
    end = index
    while end < len(lines) and _header_line(layout.text[slice(*lines[end])].strip()):
        end += 1
    return end - index


def flat_table_blocks(layout: Layout, amounts: list[AmountMention], blocks: list[Block]) -> list[Block]:
    """Blocks of tables flattened one cell per line under a header (module docstring); sums already read as rows of
    another block are left to it."""
    text = layout.text
    taken = {id(row.amount) for block in blocks for row in block.rows}
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()]
    found, index = [], 0
    while index < len(lines):
        size = _header_at(layout, lines, index)
        if size < 2 or (index and _header_line(text[slice(*lines[index - 1])].strip())):
            index += max(size, 1)
            continue
        header = [text[slice(*ln)].strip() for ln in lines[index:index + size]]
        columns = [h for h in header if _MONEY_COLUMN.search(h)]
        named = next((i for i, h in enumerate(header) if _NAME_COLUMN.search(h)), 0)
        width = len([h for h in header[named + 1:] if not _YEAR.fullmatch(h)])
        pounds = any(re.fullmatch(r"\(?£\)?", h.split()[-1]) for h in header)
        rows = _rows(layout, lines[index + size:], amounts, width, pounds)
        if columns and len(rows) >= 2:
            block = _block(layout, rows, columns, taken, amounts)
            if len(block.rows) >= 2:
                above = lines[index - 1] if index else None
                if above:
                    block.heading, block.heading_span = text[slice(*above)].strip(), above
                block.context = block.heading
                found.append(block)
        index += size
    return found


def _block(layout: Layout, rows: list[_Row], columns: list[str], taken: set[int], amounts: list[AmountMention]) -> Block:
    """The rows' sums as rows of a block. A total row ("Total", "Total Awarded") is read only where its sum is said
    nowhere else, for the record's own statement of it ("totalling £23,326.48") to give the total once."""
    text, block = layout.text, Block()
    totals = {a.value for a in amounts if not any(line[0] <= a.start < line[1] for r in rows for line, _ in r.cells)}
    for row in rows:
        name = text[slice(*row.name)].strip()
        offset = text[slice(*row.name)].find(name)
        name_span = (row.name[0] + offset, row.name[0] + offset + len(name))
        placed = list(zip(row.cells[-len(columns):], columns[-len(row.cells):]))
        given = {found[0].value for (_, found), column in placed if found and not _ASKED_COLUMN.search(column)}
        total = bool(re.search(r"\btotal\b", name, re.I))
        for (line, found), column in placed:
            if not found or id(found[0]) in taken or (total and found[0].value in totals):
                continue  # "Total Available", then "Total Awarded" of the same sum: one total
            asked = bool(_ASKED_COLUMN.search(column))
            if asked and found[0].value in given:
                continue  # asked for and awarded in full: one line, the award
            role = "other" if asked else next((r for r, pattern in _COLUMN_ROLES if pattern.search(column)), "")
            # "Retained by PCC", "Unallocated": a part of the budget kept, paid to nobody (rows.py's "source").
            role = "source" if _KEPT.match(name) else role
            warning = (f"the sum under the column “{column}” is read as the row “{name}”'s, from a table flattened to one "
                       "cell per line: check the row")
            block.rows.append(Row(line, found[0], name, name_span, [name, text[slice(*line)].strip()], named=True,
                                  role=role, warning=warning, as_written=True))
        totals |= {found[0].value for (_, found), _ in placed if found and total}
    return block
