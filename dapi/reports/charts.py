"""Charts for the evidence pages: Altair specs rendered to SVG by vl-convert (no browser).
Each chart draws the numbers of a table printed beside it."""

import altair as alt
import vl_convert


def _svg(chart) -> str:
    return vl_convert.vegalite_to_svg(chart.to_json(indent=None), allowed_base_urls=[])


def funding_by_year_svg(ev) -> str:
    """Confirmed and pending money per financial year: the figures of the funding table."""
    confirmed, pending = ev.funding.confirmed_by_year(), ev.funding.pending_by_year()
    rows = [{"year": str(fy), "kind": kind, "amount": float(amount)}
            for fy in ev.funding.years for kind, amount in (("Confirmed", confirmed[fy]), ("Pending", pending[fy]))
            if amount]
    if not rows:
        return ""
    return _svg(alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("year:N", title="Financial year", sort=[str(fy) for fy in ev.funding.years]),
        y=alt.Y("amount:Q", title="£", axis=alt.Axis(format=",.0f")),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=["Confirmed", "Pending"],
                                                               range=["#1d70b8", "#b1b4b6"])),
    ).properties(width=420, height=180, title="Funding by financial year"))


def counts_svg(rows, title: str) -> str:
    """A bar per row of a counts table; suppressed counts are drawn as no bar and labelled."""
    values = [{"label": r.label, "count": r.cell.value if not r.cell.hidden else 0, "text": r.cell.text}
              for r in rows]
    if not any(v["count"] for v in values):
        return ""
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("label:N", title=None, sort=[v["label"] for v in values]))
    bars = base.mark_bar(color="#1d70b8").encode(x=alt.X("count:Q", title="Count"))
    labels = base.mark_text(align="left", dx=4).encode(x=alt.X("count:Q"), text="text:N")
    return _svg((bars + labels).properties(width=360, height=24 * len(values), title=title))
