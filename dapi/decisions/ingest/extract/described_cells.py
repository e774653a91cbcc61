"""A table flattened to one cell per line whose header has a column describing each application between the name
and the decision: "Group Name" / "Summary of Application" / "Decision", then per row a body's name, a sentence or
two of what the money is for ("To fund a trip to Orkney."), and the decision, on one line or two ("to award £350",
or "to award" then "£1,500"). cell_rows.py reads only rows of a name and sums; its rows end at the first sentence.

Guarded by its header: a name column, then a column of description ("Summary", "Purpose", "Description",
"Details"), then a decision or money column, each alone on its line. A row is read only when its decision cell is a
short decision ("to award", "award", "approved", "grant") with one sum; a row refused or deferred, or any line that
fits none of the three cells, ends the table. Every line read so carries a warning to check the row.
"""

import re

from .amounts import AmountMention
from .cell_rows import name_line
from .tables import Block, Row
from .text import Layout, Span

_NAME = re.compile(r"(?:group|applicant|organi[sz]ation|project|recipient)(?:\s+name)?s?|name(?:\s+of\s+\w+)?", re.I)
_DESCRIBED = re.compile(r"(?:(?:brief\s+)?summary|purpose|description|details)(?:\s+of\s+(?:the\s+)?"
                        r"(?:application|project|request|bid)s?)?|(?:project|application)\s+(?:summary|description"
                        r"|details)", re.I)
_DECIDED = re.compile(r"decision|award(?:ed)?|recommendation|amount(?:\s+awarded)?|grant(?:\s+awarded)?", re.I)
# The decision cell: "to award", "Award", "approved", with its sum on the same line or the next.
_DECISION = re.compile(r"(?:to\s+)?(?:award(?:ed)?|grant(?:ed)?|approved?|agreed?)(?:\s+(?:a\s+)?grant\s+of)?", re.I)
_SUM = re.compile(r"£\s?\d[\d,]*(?:\.\d{2})?")


def _header(texts: list[str], index: int) -> bool:
    return (index + 2 < len(texts) and bool(_NAME.fullmatch(texts[index])) and bool(_DESCRIBED.fullmatch(texts[index + 1]))
            and bool(_DECIDED.fullmatch(texts[index + 2])))


def _decision(content: str, following: str | None) -> int:
    """How many lines the decision cell takes (1 or 2) where `content` begins one with a sum; 0 where it is none."""
    match = _DECISION.match(content)
    if not match:
        return 0
    rest = content[match.end():].strip()
    if _SUM.fullmatch(rest):
        return 1
    return 2 if not rest and following is not None and _SUM.fullmatch(following) else 0


def described_table_blocks(layout: Layout, amounts: list[AmountMention], blocks: list[Block]) -> list[Block]:
    """Blocks of such tables (module docstring); sums already read as rows of another block are left to it."""
    text = layout.text
    taken = {id(row.amount) for block in blocks for row in block.rows}
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()]
    texts = [text[slice(*ln)].strip() for ln in lines]
    found = []
    for index in range(len(texts)):
        if not _header(texts, index):
            continue
        block, at = Block(), index + 3
        while at < len(texts) and name_line(texts[at]):
            name_span, described = lines[at], at + 1
            while described < len(texts) and described - at <= 3 and not _DECISION.match(texts[described]):
                described += 1  # the description: a sentence or two, not a decision
            if described == at + 1 or described >= len(texts):
                break
            size = _decision(texts[described], texts[described + 1] if described + 1 < len(texts) else None)
            if not size:
                break
            sum_line = lines[described + size - 1]
            sums = [a for a in amounts if sum_line[0] <= a.start < sum_line[1]]
            if len(sums) != 1:
                break
            if id(sums[0]) not in taken:
                block.rows.append(_row(layout, name_span, sum_line, sums[0], texts[index + 2]))
            at = described + size
        if len(block.rows) >= 2:
            block.heading = block.context = texts[index - 1] if index else ""
            block.heading_span = lines[index - 1] if index else None
            found.append(block)
    return found


def _row(layout: Layout, name_at: Span, sum_line: Span, amount: AmountMention, column: str) -> Row:
    text = layout.text
    name = text[slice(*name_at)].strip()
    offset = text[slice(*name_at)].find(name)
    name_span = (name_at[0] + offset, name_at[0] + offset + len(name))
    warning = (f"the sum under the column “{column}” is read as the row “{name}”'s, from a table flattened to one cell "
               "per line with a description between name and sum: check the row")
    return Row(sum_line, amount, name, name_span, [name, text[slice(*sum_line)].strip()], named=True, role="grant",
               warning=warning, as_written=True)
