"""The programme timeline: a Gantt of agreements, awards and allocation years, drawn as SVG.

The chart and the table printed beside it both come from `timeline_rows`, so the picture
never shows anything the table does not say in words.
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

import altair as alt
import vl_convert

from dapi.lib.charts import FONT_PX, LINES, line_count, readable, wrapped
from dapi.lib.money import FinancialYear, format_gbp

from .ledger import Ledger, load_ledger
from .models import Programme
from .runway import programme_runway

KINDS = ["Award", "Agreement", "Extension option", "Allocations"]
COLOURS = ["#1d70b8", "#00703c", "#b1b4b6", "#f47738"]  # GOV.UK blue, green, mid-grey, orange


@dataclass(frozen=True)
class TimelineRow:
    label: str
    kind: str  # one of KINDS
    start: date | None  # None: the record does not state it
    end: date
    amount: Decimal | None


def timeline_rows(ledger: Ledger) -> list[TimelineRow]:
    """One row per award and per agreement (and its extension option, if any), and one per
    financial year of allocations."""
    rows = [TimelineRow(f"{aw.title} ({aw.funder})", "Award", aw.start, aw.end, aw.amount)
            for aw in ledger.awards]
    for a in ledger.agreements:
        rows.append(TimelineRow(a.title, "Agreement", a.start, a.funded_until, a.value))
        if a.extension_until and a.extension_until > a.end:
            rows.append(TimelineRow(a.title, "Extension option", a.end + timedelta(days=1), a.extension_until, None))
    allocations = sorted(ledger.allocations, key=lambda al: al.financial_year)
    for year, items in groupby(allocations, key=lambda al: al.financial_year):
        items = list(items)
        fy = FinancialYear(year)
        recipients = f"{len(items)} recipient{'' if len(items) == 1 else 's'}"
        rows.append(TimelineRow(f"Allocations {fy} ({recipients})", "Allocations", fy.start, fy.end,
                                sum((al.amount for al in items), Decimal("0"))))
    return sorted(rows, key=lambda r: (r.start or date.min, r.label, KINDS.index(r.kind)))


def _day(d: date) -> str:
    return d.strftime("%-d %b %Y")


def timeline_chart(ledger: Ledger, today: date) -> alt.LayerChart:
    """Bars from start to end, coloured by kind, with rules for today and the runway end.
    A bar whose start is not stated begins at the earliest date in the chart and says so."""
    return _chart(*_drawn(ledger, today))


def _chart(name: str, rows: tuple[TimelineRow, ...], today: date, runway_end: date | None) -> alt.LayerChart:
    marks = [("Today", today)] + ([("Runway end", runway_end)] if runway_end else [])
    earliest = min([r.start for r in rows if r.start] + [r.end for r in rows] + [d for _, d in marks])
    bars = [
        {
            "label": wrapped(r.label + ("" if r.start else " (start not stated)")
                             + (" – extension" if r.kind == "Extension option" else "")),
            "kind": r.kind,
            "start": (r.start or earliest).isoformat(),
            "end": r.end.isoformat(),
            "period": f"{_day(r.start) if r.start else 'start not stated'} to {_day(r.end)}",
            "amount": format_gbp(r.amount),
        }
        for r in rows
    ]
    latest = max([r.end for r in rows] + [d for _, d in marks])
    months = max(1, round((latest - earliest).days / 30.4 / 8))  # about eight ticks, on month boundaries
    x = alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, grid=True,
                                                   tickCount={"interval": "month", "step": months}))
    gantt = alt.Chart(alt.Data(values=bars)).mark_bar(height=14).encode(
        x=x,
        x2="end:T",
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelExpr=LINES)),
        color=alt.Color("kind:N", title="Kind", scale=alt.Scale(domain=KINDS, range=COLOURS),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("label:N", title="Item"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("period:N", title="Period"), alt.Tooltip("amount:N", title="Amount")],
    )
    # Each rule's label on its own line, so that close dates do not print over each other, and to the
    # left of its rule, inside the chart's width.
    lines = alt.Data(values=[{"what": what, "date": d.isoformat(), "text": f"{what}: {_day(d)}",
                              "line": (FONT_PX + 2) * i - 6} for i, (what, d) in enumerate(marks)])
    rules = alt.Chart(lines).mark_rule(strokeWidth=2, strokeDash=[6, 3], color="#d4351c").encode(x="date:T")
    labels = alt.Chart(lines).mark_text(align="right", dx=-4, color="#0b0c0c", fontSize=FONT_PX).encode(
        x="date:T", y=alt.Y("line:Q", scale=None, axis=None), text="text:N")
    # Narrow enough, with its wrapped labels, to print at its own size on A4 (dapi/lib/charts.py).
    lines_per_row = max(line_count(b["label"]) for b in bars)
    return readable((gantt + rules + labels).properties(
        width=360,
        height=max(60, max(26, (FONT_PX + 3) * lines_per_row + 8) * len({b["label"] for b in bars})),
        title=f"Funding timeline as of {_day(today)}",
        description=f"Timeline of the awards, agreements and allocations of {name}; "
                    "the table beside the chart lists the same items.",
    ).configure_view(stroke=None))


@functools.lru_cache(maxsize=128)
def _svg(name: str, rows: tuple[TimelineRow, ...], today: date, runway_end: date | None) -> str:
    # Keyed by everything the chart draws: the same rows and dates draw the same chart. Both
    # steps are slow, so a hit skips both: building and validating the Altair spec (about 60 ms
    # for a seed programme) and converting it (a JavaScript runtime renders it).
    spec = _chart(name, rows, today, runway_end).to_json(indent=None)
    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])


def _drawn(ledger: Ledger, today: date) -> tuple:
    """What the timeline draws: the programme's name, its rows, today and the runway end."""
    return ledger.programme.name, tuple(timeline_rows(ledger)), today, programme_runway(ledger, today).runway_end


def timeline_svg(programme: Programme, today: date, ledger: Ledger | None = None) -> str:
    """The programme's timeline chart as an SVG document, drawn from `ledger` when the caller has
    read it already (reports' evidence has), else from the ledger read here."""
    return _svg(*_drawn(ledger if ledger is not None else load_ledger(programme), today))
