"""The comparison group section of a programme's evidence (issue 17, item 7): police incidents and
harm before and after entry for the programme's cases referred from a police ranking and for the
same force's ranked perpetrators never referred who matched them, and the difference in change
with a bootstrap 95% interval, from stored rows only (identification.comparison).

Shown wherever the programme's police outcomes are (the dashboard and the panel pack, to whoever
may see the programme's evidence: reports/access.py), as aggregates: under disclosure control
the counts of 1 to 4 are "<5" (and the count of cases matched "[c]" when the unmatched are 1 to
4, since the two add up to a published count), and no mean or difference is shown unless both the
cases matched and their comparators number 5 or more.
"""

from dataclasses import dataclass, field

from dapi.identification.comparison import BAND_WIDTH, PER_CASE, RESAMPLES, police_referred, programme_comparison
from dapi.identification.engine.comparison import band_label

from .disclosure import Cell, protect_count, protect_series

OBSERVATIONAL = ("Observational: the people compared were not chosen at random, so the difference may have other "
                 "causes than the programme.")
MEASURES = [("incidents", "Police incidents"), ("harm", "Harm (days)")]


@dataclass
class ComparisonSection:
    shown: bool = False
    text: str = ""
    counts: list[tuple[str, Cell]] = field(default_factory=list)
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # measure, cases b/a, comparators b/a
    differences: list[tuple[str, str]] = field(default_factory=list)
    observational: str = OBSERVATIONAL
    note: int = 0


def _interval(d) -> str:
    return f"{d.estimate:+.2f} (95% interval {d.low:+.2f} to {d.high:+.2f})"


def comparison_section(ev) -> ComparisonSection:
    """The section for `ev` (reports.evidence.Evidence): its cases in scope that entered the
    programme on a referral carrying a police identifier; its method note added to `ev`'s notes.
    The comparison is worked out from the stored groups as they are now (identification.comparison
    keeps it, keyed by what it is made from, so it is made once per change of the groups)."""
    bands = ", ".join(band_label(lower) for lower in range(0, 100, BAND_WIDTH))
    section = ComparisonSection(note=ev.note(
        "Comparison group: for each case referred from a police ranking, the same force's ranked perpetrators "
        "(two or more incidents in the two years before) who were never referred to any programme, from that "
        "force's newest incident file only. They are matched "
        f"on RFGV band (the score on the case's entry date in bands of {BAND_WIDTH} points: {bands}) and area (of "
        f"the latest incident) on that date, keeping up to {PER_CASE} nearest in score. Incidents and harm are "
        "counted in the 12 months before entry and the 12 months from entry (to the file's date) for both, over "
        "the same days. Difference in change: each case's change (after minus before) less the mean change of "
        "his comparators, averaged over cases. Cases not ranked on their entry date or with no one to match are "
        "unmatched and left out, and counted. The 95% interval is a percentile bootstrap: cases, and each case's "
        "comparators, drawn again with replacement "
        f"{RESAMPLES:,} times with a fixed seed, so the same data always give "
        "the same interval. All the programme's cases that have entered are included, whatever the year."))
    result = programme_comparison(police_referred(ev.case_ids))
    if result is None:
        section.text = ("No case of this programme referred from a police ranking has a comparison group yet, so "
                        "none is reported.")
        return section

    if ev.published:
        # Matched and unmatched add up to the cases with police outcome data, published above them,
        # so they are one series: a small unmatched count hides the matched count too.
        (matched, unmatched), _ = protect_series([result.matched, result.unmatched])
        comparators = protect_count(result.comparators)
    else:
        matched, unmatched, comparators = Cell(result.matched), Cell(result.unmatched), Cell(result.comparators)
    section.counts = [("Cases matched", matched), ("Cases unmatched (left out)", unmatched),
                      ("People in the comparison group", comparators)]
    # The means and differences say nothing of how many: they need 5 or more behind them.
    if result.matched == 0 or matched.primary or comparators.hidden:
        section.text = ("Too few cases or comparators to show the comparison without identifying anyone."
                        if result.matched else "No case could be matched, so there is no comparison.")
        return section
    m = result.means
    section.rows = [(label, f"{m[f'cases_{k}_before']:.2f}", f"{m[f'cases_{k}_after']:.2f}",
                     f"{m[f'comparators_{k}_before']:.2f}", f"{m[f'comparators_{k}_after']:.2f}")
                    for k, label in MEASURES]
    section.differences = [(f"{label}: difference in change", _interval(getattr(result, k))) for k, label in MEASURES]
    section.shown = True
    return section
