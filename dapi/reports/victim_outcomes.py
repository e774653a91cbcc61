"""Victim-reported outcomes as matched pairs (DOMAIN.md section 8): only victims with both intake
answers and exit (or follow-up) answers count, each compared on her total score (every answer
counted so that higher is better), improved, the same or worse. Published under the same
disclosure control as every other count about people: the pairs form one table (comparison by
change) protected with its totals, and a share is not shown where a count behind it is hidden.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from dapi.cases.models import Stage, VictimOutcome

from .disclosure import Cell, protect, rate

COMPARISONS = [(Stage.EXIT, "Intake to exit"), (Stage.FOLLOW_UP, "Intake to follow-up")]
CHANGES = [("improved", "Improved"), ("same", "The same"), ("worse", "Worse")]


def matched_pairs(case_ids, start: date, end: date) -> Counter:
    """(later stage, change) -> number of victims, for the victims of `case_ids` (a pk subquery)
    whose exit or follow-up answers are dated in the period and who have intake answers."""
    later = VictimOutcome.objects.filter(member__case__in=case_ids, recorded_on__range=(start, end),
                                         stage__in=[stage for stage, _ in COMPARISONS]).order_by()
    later = list(later.values_list("member_id", "stage", "score"))
    intake = dict(VictimOutcome.objects.filter(member_id__in={m for m, _, _ in later}, stage=Stage.INTAKE)
                  .order_by().values_list("member_id", "score"))
    pairs = Counter()
    for member, stage, score in later:
        if member in intake:
            before = intake[member]
            pairs[(stage, "improved" if score > before else "worse" if score < before else "same")] += 1
    return pairs


@dataclass
class PairRow:
    label: str
    pairs: Cell
    changes: list[tuple[Cell, str]]  # each change's count and its share of the pairs


@dataclass
class PairTable:
    rows: list[PairRow]
    note: int


def pair_table(pairs: Counter, published: bool, note: int) -> PairTable:
    """The comparisons by change, with disclosure control when `published`."""
    values = [[pairs[(stage, change)] for change, _ in CHANGES] for stage, _ in COMPARISONS]
    if published:
        table = protect(values)
        cells, totals = table.cells, table.row_totals
    else:
        cells = [[Cell(v) for v in row] for row in values]
        totals = [Cell(sum(row)) for row in values]
    return PairTable(rows=[PairRow(label, total, [(cell, rate(cell, total)) for cell in row])
                           for (_, label), row, total in zip(COMPARISONS, cells, totals)], note=note)


def victim_outcome_evidence(ev) -> PairTable:
    """The matched pairs of the evidence's cases in scope and period, with their note."""
    note = ev.note("Victim-reported outcomes: victims whose exit (or follow-up) answers to the programme's "
                   "questionnaire are dated in the period and who also answered it at intake, by whether her total "
                   "(each answer counted so that higher is better) improved, stayed the same or worsened; shares are "
                   "of the pairs, and not shown when a count behind them is hidden.")
    return pair_table(matched_pairs(ev.case_ids, ev.period.start, ev.period.end), ev.published, note)
