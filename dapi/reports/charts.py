"""Charts for the evidence pages: Altair specs rendered to SVG by vl-convert (no browser).
Each chart draws the numbers of a table printed beside it, with the values written on its bars,
in text that can be read on a screen and in print (dapi/lib/charts.py).

Building an Altair spec and converting it both take tens of milliseconds, so each chart is
cached by the numbers it draws: a dashboard asked for again with the same figures draws nothing.
"""

import functools

import altair as alt
import vl_convert

from dapi.lib.charts import LINES, readable, wrapped


def _svg(chart) -> str:
    return vl_convert.vegalite_to_svg(readable(chart).to_json(indent=None), allowed_base_urls=[])


def funding_by_year_svg(ev) -> str:
    """Confirmed and pending money per financial year: the figures of the funding table."""
    confirmed, pending = ev.funding.confirmed_by_year(), ev.funding.pending_by_year()
    rows = tuple((str(fy), kind, float(amount))
                 for fy in ev.funding.years for kind, amount in (("Confirmed", confirmed[fy]), ("Pending", pending[fy]))
                 if amount)
    if not rows:
        return ""
    return _funding_svg(tuple(str(fy) for fy in ev.funding.years), rows)


@functools.lru_cache(maxsize=256)
def _funding_svg(years: tuple[str, ...], rows: tuple[tuple[str, str, float], ...]) -> str:
    values = [{"year": year, "kind": kind, "amount": amount, "text": f"£{amount:,.0f}"}
              for year, kind, amount in rows]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("year:N", title="Financial year", sort=list(years)),
        yOffset=alt.YOffset("kind:N", sort=["Confirmed", "Pending"]),
        x=alt.X("amount:Q", title="£", axis=alt.Axis(format=",.0f", tickCount=4)))
    bars = base.mark_bar().encode(
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=["Confirmed", "Pending"],
                                                               range=["#1d70b8", "#b1b4b6"]),
                        legend=alt.Legend(orient="bottom")))
    labels = base.mark_text(align="left", dx=4, color="#0b0c0c").encode(text="text:N")
    return _svg((bars + labels).properties(width=380, height={"step": 22}, title="Funding by financial year"))


def counts_svg(rows, title: str) -> str:
    """A bar per row of a counts table; suppressed counts are drawn as no bar and labelled."""
    values = tuple((r.label, r.cell.value if not r.cell.hidden else 0, r.cell.text) for r in rows)
    if not any(count for _, count, _ in values):
        return ""
    return _counts_svg(values, title)


@functools.lru_cache(maxsize=1024)
def _counts_svg(rows: tuple[tuple[str, int, str], ...], title: str) -> str:
    values = [{"label": wrapped(label), "count": count, "text": text} for label, count, text in rows]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("label:N", title=None, sort=[v["label"] for v in values], axis=alt.Axis(labelExpr=LINES)))
    bars = base.mark_bar(color="#1d70b8").encode(x=alt.X("count:Q", title="Count", axis=alt.Axis(tickMinStep=1)))
    labels = base.mark_text(align="left", dx=4, color="#0b0c0c").encode(x=alt.X("count:Q"), text="text:N")
    return _svg((bars + labels).properties(width=300, height={"step": 30}, title=title))
