"""The Police and Crime Panel pack: one programme, one financial year, as HTML or an A4 PDF.

The same template renders both; WeasyPrint lays out the PDF (page numbers from CSS counters)
and the charts are Altair specs rendered to SVG by vl-convert, with their tables beside them.
"""

from datetime import date

import altair as alt
import vl_convert
from django.template.loader import render_to_string

from dapi.funding.charts import timeline_svg
from dapi.funding.money import FinancialYear

from .evidence import Evidence, programme_evidence


def funding_by_year_svg(ev: Evidence) -> str:
    """Confirmed and pending money per financial year: the same figures as the funding table."""
    confirmed, pending = ev.funding.confirmed_by_year(), ev.funding.pending_by_year()
    rows = [{"year": str(fy), "kind": kind, "amount": float(amount)}
            for fy in ev.funding.years for kind, amount in (("Confirmed", confirmed[fy]), ("Pending", pending[fy]))
            if amount]
    if not rows:
        return ""
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("year:N", title="Financial year", sort=[str(fy) for fy in ev.funding.years]),
        y=alt.Y("amount:Q", title="£", axis=alt.Axis(format=",.0f")),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=["Confirmed", "Pending"],
                                                               range=["#1d70b8", "#b1b4b6"])),
        tooltip=["year:N", "kind:N", alt.Tooltip("amount:Q", format=",.2f")],
    ).properties(width=420, height=180, title="Funding by financial year")
    return vl_convert.vegalite_to_svg(chart.to_json(indent=None), allowed_base_urls=[])


def pack_html(programme, period: FinancialYear, as_of: date, *, for_pdf: bool = False) -> str:
    ev = programme_evidence(programme, period, as_of, published=True)
    return render_to_string("reports/panel_pack.html", {
        "ev": ev, "for_pdf": for_pdf, "timeline_svg": timeline_svg(programme, as_of),
        "funding_svg": funding_by_year_svg(ev),
    })


def pack_pdf(programme, period: FinancialYear, as_of: date) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango and fonts, which only the PDF needs

    return HTML(string=pack_html(programme, period, as_of, for_pdf=True)).write_pdf()
