"""A run of "Name - £N" pairs on one line: "included: PACE Film - £5000 BRFM - £5000 Valleys Youth Club - £500".

When at least three pairs follow one another on a single line, each a capitalised name, a dash and a sum with nothing
else between one sum and the next name (the run starting at the line's head or after a colon), every sum goes to the
name written just before its dash. The sums drafted there without a party are replaced by one line each (sums of the
same size are otherwise drafted once), named after their pair and keeping the role drafted for them. A run where any
sum already has a party, or whose drafted sums are not the run's, is left alone.
"""

import re
from dataclasses import replace
from decimal import Decimal

from .draft import MoneyItem

_NAME = r"(?<![\w'&.()/])[A-Z0-9][\w'&.()/]*(?:[ ][A-Za-z0-9&'()/.][\w'&.()/]*){0,7}"
_PAIR = re.compile(rf"({_NAME})[ ]+[-–—][ ]+£(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d\d))?(?![\d,.]*\d)")
_LEAD = re.compile(r"[:;]\s*$")


def _runs(text: str):
    """Each run of three or more pairs on one line, as a list of (name, name span, amount, amount span)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        run, last = [], None
        for m in _PAIR.finditer(line):
            between = line[last : m.start()] if last is not None else ""
            if last is not None and between.strip():
                if len(run) >= 3:
                    yield run
                run = []
            if last is None or between.strip():
                head = line[: m.start()] if last is None else between
                if head.strip() and not _LEAD.search(head):
                    run, last = [], m.end()
                    continue
            amount = Decimal(m.group(2).replace(",", "") + "." + (m.group(3) or "00"))
            name_span, amount_span = (
                (offset + m.start(1), offset + m.end(1)),
                (offset + m.start(2) - 1, offset + m.end()),
            )
            run.append((m.group(1), name_span, amount, amount_span))
            last = m.end()
        if len(run) >= 3:
            yield run
        offset += len(line)


def name_paired_runs(text: str, money: list[MoneyItem]) -> None:
    """Give each sum of a run of "Name - £N" pairs its name (the module docstring)."""
    for run in _runs(text):
        lo, hi = run[0][1][0], run[-1][3][1]
        inside = [i for i, m in enumerate(money) if m.spans and all(lo <= s < hi for s, _ in m.spans)]
        if not inside or any(money[i].counterparty for i in inside):
            continue
        if {money[i].amount for i in inside} != {amount for _, _, amount, _ in run}:
            continue
        template = money[inside[0]]
        new = [
            replace(
                template, amount=amount, counterparty=name, spans=[span], counterparty_spans=[name_span], warning=""
            )
            for name, name_span, amount, span in run
        ]
        for i in reversed(inside):
            del money[i]
        money[inside[0] : inside[0]] = new
